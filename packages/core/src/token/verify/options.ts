import { isCloudName, isGuid, type CloudName } from '../../entra/clouds.js'
import { assertKnownKeys } from '../../lib/strict-options.js'
import { urlAllowed, type FetchLike } from '../../entra/keyset/fetch-json.js'
import { parseKeySet, type KeySet } from '../../entra/keyset/key-set.js'
import { KEY_SET_DEFAULTS, type KeySetOptions } from '../../entra/keyset/options.js'
import type { Clock } from '../options.js'
import { readCallerPolicy, type CallerPolicy, type CallerPolicyOptions } from '../caller-policy.js'

/** A JSON Web Key Set as published (`{ "keys": [...] }`), e.g. JSON.parse of a downloaded key set. */
export interface JsonWebKeySetInput {
  keys: readonly unknown[]
}

export interface VerifierOptions {
  /** The API's identifier(s): aud must be one of them (Defender identifiers match all their aliases). */
  audience: string | readonly string[]
  /** Allowed tenant GUIDs, or 'any' to accept every tenant (each report then carries the tenants-any warning). */
  tenants: readonly string[] | 'any'
  /** The cloud(s) whose tokens are accepted. Default 'public'. */
  cloud?: CloudName | readonly CloudName[]
  /** Allowed calling apps (appid / azp). */
  clientApps?: readonly string[]
  /** Allowed clock skew in seconds. Default 300. */
  clockSkew?: number
  /** The Fetch API to use for discovery and key sets. Default globalThis.fetch. */
  fetch?: FetchLike
  /** The clock. Default the system clock. */
  now?: Clock
  /** A fixed key set: no discovery and no network at all (offline use, tests, a pasted key set in the browser). */
  jwks?: JsonWebKeySetInput
  /** Your app's client ID when it has custom signing keys: the `?appid=` key set is used. Never taken from the token. */
  appId?: string
  /** Overrides the cloud's sign-in authority origin for discovery (private deployments and tests). */
  authority?: string
  /** Tuning of the key-set cache and its HTTP client. */
  keySets?: KeySetOptions
  /**
   * The verified-result cache (on by default): a repeated token skips the key lookup and the cryptography, and from
   * its second verification on, the whole analysis for the same request (only the lifetime checks run again).
   */
  resultCache?: boolean | { maxEntries?: number }
  /**
   * Who may call, beyond tenant, audience and permissions: guests, AI agents, credential types (docs/verification.md,
   * "Caller policies"). Judged on every call, after the signature, outside every cache.
   */
  callers?: CallerPolicyOptions
}

/**
 * Every option createVerifier accepts, in one list: an unknown key throws at creation (a typo such as `clientApp`
 * must never silently drop a check). Adding an option is one line here plus its reading below.
 */
export const VERIFIER_OPTION_KEYS: readonly (keyof VerifierOptions)[] = Object.freeze([
  'audience',
  'tenants',
  'cloud',
  'clientApps',
  'clockSkew',
  'fetch',
  'now',
  'jwks',
  'appId',
  'authority',
  'keySets',
  'resultCache',
  'callers',
])
const VERIFIER_KEYS: ReadonlySet<string> = new Set(VERIFIER_OPTION_KEYS)
const RESULT_CACHE_KEYS: ReadonlySet<string> = new Set(['maxEntries'])

export interface ResolvedVerifierOptions {
  audience: readonly string[]
  tenants: readonly string[] | 'any'
  clouds: readonly CloudName[]
  clientApps: readonly string[] | undefined
  clockSkew: number | undefined
  fetch: FetchLike | null
  now: Clock | undefined
  jwks: KeySet | null
  appId: string | null
  authority: string | undefined
  keySets: Required<KeySetOptions>
  resultCacheEntries: number
  /** The compiled caller policy, or null when none is configured. */
  callers: CallerPolicy | null
}

/** Tokens the verified-result cache remembers by default. */
export const DEFAULT_RESULT_CACHE_ENTRIES = 1_000

/** The largest clock skew a verifier accepts, in seconds. */
export const MAX_CLOCK_SKEW_SECONDS = 3600

