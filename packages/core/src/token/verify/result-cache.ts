import type { Finding } from '../../findings/finding.js'
import { hasErrors, sortFindings } from '../../findings/make-finding.js'
import { checkLifetime } from '../checks/lifetime.js'
import { deepFreeze } from '../../lib/freeze.js'
import type { NormalizedInput } from '../normalize.js'
import type { Report } from '../../report/report.js'
import { verdictOf } from '../verdict.js'
import type { KeyProof, KnownSignature, Verification } from './pipeline.js'
import type { ReadRequest } from './request.js'

/** Distinct requests remembered per token: a token is normally checked against one operation. */
export const MAX_ANALYSES_PER_TOKEN = 8

type Timeless = NonNullable<Verification['timeless']>

interface Entry {
  expiresAtMs: number
  /** The valid signature, for any request on this exact token: another request skips the key lookup and the RSA work. */
  known: KnownSignature
  /** By request variant: what the call asked, and what input normalization removed. */
  byRequest: Map<string, Timeless>
}

/**
 * Verified results by the exact canonical token and request, until the token's exp. Only valid signatures are
 * kept: on first sight the signature alone, from the second sight on also the analysis per request. What is kept is
 * frozen and never depends on `now` (the time checks rerun on every hit), so a hit answers
 * exactly what a fresh verification of the same token and request would, as long as the key set still holds the key.
 */
export interface ResultCache {
  /** The cache identity of a call, or null when it must not be served from or stored in the cache. */
  keyOf(normalized: NormalizedInput, request: ReadRequest): { token: string; variant: string } | null
  /**
   * The Report for this exact call, else the token's remembered valid signature, else null; `live` says whether the
   * key that verified it is still published (a withdrawn key ends the remembered results with it).
   */
  get(
    key: { token: string; variant: string },
    now: Date,
    skewSeconds: number,
    live: (proof: KeyProof) => boolean,
  ): { report: Report } | { known: KnownSignature } | null
  set(key: { token: string; variant: string }, verification: Verification): void
}

export function createResultCache(maxEntries: number): ResultCache {
  const entries = new Map<string, Entry>()
  // Catalogs are told apart by identity, so only catalogs that can never change are remembered: a caller mutating
  // its catalog object must not get an answer computed from its old content. Per cache, never module-wide.
  const catalogIds = new WeakMap<object, number>()
  let nextCatalogId = 1

  function catalogId(catalog: object): number | null {
    const known = catalogIds.get(catalog)
    if (known !== undefined) return known
    if (!isDeeplyFrozen(catalog, 0)) return null
    catalogIds.set(catalog, nextCatalogId)
    return nextCatalogId++
  }

  return {
    keyOf(normalized, request) {
      if (maxEntries <= 0 || request.findings.length > 0) return null
      const { api, operation, require, catalog } = request.requirement
      const id = catalog === undefined ? 0 : catalogId(catalog)
      if (id === null) return null
      return {
        token: normalized.token,
        variant: JSON.stringify([normalized.removed, api, operation, require, id]),
      }
    },
    get(key, now, skewSeconds, live) {
      const entry = entries.get(key.token)
      if (entry === undefined) return null
      const nowMs = now.getTime()
      if (nowMs >= entry.expiresAtMs || !live(entry.known.proof)) {
        entries.delete(key.token)
        return null
      }
      // Least recently used goes first: a hit moves the token to the back.
      entries.delete(key.token)
      entries.set(key.token, entry)
      const hit = entry.byRequest.get(key.variant)
      return hit === undefined ? { known: entry.known } : { report: reportAt(hit, nowMs, skewSeconds) }
    },
    set(key, verification) {
      const timeless = verification.timeless
      const exp = timeless?.facts.payload.exp
      if (timeless == null || typeof exp !== 'number' || !Number.isSafeInteger(exp)) return
      const entry = entries.get(key.token)
      if (entry === undefined) {
        // First sight keeps only the signature: most tokens in a busy API are seen once, and freezing the analysis
        // costs more than anything else the cache does. A token seen again keeps its analysis from then on.
        while (entries.size >= maxEntries) {
          const oldest = entries.keys().next()
          if (oldest.done) break
          entries.delete(oldest.value)
        }
        entries.set(key.token, {
          expiresAtMs: exp * 1000,
          known: { signature: Object.freeze({ ...timeless.signature }), proof: timeless.proof },
          byRequest: new Map(),
        })
        return
      }
      if (entry.byRequest.size >= MAX_ANALYSES_PER_TOKEN)
        entry.byRequest.delete(entry.byRequest.keys().next().value as string)
      entry.byRequest.set(key.variant, deepFreeze({ ...timeless, proof: entry.known.proof }))
    },
  }
}

/** The Report a fresh verification would give at `nowMs`: the remembered findings, then this instant's time checks. */
function reportAt(hit: Timeless, nowMs: number, skewSeconds: number): Report {
  const findings: Finding[] = sortFindings([
    ...hit.findings,
    ...checkLifetime(hit.facts.payload, nowMs, skewSeconds),
  ])
  const signature = { ...hit.signature }
  return {
    ok: !hasErrors(findings),
    verdict: verdictOf({ token: hit.facts, signature, permissions: hit.permissions, findings }),
    token: hit.facts,
    signature,
    permissions: hit.permissions,
    findings,
  }
}

/** Frozen all the way down (to a sane depth): only then can its identity stand for its content. */
function isDeeplyFrozen(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true
  if (depth > 16 || !Object.isFrozen(value)) return false
  return Object.values(value).every((v) => isDeeplyFrozen(v, depth + 1))
}
