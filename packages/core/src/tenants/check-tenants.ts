import { buildAdminConsentUrl } from '../consent/consent-url.js'
import type { RandomSource } from '../consent/random-state.js'
import { buildClientCredentialsRequest } from '../consent/token-request.js'
import { CLOUDS, isCloudName, isGuid, type CloudName } from '../entra/clouds.js'
import { builtinCatalog } from '../permissions/builtin.js'
import { parseOperation, resolveOperation } from '../permissions/operation.js'
import { readClock, type Clock } from '../token/options.js'
import { resolveAuthority } from './authority.js'
import { boundedPool } from './bounded-pool.js'
import { classifyErrorAnswer, networkError, timeoutError } from './classify-error.js'
import { prepareCredential, type ClientCredential, type PreparedCredential } from './client-credential.js'
import { judgeToken, type TenantRequirement } from './judge-token.js'
import type { TenantError, TenantResult } from './result.js'
import { backoffMs, createRetryPolicy, retryAfterMs, type RetryOptions, type RetryPolicy } from './retry.js'
import { scrubber } from './scrub.js'
import type { TenantEntry } from './tenant-list.js'
import { postTokenRequest } from './token-response.js'

export interface CheckTenantsOptions {
  /** The partner's multi-tenant app (Application (client) ID). */
  clientId: string
  credential: ClientCredential
  /** Tenant IDs or verified domains (or entries with their cloud); read lazily, so a generator of 5,000 is fine. */
  tenants: Iterable<string | TenantEntry> | AsyncIterable<string | TenantEntry>
  /** The Defender API the app calls. */
  api: 'mde' | 'm365d'
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
export interface StoppedEarly {
  outcome: 'credential-problem'
  /** The tenant whose answer stopped the run. */
  tenant: string
  /** Tenants never tried. */
  untried: number
}

/** Results as they come (completion order), plus what the run did; iterate once. */
export interface TenantCheckRun extends AsyncIterable<TenantResult> {
  /** Set once the run stopped on a credential problem (read it after iterating). */
  readonly stoppedEarly: StoppedEarly | null
  /** Token requests made so far (retries included). */
  readonly requests: number
  /** Retries taken from the run's budget so far. */
  readonly retries: number
}

const MAX_CONCURRENCY = 256

/**
 * Checks a partner app's consent in many customer tenants: per tenant, a client-credentials token from the v2
 * token endpoint (`scope={resource}/.default`), judged offline with inspectToken, and an outcome
 * (outcomes.ts). Bounded concurrency, a per-request timeout, Retry-After on 429 and jittered backoff on 5xx within
 * one retry budget for the run. A `credential-problem` stops the run: every tenant would fail the same way.
 *
 * Does NOT verify the token's signature (it came straight from Entra over TLS), call the Defender API, or check
 * that the Defender product works in the tenant beyond its service principal. Never returns or logs the secret,
 * an assertion or a token. Option misuse throws a TypeError at once; a bad certificate throws one on first iteration.
 */
export function checkTenants(options: CheckTenantsOptions): TenantCheckRun {
  const config = resolveOptions(options)
  let stoppedEarly: StoppedEarly | null = null
  let requests = 0
  let started = false

  async function* run(): AsyncGenerator<TenantResult, void, undefined> {
    if (started) throw new TypeError('checkTenants: a run can be iterated once; call checkTenants again')
    started = true
    const credential = await prepareCredential(options.credential)
    const scrub = scrubber(credential.secrets)
    const source = entries(options.tenants)
    let stopper: string | null = null
    const context: TenantContext = { ...config, credential, scrub, countRequest: () => { requests++ } }
    for await (const result of boundedPool(source, config.concurrency, (entry, signal) => checkOne(entry, context, signal), () => stopper !== null)) {
      if (result.outcome === 'credential-problem' && stopper === null) stopper = result.tenant
      yield result
    }
    if (stopper !== null) {
      let untried = 0
      for (let step = await source.next(); step.done !== true; step = await source.next()) untried++
      stoppedEarly = { outcome: 'credential-problem', tenant: stopper, untried }
    }
  }

  const iterable = { [Symbol.asyncIterator]: () => run() }
  return {
    [Symbol.asyncIterator]: iterable[Symbol.asyncIterator],
    get stoppedEarly() { return stoppedEarly },
    get requests() { return requests },
    get retries() { return config.retry.used },
  }
}

interface ResolvedOptions {
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

interface TenantContext extends ResolvedOptions {
  credential: PreparedCredential
  scrub: (text: string) => string
  countRequest: () => void
}

function resolveOptions(options: CheckTenantsOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError('checkTenants expects an options object')
  if (!isGuid(options.clientId)) throw new TypeError('checkTenants: clientId must be the app\'s Application (client) ID (a GUID)')
  if (options.tenants === null || typeof options.tenants !== 'object') throw new TypeError('checkTenants: tenants must be an iterable of tenant IDs or domains')
  const catalog = builtinCatalog(options.api)
  if (catalog === null) throw new TypeError(`checkTenants: api must be mde or m365d, not ${String(options.api)}`)
  const requirement: TenantRequirement = { api: options.api }
  if (options.operation !== undefined) {
    const parsed = parseOperation(options.operation)
    if (parsed === null || resolveOperation(parsed, [catalog]) === null) throw new TypeError(`checkTenants: "${options.operation}" is not an operation of ${catalog.name}`)
    requirement.operation = options.operation
  }
  if (options.require !== undefined) {
    if (!Array.isArray(options.require) || options.require.some((r) => typeof r !== 'string' || r === '' || /\s/.test(r))) {
      throw new TypeError('checkTenants: require must be permission names without spaces')
    }
    requirement.require = [...options.require]
  }
  const cloud = options.cloud ?? 'public'
  if (!isCloudName(cloud)) throw new TypeError(`checkTenants: unknown cloud ${String(cloud)}`)
  const concurrency = options.concurrency ?? 8
  if (!Number.isSafeInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new TypeError(`checkTenants: concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}`)
  }
  const timeoutMs = options.timeoutMs ?? 30_000
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new TypeError('checkTenants: timeoutMs must be a positive number')
  const fetchImpl = options.fetch ?? globalThis.fetch
  if (typeof fetchImpl !== 'function') throw new TypeError('checkTenants: no fetch available; pass options.fetch')
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

async function* entries(tenants: Iterable<string | TenantEntry> | AsyncIterable<string | TenantEntry>): AsyncGenerator<TenantEntry, void, undefined> {
  for await (const item of tenants) {
    if (typeof item === 'string') yield { tenant: item }
    else if (typeof item === 'object' && item !== null && typeof item.tenant === 'string') yield item
    else throw new TypeError('checkTenants: each tenant must be a string or { tenant, cloud? }')
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

async function checkOne(entry: TenantEntry, ctx: TenantContext, signal: AbortSignal): Promise<TenantResult> {
  const tenant = entry.tenant.trim()
  const cloud = entry.cloud ?? ctx.cloud
  const consentUrl = isCloudName(cloud) ? buildAdminConsentUrl({
    clientId: ctx.clientId, tenant, cloud, api: ctx.requirement.api, form: 'v2',
    ...(ctx.consent.redirectUri !== undefined ? { redirectUri: ctx.consent.redirectUri } : {}),
    ...(ctx.consent.random !== undefined ? { random: ctx.consent.random } : {}),
  }).url : null
  const none = { roles: [], required: [], missing: [], token: null, consentUrl }
  if (!isCloudName(cloud)) {
    return { ...none, tenant, cloud: ctx.cloud, outcome: 'tenant-not-found', reason: `"${String(cloud)}" is not a cloud ClaimCheck knows.`, error: inputError(`Unknown cloud "${String(cloud)}".`), attempts: 0 }
  }
  const request = buildClientCredentialsRequest({ tenant, clientId: ctx.clientId, api: ctx.requirement.api, cloud, version: 'v2' })
  if (!request.ok) {
    const first = request.findings.find((f) => f.severity === 'error')
    const noApi = first?.code === 'api-not-in-cloud'
    return {
      ...none, tenant, cloud, outcome: noApi ? 'api-not-in-tenant' : 'tenant-not-found',
      reason: first?.message ?? 'The tenant cannot be asked for an app-only token.', error: inputError(first?.message ?? 'Invalid tenant.'), attempts: 0,
    }
  }
  const url = ctx.authority === null ? request.url : `${ctx.authority}${request.url.slice(CLOUDS[cloud].authority.length)}`

  let lastError: TenantError = networkError()
  for (let attempt = 1; ; attempt++) {
    let fields: Record<string, string>
    try {
      fields = await ctx.credential.fields({ tenant, clientId: ctx.clientId, tokenUrl: url }, readClock(ctx.now))
    } catch {
      return {
        ...none, tenant, cloud, outcome: 'credential-problem', attempts: attempt - 1,
        reason: 'No client assertion could be had from the federated credential; nothing was sent.',
        error: { source: 'credential', code: null, httpStatus: null, oauthError: null, meaning: 'The federated credential function failed or returned no assertion.', fix: 'Check the workload identity that supplies the assertion.', description: null, lookupUrl: null, findings: [] },
      }
    }
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: ctx.clientId, scope: request.scope, ...fields })
    ctx.countRequest()
    const answer = await postTokenRequest({ fetch: ctx.fetch, url, body, timeoutMs: ctx.timeoutMs, signal })
    if (answer.kind === 'token') {
      const judged = judgeToken(answer.accessToken, tenant, ctx.requirement, ctx.now ?? (() => new Date()))
      return { ...judged, tenant, cloud, consentUrl, attempts: attempt }
    }
    let retryAfter: number | null = null
    if (answer.kind === 'error') {
      const verdict = classifyErrorAnswer(answer.status, answer.body, ctx.scrub)
      if (verdict.settle) {
        return { ...none, tenant, cloud, outcome: verdict.outcome, reason: reasonFor(verdict.error), error: verdict.error, attempts: attempt }
      }
      lastError = verdict.error
      if (verdict.retry === 'throttled') retryAfter = retryAfterMs(answer.retryAfter, readClock(ctx.now))
    } else {
      lastError = answer.kind === 'timeout' ? timeoutError(ctx.timeoutMs) : networkError()
    }
    const giveUp = (why: string): TenantResult => ({ ...none, tenant, cloud, outcome: 'unavailable', reason: `${lastError.meaning} ${why}`, error: lastError, attempts: attempt })
    if (signal.aborted) return giveUp('The run was abandoned.')
    if (retryAfter !== null && retryAfter > ctx.retry.maxRetryAfterMs) return giveUp(`Entra asked to wait ${Math.ceil(retryAfter / 1000)} s, longer than this run waits.`)
    if (attempt >= ctx.retry.maxAttempts) return giveUp(`Gave up after ${attempt} attempts.`)
    if (!ctx.retry.take()) return giveUp('The run\'s retry budget is spent.')
    await ctx.sleep(retryAfter ?? backoffMs(attempt, ctx.retry, ctx.random), signal)
  }
}

function inputError(meaning: string): TenantError {
  return { source: 'input', code: null, httpStatus: null, oauthError: null, meaning, fix: 'Give the customer\'s tenant ID (GUID) or a verified domain, and its cloud.', description: null, lookupUrl: null, findings: [] }
}

function reasonFor(error: TenantError): string {
  return error.code === null ? error.meaning : `${error.code}: ${error.meaning}`
}
