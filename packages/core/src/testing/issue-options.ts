import type { KnownApiId } from '../entra/apis.js'
import type { TokenVersion } from '../entra/issuers.js'
import type { JsonValue } from '../lib/json.js'
import type { Clock } from '../token/options.js'
import type { TestCaller } from './caller-shapes.js'
import type { TestTokenKind } from './token-shapes.js'

/** The resource a test token is for: a Defender API by name, or any audience (your own API). */
export type TestApi = Exclude<KnownApiId, 'graph'> | { audience: string }

export interface IssueTokenOptions {
  /** The resource the token is for. Required for access tokens; ID tokens are for the client itself. */
  api?: TestApi
  /** Default 'app-only' (or the caller's kind). */
  kind?: TestTokenKind
  /**
   * Who calls: an AI agent acting as itself ('agent', app-only) or for a user ('agent-for-user'), an agent's own
   * user account ('agent-user'), a managed identity, a guest, a partner's GDAP administrator. The shape carries the
   * optional claims as if the API had enabled them (docs/testing.md).
   */
  caller?: TestCaller
  /**
   * Issue as a Microsoft Entra External ID (CIAM) tenant: iss `https://{tid}.ciamlogin.com/{tid}/v2.0`, v2 only.
   * The tenant's fetch serves that host's metadata and keys (verify with `authority: 'https://{tid}.ciamlogin.com'`).
   */
  externalId?: boolean
  /** Application permissions (app-only) or the user's app-role assignments (delegated, ID tokens). */
  roles?: readonly string[]
  /** Delegated permissions, written to `scp`. Required for delegated tokens (Entra always writes scp in them). */
  scopes?: readonly string[]
  /** Default '1.0' for access tokens (the Defender APIs and new app registrations get v1), '2.0' for ID tokens. */
  version?: TokenVersion
  /** exp − iat, default 3600 seconds. */
  lifetimeSeconds?: number
  /** The issue instant written to iat and nbf (default: the tenant's clock). */
  now?: Clock
  /** The calling application (appid / azp), or the app an ID token is for (default: tenant.clientId). */
  clientId?: string
  /** The ID token's nonce (default: a random value). */
  nonce?: string
  /**
   * Claims to add or replace after the realistic shape is built; a value of `undefined` removes the claim.
   * For negative tests: `{ tid: undefined }`, `{ exp: 0 }`, `{ iss: 'https://evil.example/' }`.
   */
  claims?: Readonly<Record<string, JsonValue | undefined>>
  /** Header members to add, replace or remove (`undefined`); `alg` is always RS256, the key's algorithm. */
  header?: Readonly<Record<string, JsonValue | undefined>>
  /**
   * 'unpublished' signs with a key this tenant never serves (same kid form), for signing-key-not-found tests.
   * Default 'current'.
   */
  signingKey?: 'current' | 'unpublished'
}

export interface RotateKeysOptions {
  /**
   * Keep serving the previous keys (default true): Entra publishes the new key beside the old one for a while,
   * so tokens signed before the rotation still verify. false drops them at once.
   */
  keepPrevious?: boolean
}
