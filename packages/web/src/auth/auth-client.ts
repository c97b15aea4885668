import type { CloudName } from '@claimcheck/core'

// The one sign-in seam. The MSAL implementation (msal-auth-client.ts) lives behind a lazy import() so that MSAL
// never reaches the paste path's bundle; components see only this interface, provided through @lit/context, which
// tests replace with a fake.

/**
 * Where MSAL keeps its token cache: in this page's memory (gone on reload; the default), or in the tab's
 * sessionStorage, which the person must choose explicitly (it survives reloads and makes redirect sign-in possible).
 */
export type TokenCacheChoice = 'memory' | 'session'

export interface TokenRequest {
  clientId: string
  /** Tenant GUID, verified domain or "organizations". */
  tenant: string
  cloud: CloudName
  scopes: readonly string[]
  /** Default 'memory'. */
  cache?: TokenCacheChoice
}

export interface SignedInAccount {
  name: string | null
  username: string | null
  tenantId: string | null
}

export type TokenResult =
  | {
      ok: true
      accessToken: string
      account: SignedInAccount
      scopes: readonly string[]
      interactive: boolean
    }
  /**
   * `code` is an AADSTS code ("AADSTS65001") when Entra sent one, else MSAL's error code ("popups-blocked" when
   * no popup could open and redirect is not possible); failures are results, never throws.
   */
  | { ok: false; code: string; message: string; log?: readonly string[] }

export interface AuthClient {
  acquireToken(request: TokenRequest): Promise<TokenResult>
  signOut(): Promise<void>
}
