import type { Finding } from '../../findings/finding.js'
import { hasErrors, sortFindings } from '../../findings/make-finding.js'
import { deepFreeze } from '../../lib/freeze.js'
import type { Report } from '../../report/report.js'
import { checkLifetime } from '../checks/lifetime.js'
import { lifecycleFindings } from '../../permissions/lifecycle/judge.js'
import { normalizeInput } from '../normalize.js'
import { verdictOf } from '../verdict.js'
import { requirementIdentity } from '../../permissions/requirement.js'
import type { KeyProof, KnownSignature, Verification } from './pipeline.js'
import type { ReadRequest } from './request.js'

/** Distinct requests remembered per token: a token is normally checked against one operation. */
export const MAX_ANALYSES_PER_TOKEN = 8

type Timeless = NonNullable<Verification['timeless']>

/** One verification by the pipeline: `known` is a remembered valid signature for this exact token, if any. */
export type RunPipeline = (
  raw: string,
  request: ReadRequest,
  now: Date,
  known: KnownSignature | null,
  normalized: ReturnType<typeof normalizeInput> | undefined,
) => Verification | Promise<Verification>

/** A verification as the verifier answers it: a Report, synchronously when nothing had to be waited for. */
export type VerifyOnce = (raw: string, request: ReadRequest, now: Date) => Report | Promise<Report>

export interface ResultCacheSettings {
  maxEntries: number
  skewSeconds: number
  /** Whether the key behind a remembered signature is still published (a withdrawn key ends its results). */
  live: (proof: KeyProof) => boolean
}

interface Entry {
  expiresAtMs: number
  /** The valid signature, for any request on this exact token: another request skips the key lookup and the RSA work. */
  known: KnownSignature
  /** From the token's second sight on: the analysis per request variant (what was asked, what normalization removed). */
  analyses: { variant: string; timeless: Timeless }[] | null
}

/**
 * The verified-result cache, wrapped around the pipeline: by the exact canonical token and request, until the
 * token's exp. Only valid signatures are kept: on first sight the signature alone, from the second sight on also the
 * analysis per request. What is kept is frozen and never depends on `now` (the time checks rerun on every hit), so
 * a hit answers exactly what a fresh verification of the same token and request would, as long as the key set still
 * holds the key. A request that could not be read or compiled bypasses the cache.
 */
export function withResultCache(settings: ResultCacheSettings, run: RunPipeline): VerifyOnce {
  const { maxEntries, skewSeconds, live } = settings
  const entries = new Map<string, Entry>()

  function remember(token: string, variant: string, verification: Verification): void {
    const timeless = verification.timeless
    const exp = timeless?.facts.payload.exp
    if (timeless == null || typeof exp !== 'number' || !Number.isSafeInteger(exp)) return
    const entry = entries.get(token)
    if (entry === undefined) {
      // First sight keeps only the signature: most tokens in a busy API are seen once, and freezing the analysis
      // costs more than anything else the cache does. A token seen again keeps its analysis from then on.
      while (entries.size >= maxEntries) {
        const oldest = entries.keys().next()
        if (oldest.done) break
        entries.delete(oldest.value)
      }
      entries.set(token, {
        expiresAtMs: exp * 1000,
        known: { signature: Object.freeze({ ...timeless.signature }), proof: timeless.proof },
        analyses: null,
      })
      return
    }
    const analyses = (entry.analyses ??= [])
    if (analyses.length >= MAX_ANALYSES_PER_TOKEN) analyses.shift()
    analyses.push({ variant, timeless: deepFreeze({ ...timeless, proof: entry.known.proof }) })
  }

  return (raw, request, now) => {
    const normalized = typeof raw === 'string' ? normalizeInput(raw) : undefined
    // The compiled requirement's key stands for its content (a caller's catalog by its frozen object's identity).
    const asked =
      request.findings.length > 0 || !request.compiled.ok
        ? null
        : requirementIdentity(request.compiled.value).key
    if (normalized === undefined || asked === null) return reportOf(run(raw, request, now, null, normalized))
    const token = normalized.token
    const variant = normalized.removed.length === 0 ? asked : `${normalized.removed.join(',')}\u0001${asked}`
    let entry = entries.get(token)
    const nowMs = now.getTime()
    if (entry !== undefined && (nowMs >= entry.expiresAtMs || !live(entry.known.proof))) {
      entries.delete(token)
      entry = undefined
    }
    if (entry !== undefined) {
      // Least recently used goes first: a hit moves the token to the back.
      entries.delete(token)
      entries.set(token, entry)
      const hit = entry.analyses?.find((a) => a.variant === variant)
      if (hit !== undefined) return reportAt(hit.timeless, nowMs, skewSeconds)
    }
    const out = run(raw, request, now, entry?.known ?? null, normalized)
    if ('then' in out)
      return out.then((v) => {
        remember(token, variant, v)
        return v.report
      })
    remember(token, variant, out)
    return out.report
  }
}

/** The pipeline alone, answering Reports (a verifier with its result cache turned off). */
export function withoutResultCache(run: RunPipeline): VerifyOnce {
  return (raw, request, now) =>
    reportOf(run(raw, request, now, null, typeof raw === 'string' ? normalizeInput(raw) : undefined))
}

function reportOf(out: Verification | Promise<Verification>): Report | Promise<Report> {
  return 'then' in out ? out.then((v) => v.report) : out.report
}

/** The Report a fresh verification would give at `nowMs`: the remembered findings, then this instant's time checks. */
function reportAt(hit: Timeless, nowMs: number, skewSeconds: number): Report {
  const findings: Finding[] = sortFindings([
    ...hit.findings,
    ...checkLifetime(hit.facts.payload, nowMs, skewSeconds),
    ...lifecycleFindings(hit.facts, hit.permissions, nowMs),
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
