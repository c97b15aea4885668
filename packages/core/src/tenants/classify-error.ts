import { explainAadsts } from '../consent/explain-aadsts.js'
import { AADSTS_OUTCOMES, THROTTLING_AADSTS, TRANSIENT_AADSTS } from './aadsts-outcomes.js'
import type { TenantOutcome } from './outcomes.js'
import type { TenantError } from './result.js'

/** What to do about one failed attempt: settle on an outcome, or retry (and how long to wait first). */
export type ErrorVerdict =
  | { settle: true; outcome: TenantOutcome; error: TenantError }
  | { settle: false; retry: 'throttled' | 'transient'; error: TenantError }

/**
 * Classifies a token endpoint's error answer. An AADSTS code decides when there is one (aadsts-outcomes.ts);
 * otherwise the status: 429 is throttling, 5xx (and 408) transient, anything else `unavailable`.
 */
export function classifyErrorAnswer(
  status: number,
  body: Record<string, unknown> | null,
  scrub: (text: string) => string,
): ErrorVerdict {
  // Scrubbed whole, before anything is explained or cut: a secret cut in half by a length limit is still a leak.
  const clean = body === null ? null : scrubStrings(body, scrub)
  const explanation = clean === null ? null : explainAadsts(clean)
  const oauthError = typeof clean?.error === 'string' ? clean.error.slice(0, 100) : null
  if (explanation !== null) {
    const error: TenantError = {
      source: 'aadsts',
      code: explanation.code,
      httpStatus: status,
      oauthError,
      meaning: explanation.meaning,
      fix: explanation.fix,
      description: explanation.description,
      lookupUrl: explanation.lookupUrl,
      findings: [],
    }
    if (THROTTLING_AADSTS.has(explanation.number)) return { settle: false, retry: 'throttled', error }
    if (TRANSIENT_AADSTS.has(explanation.number) || status >= 500) {
      return AADSTS_OUTCOMES.has(explanation.number)
        ? { settle: true, outcome: AADSTS_OUTCOMES.get(explanation.number) as TenantOutcome, error }
        : { settle: false, retry: 'transient', error }
    }
    return { settle: true, outcome: AADSTS_OUTCOMES.get(explanation.number) ?? 'unavailable', error }
  }
  const error: TenantError = {
    source: 'http',
    code: null,
    httpStatus: status,
    oauthError,
    meaning: `The token endpoint answered HTTP ${status}${oauthError === null ? '' : ` (${oauthError})`} without an AADSTS code.`,
    fix:
      status === 429 || status >= 500
        ? 'Retry later; with many tenants, lower --concurrency.'
        : 'Check --authority and the network path to Entra (a proxy may have answered).',
    description: null,
    lookupUrl: null,
    findings: [],
  }
  if (status === 429) return { settle: false, retry: 'throttled', error }
  if (status >= 500 || status === 408) return { settle: false, retry: 'transient', error }
  return { settle: true, outcome: 'unavailable', error }
}

export function timeoutError(timeoutMs: number): TenantError {
  return {
    source: 'timeout',
    code: null,
    httpStatus: null,
    oauthError: null,
    meaning: `No answer from the token endpoint within ${timeoutMs} ms.`,
    fix: 'Retry later, or raise the timeout.',
    description: null,
    lookupUrl: null,
    findings: [],
  }
}

export function networkError(): TenantError {
  return {
    source: 'network',
    code: null,
    httpStatus: null,
    oauthError: null,
    meaning: 'The request to the token endpoint failed before any answer (DNS, TLS, connection).',
    fix: 'Check the network path to the sign-in host (proxy, firewall), then retry.',
    description: null,
    lookupUrl: null,
    findings: [],
  }
}

/** The body with every string member (and every string in an array member) scrubbed. */
function scrubStrings(
  body: Record<string, unknown>,
  scrub: (text: string) => string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(body)) {
    out[key] =
      typeof value === 'string'
        ? scrub(value)
        : Array.isArray(value)
          ? value.map((v: unknown) => (typeof v === 'string' ? scrub(v) : v))
          : value
  }
  return out
}
