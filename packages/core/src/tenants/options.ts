import type { RandomSource } from '../consent/random-state.js'
import { isCloudName, isGuid, type CloudName } from '../entra/clouds.js'
import { assertKnownKeys } from '../lib/strict-options.js'
import { builtinCatalog } from '../permissions/builtin.js'
import { compileRequirement } from '../permissions/requirement.js'
import type { Clock } from '../token/options.js'
import { resolveAuthority } from './authority.js'
import type { ClientCredential } from './client-credential.js'
import type { TenantRequirement } from './judge-token.js'
import { createRetryPolicy, type RetryOptions, type RetryPolicy } from './retry.js'
import type { TenantEntry } from './tenant-list.js'

export interface CheckTenantsOptions {
  /** The partner's multi-tenant app (Application (client) ID). */
  clientId: string
  credential: ClientCredential
  /** Tenant IDs or verified domains (or entries with their cloud); read lazily, so a generator of 5,000 is fine. */
  tenants: Iterable<string | TenantEntry> | AsyncIterable<string | TenantEntry>
  /** The Defender API the app calls. */
  api: 'mde' | 'm365d' | 'graph'
  /** "METHOD /path": the application permission that operation needs must be in the token. */
  operation?: string
  /** Permissions that must all be in the token. Without operation and require, any application permission is `ready`. */
  require?: readonly string[]
  /** The cloud of tenants that name none; default `public`. */
  cloud?: CloudName
  /**
   * Send token requests here instead of the cloud's sign-in host (`{authority}/{tenant}/oauth2/v2.0/token`): https,
   * or plain http to a loopback address only. Consent links still name the real cloud.
   */
  authority?: string
  /** Requests in flight at most; default 8. */
  concurrency?: number
  /** Per-request timeout; default 30 s. */
  timeoutMs?: number
  retry?: RetryOptions
  /** Default: globalThis.fetch. */
  fetch?: typeof fetch
  /** For assertions' times and token judgement (and Retry-After dates); default the system clock. */
  now?: Clock
  /** [0, 1) for backoff jitter; default Math.random. */
  random?: () => number
  /** Waits between retries; default setTimeout. Tests inject one that records and advances a fixed clock. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
  /** For the consent links: the redirect URI registered on the app, and the randomness for their `state`. */
  consent?: { redirectUri?: string; random?: RandomSource }
}

/** Why the run ended before every tenant was tried. */
const MAX_CONCURRENCY = 256
/** The options after checking, with defaults filled in. */
export interface ResolvedOptions {
  clientId: string
  requirement: TenantRequirement
  cloud: CloudName
  authority: string | null
  concurrency: number
  timeoutMs: number
  retry: RetryPolicy
  fetch: typeof fetch
  now: Clock | undefined
  random: () => number
  sleep: (ms: number, signal: AbortSignal) => Promise<void>
  consent: { redirectUri?: string; random?: RandomSource }
}

/** Every option checkTenants accepts, in one list: an unknown key throws (a typo must never drop a setting). */
export const CHECK_TENANTS_OPTION_KEYS: readonly (keyof CheckTenantsOptions)[] = Object.freeze([
  'clientId',
  'credential',
  'tenants',
  'api',
  'operation',
  'require',
  'cloud',
  'authority',
  'concurrency',
  'timeoutMs',
  'retry',
  'fetch',
  'now',
  'random',
  'sleep',
  'consent',
])
const RETRY_KEYS = ['budget', 'maxAttempts', 'baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const
const CONSENT_KEYS = ['redirectUri', 'random'] as const

/** Checks the options once: misuse throws a TypeError before anything is sent. */
export function resolveOptions(options: CheckTenantsOptions): ResolvedOptions {
  assertKnownKeys('checkTenants', options, CHECK_TENANTS_OPTION_KEYS)
  if (options.retry !== undefined) assertKnownKeys('checkTenants retry', options.retry, RETRY_KEYS)
  if (options.consent !== undefined) assertKnownKeys('checkTenants consent', options.consent, CONSENT_KEYS)
  if (!isGuid(options.clientId))
    throw new TypeError("checkTenants: clientId must be the app's Application (client) ID (a GUID)")
  if (options.tenants === null || typeof options.tenants !== 'object')
    throw new TypeError('checkTenants: tenants must be an iterable of tenant IDs or domains')
  const catalog = builtinCatalog(options.api)
  if (catalog === null)
    throw new TypeError(`checkTenants: api must be mde, m365d or graph, not ${String(options.api)}`)
  // The one requirement reader, as verify reads it; an operation must be one of the API's.
  const compiled = compileRequirement({
    api: options.api,
    ...(options.operation !== undefined ? { operation: options.operation } : {}),
    ...(options.require !== undefined ? { require: options.require } : {}),
  })
  if (!compiled.ok)
    throw new TypeError(`checkTenants: ${compiled.problem.member}: ${compiled.problem.message}`)
  if (options.operation !== undefined && compiled.value.resolve(null).unknown !== null)
    throw new TypeError(
      `checkTenants: "${String(options.operation).slice(0, 200)}" is not an operation of ${catalog.name}`,
    )
  const requirement: TenantRequirement = { api: options.api }
  if (options.operation !== undefined) requirement.operation = options.operation
  if (options.require !== undefined) requirement.require = [...compiled.value.require]
  const cloud = options.cloud ?? 'public'
  if (!isCloudName(cloud)) throw new TypeError(`checkTenants: unknown cloud ${String(cloud)}`)
  const concurrency = options.concurrency ?? 8
  if (!Number.isSafeInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new TypeError(`checkTenants: concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}`)
  }
  const timeoutMs = options.timeoutMs ?? 30_000
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new TypeError('checkTenants: timeoutMs must be a positive number')
  const fetchImpl = options.fetch ?? globalThis.fetch
  if (typeof fetchImpl !== 'function')
    throw new TypeError('checkTenants: no fetch available; pass options.fetch')
  return {
    clientId: options.clientId.toLowerCase(),
    requirement,
    cloud,
    authority: options.authority === undefined ? null : resolveAuthority(options.authority),
    concurrency,
    timeoutMs,
    retry: createRetryPolicy(options.retry),
    fetch: fetchImpl,
    now: options.now,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? defaultSleep,
    consent: options.consent ?? {},
  }
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}
