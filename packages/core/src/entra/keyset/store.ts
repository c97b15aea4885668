import { jwksUriFromMetadata, type DiscoveryTarget } from '../discovery.js'
import type { AcceptedKey, RejectedKey } from './accept-key.js'
import { fetchJson } from './fetch-json.js'
import { keySetFingerprint, parseKeySet, selectKey, type KeySet } from './key-set.js'
import type { ResolvedKeySetOptions } from './options.js'

/** Where to get one key set: through discovery (metadata → jwks_uri) or straight from a key-set URL. */
export type KeySetSource = DiscoveryTarget | { id: string; jwksUri: string }

export type KeyLookup =
  | { status: 'found'; key: AcceptedKey; jwksUri: string | null }
  | {
      status: 'not-found'
      jwksUri: string | null
      /**
       * `tenant-unknown`: Entra said the tenant does not exist (AADSTS90002), remembered for unknownTenantTtlMs.
       * `new-tenant-budget`: with `tenants: 'any'`, this minute's discoveries of new tenants are spent; no request made.
       */
      reason: 'absent' | 'ambiguous' | 'rejected' | 'tenant-unknown' | 'new-tenant-budget'
      rejected: RejectedKey | null
      refetched: boolean
    }
  | { status: 'unavailable'; url: string; cause: string; network: boolean }

export interface KeySetStore {
  lookup(source: KeySetSource, kid: string): Promise<KeyLookup>
  /**
   * The key, without waiting, when lookup would find it in a fresh key set with no request; otherwise null (then
   * call lookup). Spares the hot path a promise per verification.
   */
  peek(source: KeySetSource, kid: string): KeyLookup | null
}

interface Failure {
  url: string
  cause: string
  network: boolean
  retryAt: number
}

interface Entry {
  keySet: KeySet | null
  jwksUri: string | null
  fetchedAt: number
  inflight: Promise<void> | null
  failure: Failure | null
  failures: number
  /**
   * One immediate unknown-kid refetch is allowed after each fetch that brought a new or changed key set, and after an
   * unknown-kid refetch that failed (once the backoff allows a fetch again).
   */
  unknownKidBudget: boolean
  lastUnknownKidRefetchAt: number
  /** Until when Entra's "no such tenant" (AADSTS90002) is believed without asking again; 0 when never said. */
  tenantUnknownUntil: number
}

type FetchOutcome =
  | { ok: true; keySet: KeySet; jwksUri: string }
  | { ok: false; url: string; cause: string; network: boolean; tenantUnknown?: true }

/**
 * The key-set layer: per tenant (and appId) entries in a bounded LRU; concurrent lookups share one fetch; an unknown
 * kid refetches at once the first time after a fresh key set and then at most once per cooldown; failures back off
 * exponentially while the last known good keys stay usable up to a maximum stale age.
 */
