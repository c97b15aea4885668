import type { SignatureReport } from '../report.js'

/**
 * Verified results by the exact canonical token. A hit skips the key lookup and the cryptography only; every
 * check (and the time checks against the caller's now) still runs. Entries die at the token's exp.
 */
export interface ResultCache {
  get(token: string, nowMs: number): SignatureReport | null
  set(token: string, signature: SignatureReport, expiresAtMs: number, nowMs: number): void
}

export const DEFAULT_RESULT_CACHE_ENTRIES = 1_000

export function createResultCache(maxEntries: number): ResultCache {
  const entries = new Map<string, { signature: SignatureReport; expiresAtMs: number }>()
  return {
    get(token, nowMs) {
      const hit = entries.get(token)
      if (!hit) return null
      entries.delete(token)
      if (nowMs >= hit.expiresAtMs) return null
      entries.set(token, hit)
      return { ...hit.signature }
    },
    set(token, signature, expiresAtMs, nowMs) {
      if (!(expiresAtMs > nowMs) || maxEntries <= 0) return
      entries.delete(token)
      while (entries.size >= maxEntries) {
        const oldest = entries.keys().next()
        if (oldest.done) break
        entries.delete(oldest.value)
      }
      entries.set(token, { signature: { ...signature }, expiresAtMs })
    },
  }
}