function positiveNumber(name: string, value: unknown, allowZero = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new TypeError(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} number`)
  }
  return value
}

function stringList(name: string, value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : value
  if (
    !Array.isArray(list) ||
    list.length === 0 ||
    !list.every((v) => typeof v === 'string' && v.length > 0)
  ) {
    throw new TypeError(`${name} must be a non-empty string or a non-empty array of them`)
  }
  return [...(list as string[])]
}

/**
 * Diagnosis (the CLI, the page) checks whatever the user named: no audience means no audience check (as
 * inspectToken), and an empty tenant list means no key set is fetched. A verifier for an API must name both.
 */
export interface ResolveMode {
  diagnosis?: boolean
}

/** API misuse throws TypeError here, once, so that verify() itself never throws. */
export function resolveVerifierOptions(
  options: VerifierOptions,
  mode: ResolveMode = {},
): ResolvedVerifierOptions {
  assertKnownKeys('createVerifier', options, VERIFIER_KEYS)
  const lenient = (value: unknown): boolean =>
    mode.diagnosis === true && (value === undefined || (Array.isArray(value) && value.length === 0))
  const audience = lenient(options.audience) ? [] : stringList('audience', options.audience)
  let tenants: readonly string[] | 'any'
  if (options.tenants === 'any') tenants = 'any'
  else {
    const list = lenient(options.tenants) ? [] : stringList('tenants', options.tenants)
    const bad = list.find((t) => !isGuid(t))
    if (bad !== undefined)
      throw new TypeError(`tenants: "${bad}" is not a tenant GUID (use 'any' to accept every tenant)`)
    tenants = list
  }
  const cloudInput = options.cloud ?? 'public'
  const clouds = typeof cloudInput === 'string' ? [cloudInput] : [...cloudInput]
  if (clouds.length === 0 || !clouds.every(isCloudName))
    throw new TypeError('cloud must be public, usgov or china (or a list of them)')
  const clientApps =
    options.clientApps === undefined ? undefined : stringList('clientApps', options.clientApps)
  const clockSkew =
    options.clockSkew === undefined ? undefined : positiveNumber('clockSkew', options.clockSkew, true)
  // Seconds, at most an hour: 300000 ("five minutes" in milliseconds) would accept tokens that expired days ago.
  if (clockSkew !== undefined && clockSkew > MAX_CLOCK_SKEW_SECONDS)
    throw new TypeError(`clockSkew is in seconds and at most ${MAX_CLOCK_SKEW_SECONDS} (got ${clockSkew})`)
  const now = options.now
  if (
    now !== undefined &&
    typeof now !== 'function' &&
    !(now instanceof Date && Number.isFinite(now.getTime()))
  ) {
    throw new TypeError('now must be a valid Date or a function returning one')
  }
  if (options.appId !== undefined && !isGuid(options.appId))
    throw new TypeError('appId must be your application (client) ID GUID')
  const keySets: Required<KeySetOptions> = { ...KEY_SET_DEFAULTS }
  if (options.keySets !== undefined)
    assertKnownKeys('createVerifier keySets', options.keySets, Object.keys(KEY_SET_DEFAULTS))
  for (const [name, value] of Object.entries(options.keySets ?? {})) {
    if (value === undefined) continue
    if (name === 'allowLoopbackHttp') {
      if (typeof value !== 'boolean') throw new TypeError('keySets.allowLoopbackHttp must be true or false')
      keySets.allowLoopbackHttp = value
    } else
      (keySets as unknown as Record<string, number>)[name] = positiveNumber(
        `keySets.${name}`,
        value,
        name === 'unknownKidCooldownMs' || name === 'backoffMs',
      )
  }
  if (options.authority !== undefined) {
    let url: URL
    try {
      url = new URL(options.authority)
    } catch {
      throw new TypeError('authority must be a URL')
    }
    if (!urlAllowed(url, keySets.allowLoopbackHttp))
      throw new TypeError('authority must be https (loopback http only with keySets.allowLoopbackHttp)')
  }
  let jwks: KeySet | null = null
  if (options.jwks !== undefined) {
    const parsed = parseKeySet(options.jwks)
    if (!parsed.ok) throw new TypeError(`jwks: ${parsed.cause}`)
    jwks = parsed.keySet
  }
  const fetchImpl =
    options.fetch ?? (typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : null)
  if (options.fetch !== undefined && typeof options.fetch !== 'function')
    throw new TypeError('fetch must be a function')
  const cache = options.resultCache ?? true
  if (typeof cache !== 'boolean') assertKnownKeys('createVerifier resultCache', cache, RESULT_CACHE_KEYS)
  const resultCacheEntries =
    cache === false
      ? 0
      : cache === true
        ? DEFAULT_RESULT_CACHE_ENTRIES
        : positiveNumber('resultCache.maxEntries', cache.maxEntries ?? DEFAULT_RESULT_CACHE_ENTRIES)
  return {
    audience,
    tenants,
    clouds,
    clientApps,
    clockSkew,
    fetch: fetchImpl,
    now: options.now,
    jwks,
    appId: options.appId ?? null,
    authority: options.authority,
    keySets,
    resultCacheEntries,
    callers: readCallerPolicy(options.callers),
  }
}