export function createKeySetStore(options: ResolvedKeySetOptions): KeySetStore {
  const entries = new Map<string, Entry>()
  const fetchOptions = {
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    maxBytes: options.maxBytes,
    allowLoopbackHttp: options.allowLoopbackHttp,
  }

  let lastTouched: Entry | null = null
  // First-time discoveries in the current minute (tenants: 'any' only): a fixed window, counted when spent.
  let budgetWindow = -1
  let budgetSpent = 0

  /** Whether a tenant never seen before may be discovered now; spends one from this minute's budget if so. */
  function newTenantAllowed(id: string): boolean {
    if (options.limitNewTenants !== true || entries.has(id)) return true
    const window = Math.floor(options.now() / 60_000)
    if (window !== budgetWindow) {
      budgetWindow = window
      budgetSpent = 0
    }
    if (budgetSpent >= options.newTenantsPerMinute) return false
    budgetSpent += 1
    return true
  }

  const refusedTenant = (reason: 'tenant-unknown' | 'new-tenant-budget'): KeyLookup => ({
    status: 'not-found',
    jwksUri: null,
    reason,
    rejected: null,
    refetched: false,
  })

  function entryFor(id: string): Entry {
    let entry = entries.get(id)
    if (entry) {
      entries.delete(id)
    } else {
      entry = {
        keySet: null,
        jwksUri: null,
        fetchedAt: 0,
        inflight: null,
        failure: null,
        failures: 0,
        unknownKidBudget: false,
        lastUnknownKidRefetchAt: -Infinity,
        tenantUnknownUntil: 0,
      }
      while (entries.size >= options.maxEntries) {
        const oldest = entries.keys().next()
        if (oldest.done) break
        entries.delete(oldest.value)
      }
    }
    entries.set(id, entry)
    lastTouched = entry
    return entry
  }

  async function download(source: KeySetSource, entry: Entry, reuseJwksUri: boolean): Promise<FetchOutcome> {
    let jwksUri: string
    if ('jwksUri' in source) {
      jwksUri = source.jwksUri
    } else if (reuseJwksUri && entry.jwksUri !== null) {
      jwksUri = entry.jwksUri
    } else {
      const metadata = await fetchJson(source.metadataUrl, fetchOptions)
      if (!metadata.ok)
        return {
          ok: false,
          url: source.metadataUrl,
          cause: metadata.cause,
          network: metadata.network,
          ...(metadata.tenantUnknown === true ? { tenantUnknown: true as const } : {}),
        }
      const uri = jwksUriFromMetadata(metadata.value, source)
      if (!uri.ok) return { ok: false, url: source.metadataUrl, cause: uri.cause, network: false }
      jwksUri = uri.jwksUri
    }
    const body = await fetchJson(jwksUri, fetchOptions)
    if (!body.ok) return { ok: false, url: jwksUri, cause: body.cause, network: body.network }
    const parsed = parseKeySet(body.value)
    if (!parsed.ok) return { ok: false, url: jwksUri, cause: parsed.cause, network: false }
    if (parsed.keySet.keys.length === 0) {
      return {
        ok: false,
        url: jwksUri,
        cause: `the key set has no usable key${parsed.keySet.rejected.length > 0 ? ` (${parsed.keySet.rejected.map((r) => r.reason).join('; ')})` : ''}`,
        network: false,
      }
    }
    return { ok: true, keySet: parsed.keySet, jwksUri }
  }

  /** Single flight: every caller during a fetch awaits the same promise. */
  function refresh(source: KeySetSource, entry: Entry, reason: 'regular' | 'unknown-kid'): Promise<void> {
    if (entry.inflight) return entry.inflight
    entry.inflight = (async () => {
      try {
        const outcome = await download(source, entry, reason === 'unknown-kid')
        const now = options.now()
        if (outcome.ok) {
          const changed =
            entry.keySet === null || keySetFingerprint(entry.keySet) !== keySetFingerprint(outcome.keySet)
          if (reason === 'regular' || changed) entry.unknownKidBudget = true
          entry.keySet = outcome.keySet
          entry.jwksUri = outcome.jwksUri
          entry.fetchedAt = now
          entry.failure = null
          entry.failures = 0
        } else if (outcome.tenantUnknown === true) {
          // Not an outage: the token names a tenant that does not exist. Remembered (the entry sits in the bounded
          // LRU), so a flood of such tokens costs one request per tenant per unknownTenantTtlMs.
          entry.tenantUnknownUntil = now + options.unknownTenantTtlMs
        } else {
          entry.failures += 1
          const wait = Math.min(
            options.backoffMs * 2 ** Math.min(entry.failures - 1, 30),
            options.maxBackoffMs,
          )
          entry.failure = {
            url: outcome.url,
            cause: outcome.cause,
            network: outcome.network,
            retryAt: now + wait,
          }
          // A failed unknown-kid refetch learned nothing: give the allowance back, so the first unknown kid once the
          // backoff ends (a key rolled during the outage) refetches at once. The backoff still spaces the attempts.
          if (reason === 'unknown-kid') entry.unknownKidBudget = true
        }
      } finally {
        entry.inflight = null
      }
    })()
    return entry.inflight
  }

  const unavailable = (f: Failure): KeyLookup => ({
    status: 'unavailable',
    url: f.url,
    cause: f.cause,
    network: f.network,
  })

  return {
    peek(source, kid) {
      const entry = entries.get(source.id)
      if (!entry || entry.keySet === null) return null
      const age = options.now() - entry.fetchedAt
      if (age >= options.refreshAfterMs || age > options.maxStaleMs) return null
      const selection = selectKey(entry.keySet, kid)
      if (!selection.found) return null
      // The LRU touch (as lookup does), skipped when this entry was the last one touched.
      if (lastTouched !== entry) entryFor(source.id)
      return { status: 'found', key: selection.key, jwksUri: entry.jwksUri }
    },
    async lookup(source, kid) {
      // Checked before the entry is made: a refused newcomer must not evict a known tenant's keys either.
      if (!newTenantAllowed(source.id)) return refusedTenant('new-tenant-budget')
      const entry = entryFor(source.id)
      if (options.now() < entry.tenantUnknownUntil) return refusedTenant('tenant-unknown')
      const inBackoff = (): boolean => entry.failure !== null && options.now() < entry.failure.retryAt
      // A usable set is used at once even while a refetch runs: valid tokens do not queue behind unknown kids.
      if (entry.keySet === null || options.now() - entry.fetchedAt >= options.refreshAfterMs) {
        if (!inBackoff()) await refresh(source, entry, 'regular')
      }
      if (options.now() < entry.tenantUnknownUntil) return refusedTenant('tenant-unknown')
      const usable = entry.keySet !== null && options.now() - entry.fetchedAt <= options.maxStaleMs
      if (!usable || entry.keySet === null) {
        return unavailable(
          entry.failure ?? {
            url: 'jwksUri' in source ? source.jwksUri : source.metadataUrl,
            cause: 'the key set is too old and could not be refreshed',
            network: false,
            retryAt: 0,
          },
        )
      }
      let selection = selectKey(entry.keySet, kid)
      if (selection.found) return { status: 'found', key: selection.key, jwksUri: entry.jwksUri }
      let refetched = false
      if (entry.inflight) {
        await entry.inflight
        refetched = true
      } else if (!inBackoff() && selection.reason === 'absent') {
        const now = options.now()
        if (entry.unknownKidBudget || now - entry.lastUnknownKidRefetchAt >= options.unknownKidCooldownMs) {
          entry.unknownKidBudget = false
          entry.lastUnknownKidRefetchAt = now
          await refresh(source, entry, 'unknown-kid')
          refetched = true
        }
      }
      if (refetched && entry.keySet !== null) selection = selectKey(entry.keySet, kid)
      if (selection.found) return { status: 'found', key: selection.key, jwksUri: entry.jwksUri }
      // The kid may be new and the set could not be refreshed: say so rather than call the token forged.
      if (entry.failure !== null && inBackoff()) return unavailable(entry.failure)
      return {
        status: 'not-found',
        jwksUri: entry.jwksUri,
        reason: selection.reason,
        rejected: selection.rejected,
        refetched,
      }
    },
  }
}

/** A fixed key set (the `jwks` option): no network, same selection rules. */
export function createStaticKeySetStore(keySet: KeySet): KeySetStore {
  return {
    peek(_source, kid) {
      const selection = selectKey(keySet, kid)
      return selection.found ? { status: 'found', key: selection.key, jwksUri: null } : null
    },
    async lookup(_source, kid) {
      const selection = selectKey(keySet, kid)
      if (selection.found) return { status: 'found', key: selection.key, jwksUri: null }
      return {
        status: 'not-found',
        jwksUri: null,
        reason: selection.reason,
        rejected: selection.rejected,
        refetched: false,
      }
    },
  }
}
