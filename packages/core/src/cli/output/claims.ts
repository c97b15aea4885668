import { explainClaim } from '../../claims/explain-claim.js'
import type { ClaimLocation } from '../../claims/reference.js'
import type { JsonObject, JsonValue } from '../../lib/json.js'
import type { TokenFacts } from '../../report/report.js'
import { escapeForTerminal } from './escape.js'
import type { Style } from './style.js'
import { hanging, relativeTime, utc, type TimeRole } from './text.js'

const LATEST_SANE_SECONDS = 32_503_680_000
const NAME_COLUMN = 20

const TIME_ROLES: Partial<Record<string, TimeRole>> = { exp: 'expires', nbf: 'not-before', iat: 'issued' }

function showJson(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function showValue(name: string, value: JsonValue, format: string | undefined, now: Date): string {
  if (
    format === 'epoch' &&
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= 0 &&
    value <= LATEST_SANE_SECONDS
  ) {
    const at = new Date(Math.trunc(value) * 1000)
    return `${value} = ${utc(at)} (${relativeTime(at, now, TIME_ROLES[name] ?? 'plain')})`
  }
  // Every value of a list is shown (30 roles included), wrapped: a cut list hides the very role being looked for.
  if (Array.isArray(value)) return value.length === 0 ? '(empty list)' : value.map(showJson).join(', ')
  return showJson(value)
}

function section(
  title: string,
  obj: JsonObject,
  location: ClaimLocation,
  st: Style,
  now: Date,
  columns: number,
): string[] {
  const names = Object.keys(obj)
  if (names.length === 0) return []
  const width = Math.min(NAME_COLUMN, Math.max(...names.map((n) => escapeForTerminal(n).length)))
  const indent = width + 4
  const out = ['', st.bold(title)]
  for (const name of names) {
    const value = obj[name] as JsonValue
    const info = explainClaim(name, location)
    const shownName = escapeForTerminal(name)
    // A name longer than the column gets its own line; the value starts under the column.
    const label =
      shownName.length > width
        ? `  ${st.cyan(shownName)}\n${' '.repeat(indent)}`
        : `  ${st.cyan(shownName.padEnd(width))}  `
    out.push(
      ...hanging(
        label,
        indent,
        escapeForTerminal(showValue(name, value, info?.format, now)),
        columns,
        indent,
      ),
    )
    if (info === undefined) {
      out.push(`${' '.repeat(indent)}${st.dim('Not a claim Entra documents for access tokens.')}`)
      continue
    }
    out.push(
      ...hanging(' '.repeat(indent), indent, `${info.title} — ${info.description}`, columns, indent, st.dim),
    )
    if (info.neverAuthorizeOn === true)
      out.push(`${' '.repeat(indent)}${st.yellow('Never authorize on it (nOAuth): use tid + oid.')}`)
  }
  return out
}

/** Every header field and claim with its whole value (times in UTC and relative to now) and what it means. */
export function renderClaims(token: TokenFacts, st: Style, now: Date, columns: number): string[] {
  return [
    ...section('Header', token.header, 'header', st, now, columns),
    ...section('Claims', token.payload, 'payload', st, now, columns),
  ]
}
