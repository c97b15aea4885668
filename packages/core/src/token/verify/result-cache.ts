import type { Finding } from '../../findings/finding.js'
import type { PermissionReport, SignatureReport, TokenFacts } from '../report.js'

/**
 * What one verification concluded about one token for one request, except the findings that depend on `now`.
 * Its objects are frozen: they are shared by every Report built from the cache.
 */
export interface CachedAnalysis {
  facts: TokenFacts
  signature: SignatureReport
  permissions: PermissionReport
  /** In pipeline order, without the time checks. */
  findings: readonly Finding[]
  /** The same findings as a Report orders them (errors, warnings, info), for calls whose time checks find nothing. */
  sorted: readonly Finding[]
  hasErrors: boolean
}

interface Entry {
  signature: SignatureReport
  expiresAtMs: number
  /** By request variant (the request's key and what input normalization removed). */
  analyses: Map<string, CachedAnalysis>
}

/**
 * Verified results by the exact canonical token. The signature part serves every call with that token (a hit skips
 * the key lookup and the cryptography); the analyses serve calls that also ask the same thing of it (a hit skips
 * everything but the time checks). Only valid signatures are kept, and only until the token's exp; tokens are
 * bounded (least recently used first out), and so are the requests remembered per token.
 */
export interface ResultCache {
  signature(token: string, nowMs: number): SignatureReport | null
  analysis(token: string, variant: string, nowMs: number): CachedAnalysis | null
  set(token: string, signature: SignatureReport, expiresAtMs: number, nowMs: number, variant?: { key: string; analysis: CachedAnalysis }): void
}

export const DEFAULT_RESULT_CACHE_ENTRIES = 1_000
/** Distinct requests remembered per token: a token is normally checked against one operation. */
export const MAX_ANALYSES_PER_TOKEN = 8

function copySignature(s: SignatureReport): SignatureReport {
  return { status: s.status, kid: s.kid, jwksUri: s.jwksUri, alg: s.alg }
}

export function createResultCache(maxEntries: number): ResultCache {
  const entries = new Map<string, Entry>()

  function live(token: string, nowMs: number): Entry | null {
    const hit = entries.get(token)
    if (!hit) return null
    entries.delete(token)
    if (nowMs >= hit.expiresAtMs) return null
    entries.set(token, hit)
    return hit
  }

  return {
    signature(token, nowMs) {
      const hit = live(token, nowMs)
      return hit ? copySignature(hit.signature) : null
    },
    analysis(token, variant, nowMs) {
      return live(token, nowMs)?.analyses.get(variant) ?? null
    },
    set(token, signature, expiresAtMs, nowMs, variant) {
      if (!(expiresAtMs > nowMs) || maxEntries <= 0) return
      let entry = entries.get(token)
      entries.delete(token)
      if (!entry || entry.expiresAtMs !== expiresAtMs || entry.signature.jwksUri !== signature.jwksUri) {
        entry = { signature: Object.freeze(copySignature(signature)), expiresAtMs, analyses: new Map() }
      }
      while (entries.size >= maxEntries) {
        const oldest = entries.keys().next()
        if (oldest.done) break
        entries.delete(oldest.value)
      }
      entries.set(token, entry)
      if (variant) {
        entry.analyses.delete(variant.key)
        if (entry.analyses.size >= MAX_ANALYSES_PER_TOKEN) entry.analyses.delete(entry.analyses.keys().next().value as string)
        entry.analyses.set(variant.key, variant.analysis)
      }
    },
  }
}
