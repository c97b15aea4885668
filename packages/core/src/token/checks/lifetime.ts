import type { Finding } from '../../findings/finding.js'
import { makeFinding } from '../../findings/make-finding.js'
import { describeType } from '../facts.js'
import { ownValue, type JsonObject } from '../../lib/json.js'
import { formatDuration } from '../../lib/duration.js'

/** Entra's longest-lived access tokens (continuous access evaluation) live up to 28 hours. */
export const MAX_LIFETIME_SECONDS = 28 * 3600
/** 1 January 3000: later NumericDates are absurd for a token. */
const LATEST_SANE_TIME = 32_503_680_000

type TimeRead = { present: false } | { present: true; value: number | null }

function readTime(payload: JsonObject, name: 'exp' | 'nbf' | 'iat', findings: Finding[]): TimeRead {
  const v = ownValue(payload, name)
  if (v === undefined) return { present: false }
  if (typeof v !== 'number') {
    findings.push(
      makeFinding(
        'claim-type-invalid',
        `${name} must be a number of seconds since 1970; it is ${describeType(v)}.`,
        { claim: name, expected: 'integer', actual: v },
      ),
    )
    return { present: true, value: null }
  }
  if (!Number.isFinite(v) || !Number.isInteger(v) || v < 0 || v > LATEST_SANE_TIME) {
    const what = !Number.isFinite(v)
      ? 'infinite'
      : !Number.isInteger(v)
        ? 'not a whole number of seconds'
        : v < 0
          ? 'before 1970'
          : 'after the year 3000'
    findings.push(
      makeFinding('lifetime-invalid', `${name} is ${what} (${String(v)}).`, { claim: name, actual: v }),
    )
    return { present: true, value: null }
  }
  return { present: true, value: v }
}

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString()

export function checkLifetime(payload: JsonObject, nowMs: number, skewSeconds: number): Finding[] {
  const findings: Finding[] = []
  const exp = readTime(payload, 'exp', findings)
  const nbf = readTime(payload, 'nbf', findings)
  const iat = readTime(payload, 'iat', findings)
  const now = nowMs / 1000
  const value = (t: TimeRead): number | null => (t.present ? t.value : null)
  const e = value(exp),
    n = value(nbf),
    i = value(iat)

  // Entra always writes all three; a token without one is hand-made, and the 28-hour cap needs a start.
  if (!exp.present)
    findings.push(
      makeFinding('lifetime-invalid', 'The token has no exp: it would never expire. Entra always sets exp.', {
        claim: 'exp',
      }),
    )
  if (!nbf.present)
    findings.push(
      makeFinding('lifetime-invalid', 'The token has no nbf. Entra always sets nbf.', { claim: 'nbf' }),
    )
  if (!iat.present)
    findings.push(
      makeFinding('lifetime-invalid', 'The token has no iat. Entra always sets iat.', { claim: 'iat' }),
    )
  if (e !== null && now > e + skewSeconds) {
    findings.push(
      makeFinding('token-expired', `The token expired ${formatDuration(now - e)} ago, at ${iso(e)}.`, {
        claim: 'exp',
        expected: `after ${iso(now - skewSeconds)}`,
        actual: iso(e),
      }),
    )
  }
  if (n !== null && now < n - skewSeconds) {
    findings.push(
      makeFinding(
        'token-not-yet-valid',
        `The token is valid only from ${iso(n)}, ${formatDuration(n - now)} from now.`,
        { claim: 'nbf', actual: iso(n) },
      ),
    )
  }
  if (i !== null && now < i - skewSeconds) {
    findings.push(
      makeFinding(
        'token-issued-in-future',
        `The token says it was issued at ${iso(i)}, ${formatDuration(i - now)} from now.`,
        { claim: 'iat', actual: iso(i) },
      ),
    )
  }
  if (n !== null && e !== null && n > e) {
    findings.push(
      makeFinding('lifetime-invalid', `nbf (${iso(n)}) is after exp (${iso(e)}): the token is never valid.`, {
        claim: 'nbf',
        expected: `<= ${iso(e)}`,
        actual: iso(n),
      }),
    )
  }
  // The earlier of nbf and iat: a token cannot stretch its lifetime by moving one of them.
  const start = n !== null && i !== null ? Math.min(n, i) : (n ?? i)
  if (start !== null && e !== null && e - start > MAX_LIFETIME_SECONDS) {
    findings.push(
      makeFinding(
        'lifetime-invalid',
        `The token lives ${formatDuration(e - start)}; Entra issues tokens for at most 28 hours.`,
        { claim: 'exp', expected: `<= ${MAX_LIFETIME_SECONDS} s`, actual: `${e - start} s` },
      ),
    )
  }
  return findings
}
