import { isGuid, type JsonValue } from '@claimcheck/core'
import { formatRelative, formatUtc } from './duration.js'
import { nameForGuid } from './known-guids.js'

// NumericDate claims (seconds since 1970) that Entra puts in access tokens.
const TIME_CLAIMS = new Set(['iat', 'nbf', 'exp', 'auth_time', 'xms_tcdt'])

/** A claim value as text, plus a readable note (the time it names, the app or tenant a GUID is). */
export interface ReadableValue {
  text: string
  note: string | null
  /** Lists (roles, amr, groups) are shown one item a line. */
  items: string[] | null
}

export function readableClaimValue(name: string, value: JsonValue | undefined, now: Date): ReadableValue {
  if (value === undefined) return { text: '', note: null, items: null }
  if (TIME_CLAIMS.has(name) && typeof value === 'number' && Number.isFinite(value)) {
    const inRange = value >= 0 && value <= 32_503_680_000
    return {
      text: String(value),
      note: inRange ? `${formatUtc(Math.trunc(value))} (${formatRelative(value, now)})` : 'not a usable time',
      items: null,
    }
  }
  if (typeof value === 'string') {
    return { text: value, note: isGuid(value) ? nameForGuid(value) : null, items: null }
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return { text: JSON.stringify(value), note: null, items: value as string[] }
  }
  if (typeof value === 'object' && value !== null) {
    return { text: JSON.stringify(value, null, 2), note: null, items: null }
  }
  return { text: JSON.stringify(value), note: null, items: null }
}
