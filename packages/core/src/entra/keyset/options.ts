import type { FetchLike } from './fetch-json.js'

/** Tuning of the key-set layer. Every field has a production default; tests shorten the times. */
export interface KeySetOptions {
  /** Tenants (and appIds) whose key sets are kept; the least recently used is dropped beyond this. Default 500. */
  maxEntries?: number
  /** A key set older than this is refetched before use. Default 24 h. */
  refreshAfterMs?: number
  /** After a failed refresh, the last known good keys are used up to this age. Default 72 h. */
  maxStaleMs?: number
  /**
   * Minimum time between unknown-kid refetches (the first one after a fresh fetch is immediate). Default 60 s: one
   * forged token with a random kid spends the immediate refetch, so this is also the longest a genuinely rolled key
   * can be refused after such a token; Entra sees at most one refetch a minute from any flood of random kids.
   */
  unknownKidCooldownMs?: number
  /** First wait after a failed fetch; doubles per failure up to maxBackoffMs. Default 2 s. */
  backoffMs?: number
  /** Default 5 min. */
  maxBackoffMs?: number
  /** Deadline for one request, headers and body. Default 5 s. */
  timeoutMs?: number
  /** Largest metadata or key-set body accepted. Default 128 KiB (Entra's are under 20 KiB). */
  maxBytes?: number
  /** Test option: allow http:// to loopback addresses (servers a test starts). Never set it in production. */
  allowLoopbackHttp?: boolean
  /**
   * With `tenants: 'any'`: how many tenants never seen before may be discovered per minute. Beyond it, a token from
   * yet another new tenant is refused (signing-key-not-found) without a request, so forged tokens naming fresh
   * GUIDs can neither make the API hammer Entra nor flush the key-set cache. Default 30.
   */
  newTenantsPerMinute?: number
  /** How long a tenant Entra said does not exist (AADSTS90002) is refused without asking again. Default 1 h. */
  unknownTenantTtlMs?: number
}

export interface ResolvedKeySetOptions extends Required<KeySetOptions> {
  fetch: FetchLike
  /** Milliseconds since the epoch; the injected clock. */
  now: () => number
  /** Apply newTenantsPerMinute (the verifier sets it for `tenants: 'any'`: an allow-list bounds tenants itself). */
  limitNewTenants?: boolean
}

export const KEY_SET_DEFAULTS: Required<KeySetOptions> = Object.freeze({
  maxEntries: 500,
  refreshAfterMs: 24 * 3600_000,
  maxStaleMs: 72 * 3600_000,
  unknownKidCooldownMs: 60_000,
  backoffMs: 2_000,
  maxBackoffMs: 5 * 60_000,
  timeoutMs: 5_000,
  maxBytes: 128 * 1024,
  allowLoopbackHttp: false,
  newTenantsPerMinute: 30,
  unknownTenantTtlMs: 3600_000,
})
