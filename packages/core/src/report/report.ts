import type { ApiId } from '../entra/apis.js'
import type { CloudName } from '../entra/clouds.js'
import type { TokenVersion } from '../entra/issuers.js'
import type { Finding } from '../findings/finding.js'
import type { OperationLifecycle } from '../permissions/types.js'
import type { CallerFacts } from '../token/caller.js'
import type { IssuerType } from '../token/external-issuer.js'
import type { JsonObject } from '../lib/json.js'

/**
 * The one answer to "will this token work?" (architecture.md, Verdicts). `works` needs a verified signature, no error
 * finding, and the asked permission granted (or none asked); `refused` means an error finding; `undetermined` means
 * nothing is wrong as far as could be seen, but the signature was not verified or the permission could not be judged.
 */
export type Verdict = 'works' | 'refused' | 'undetermined'

export type TokenKind = 'app-only' | 'delegated' | 'id-token' | 'unknown'

/**
 * Which classification rule decided `kind` (architecture.md, "Classifying a token"). `no-client-with-user-claims`,
 * `aud-is-client` and `roles` were rules before the 2026-11-30 correction and are no longer produced.
 */
export type KindRule =
  | 'idtyp'
  | 'agent-autonomous'
  | 'scp'
  | 'nonce'
  | 'no-client'
  | 'user-claims'
  | 'oid-differs'
  | 'oid-equals-sub'
  | 'undecided'
  | 'no-client-with-user-claims'
  | 'aud-is-client'
  | 'roles'

export interface TokenFacts {
  header: JsonObject
  payload: JsonObject
  version: TokenVersion | null
  kind: TokenKind
  kindRule: KindRule
  /** One sentence: why the token was classified so (or which claims were missing to decide). */
  kindReason: string
  tenantId: string | null
  /** The calling application: `appid` (v1) or `azp` (v2). */
  appId: string | null
  audience: string | null
  api: ApiId | null
  cloud: CloudName | null
  issuer: string | null
  /** Which platform wrote iss: Entra ID (workforce), External ID (ciamlogin.com), Azure AD B2C (not verified). */
  issuerType: IssuerType | null
  objectId: string | null
  subject: string | null
  /** A display name for the signed-in user (upn, preferred_username, unique_name). Never for authorization. */
  user: string | null
  roles: string[]
  scopes: string[]
  /** Who is calling, beside the kind: AI agent, relation to the tenant, credential (architecture.md, "Caller facts"). */
  caller: CallerFacts
  issuedAt: string | null
  notBefore: string | null
  expiresAt: string | null
}

export type SignatureStatus = 'valid' | 'invalid' | 'unverifiable' | 'not-checked' | 'error'

export interface SignatureReport {
  status: SignatureStatus
  kid: string | null
  jwksUri: string | null
  alg: string | null
}

export type PermissionContext = 'application' | 'delegated'

export interface PermissionReport {
  /** What the operation or --require asked for (any one of them grants, for operations). */
  required: string[]
  /** null when nothing was required. */
  satisfied: boolean | null
  granted: string[]
  missing: string[]
  context: PermissionContext | null
  operation: string | null
  /** The catalog that decided (`mde`, `m365d` or a custom catalog's id), or null. */
  api: string | null
  /** The operation's alternatives in the token's context; any one grants it. */
  anyOf: string[]
  /** Explicitly required permissions (--require): all must be present. */
  allOf: string[]
  /** Groups the operation needs together with one of anyOf (each group any-of, every group required). */
  alsoRequires?: string[][]
  /** The official page the operation's permissions come from. */
  source: string | null
  /** The matched operation's dated lifecycle (catalog data), when it has one. */
  lifecycle?: OperationLifecycle | null
}

export interface Report {
  /** No error finding (and, from a verifier, a valid signature). Kept for compatibility: read `verdict`. */
  ok: boolean
  /**
   * Will the token work? `works` only with a verified signature, no error and the asked permission granted;
   * `undetermined` when nothing is wrong but the signature was not verified (offline, Graph, keys unavailable).
   */
  verdict: Verdict
  token: TokenFacts | null
  signature: SignatureReport
  permissions: PermissionReport
  findings: Finding[]
}
