import type { CloudName } from '../entra/clouds.js'
import type { TokenVersion } from '../entra/issuers.js'
import type { TenantOutcome } from './outcomes.js'

/** Where a tenant's problem was seen. */
export type TenantErrorSource =
  | 'aadsts' // Entra answered with an AADSTS code
  | 'http' // an HTTP error without a code Entra explains (a 5xx, a proxy's 502, a 429)
  | 'timeout' // no answer within the per-request timeout
  | 'network' // the request failed before any answer (DNS, TLS, reset)
  | 'token' // a token came back, but it could not be judged (not an app-only token for this tenant and API)
  | 'input' // the tenant line itself is not a tenant ID or domain; nothing was sent
  | 'credential' // the caller's federated-credential function returned no assertion; nothing was sent

/** Why a tenant is not ready, in words a partner can act on. Never carries a secret, an assertion or a token. */
export interface TenantError {
  source: TenantErrorSource
  /** `AADSTS700016` and the like, when Entra sent one. */
  code: string | null
  httpStatus: number | null
  /** The OAuth `error` member (`invalid_client`, `unauthorized_client`, …). */
  oauthError: string | null
  meaning: string
  fix: string | null
  /** The first line of Entra's error_description (trace and correlation IDs removed). */
  description: string | null
  lookupUrl: string | null
  /** For `source: 'token'`: the error finding codes inspectToken reported. */
  findings: string[]
}

/** What the judged token said, without the token. */
export interface TokenSummary {
  tenantId: string | null
  appId: string | null
  version: TokenVersion | null
  kind: string
  expiresAt: string | null
}

/** One customer tenant's answer. Plain data: safe to log, serialise (JSONL) and keep for thousands of tenants. */
export interface TenantResult {
  /** The tenant as given (ID or domain). */
  tenant: string
  cloud: CloudName
  outcome: TenantOutcome
  /** One sentence: why this outcome. */
  reason: string
  /** The application permissions (roles) the token carried. */
  roles: string[]
  /** What the requirement asked for (any one of the operation's, plus every --require). */
  required: string[]
  /** For `missing-permissions`: what is missing. Application permissions: app-only tokens carry nothing else. */
  missing: string[]
  error: TenantError | null
  /** The v2 admin-consent link for this tenant and cloud; null when none can be built (an invalid tenant). */
  consentUrl: string | null
  token: TokenSummary | null
  /** Token requests made for this tenant (1 unless retried; 0 when nothing was sent). */
  attempts: number
}
