import type { CloudName } from '@claimcheck/core'

// The one sign-in seam. The MSAL implementation (its own issue) lives behind a lazy import() so that MSAL never
// reaches the paste path's bundle; components see only this interface, provided through @lit/context, which
// tests replace with a fake.

export interface TokenRequest {
  clientId: string
  /** Tenant GUID, verified domain or "organizations". */
  tenant: string
  cloud: CloudName
  scopes: readonly string[]
}

export interface SignedInAccount {
  name: string | null
  username: string | null
  tenantId: string | null
}

export type TokenResult =
  | { ok: true; accessToken: string; account: SignedInAccount }
  /** `code` is an AADSTS code or MSAL's error code, for explainAadsts; failures are results, never throws. */
  | { ok: false; code: string; message: string }

export interface AuthClient {
  acquireToken(request: TokenRequest): Promise<TokenResult>
  signOut(): Promise<void>
}
