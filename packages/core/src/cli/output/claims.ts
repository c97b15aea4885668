import { explainClaim } from '../../claims/explain-claim.js'
import type { ClaimLocation } from '../../claims/reference.js'
import type { JsonObject, JsonValue } from '../../token/json.js'
import type { TokenFacts } from '../../token/report.js'
import type { Style } from './style.js'
import { firstSentence, relativeTime, safeText, truncate, utc, type TimeRole } from './text.js'

const MAX_VALUE = 100
const MAX_ITEMS = 8
const LATEST_SANE_SECONDS = 32_503_680_000

const TIME_ROLES: Partial<Record<string, TimeRole>> = { exp: 'expires', nbf: 'not-before', iat: 'issued' }

function showJson(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function showValue(name: string, value: JsonValue, format: string | undefined, now: Date): string {
  if (format === 'epoch' && typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= LATEST_SANE_SECONDS) {
    const at = new Date(Math.trunc(value) * 1000)
    return `${value} = ${utc(at)} (${relativeTime(at, now, TIME_ROLES[name] ?? 'plain')})`
  }
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_ITEMS).map(showJson).join(', ')
    return value.length > MAX_ITEMS ? `${shown}, … (${value.length} values)` : value.length === 0 ? '(empty list)' : shown
  }
  return showJson(value)
}

function section(title: string, obj: JsonObject, location: ClaimLocation, st: Style, now: Date): string[] {
  const names = Object.keys(obj)
  if (names.length === 0) return []
  const width = Math.min(20, Math.max(...names.map((n) => safeText(n).length)))
  const out = ['', st.bold(title)]
  for (const name of names) {
    const value = obj[name] as JsonValue
    const info = explainClaim(name, location)
    const shownName = safeText(truncate(name, 40))
    out.push(`  ${st.cyan(shownName.padEnd(width))}  ${safeText(truncate(showValue(name, value, info?.format, now), MAX_VALUE))}`)
    const pad = ' '.repeat(width + 4)
    if (info === undefined) {
      out.push(`${pad}${st.dim('Not a claim Entra documents for access tokens.')}`)
      continue
    }
    const warning = info.neverAuthorizeOn === true ? ` ${st.yellow('Never authorize on it (nOAuth): use tid + oid.')}` : ''
    out.push(`${pad}${st.dim(`${info.title} — ${firstSentence(info.description)}`)}${warning}`)
  }
  return out
}

/** Every header field and claim with its value (times in UTC and relative to now) and what it means. */
export function renderClaims(token: TokenFacts, st: Style, now: Date): string[] {
  return [
    ...section('Header', token.header, 'header', st, now),
    ...section('Claims', token.payload, 'payload', st, now),
  ]
}
