import type { Capabilities } from '../../permissions/capabilities.js'
import type { Report } from '../../report/report.js'
import { renderClaims } from './claims.js'
import { renderFindings } from './findings.js'
import { renderPermissionVerdict } from './permission-verdict.js'
import { makeStyle } from './style.js'
import { renderSummary } from './summary.js'
import { DEFAULT_COLUMNS } from './text.js'
import { renderVerdict } from './verdict.js'

export interface RenderOptions {
  colour: boolean
  /** The instant the report was made for; relative times ("expired 3 h ago") count from it. */
  now: Date
  /** The terminal's width; long values wrap to it. Default 100 (a pipe or a file). */
  columns?: number
  /** What the token can do with its own API (every catalog operation judged), for the summary's "Can call" line. */
  capabilities?: Capabilities | null
}

/**
 * Human output: the verdict first (works / refused / undetermined, as the page's banner), then the permission
 * verdict when one was asked, what the token is, findings by severity with fixes, then every claim with its meaning.
 * Shows claim values, never a token segment or the signature; every token-derived string is escaped (escape.ts).
 */
export function renderReport(report: Report, options: RenderOptions): string {
  const st = makeStyle(options.colour)
  const columns = options.columns ?? DEFAULT_COLUMNS
  const permission = renderPermissionVerdict(report, st, columns)
  const [verdict, ...why] = renderVerdict(report, st, columns, permission !== '')
  const out = [
    verdict ?? '',
    ...(permission === '' ? [] : [permission.trimEnd()]),
    // The permission verdict already carries the deciding fix (a wrong-API token's): never print it twice.
    ...why.filter((line) => !permission.includes(line)),
    '',
    ...renderSummary(report, st, options.now, columns, options.capabilities ?? null),
    ...renderFindings(report.findings, st, columns),
    ...(report.token !== null ? renderClaims(report.token, st, options.now, columns) : []),
  ]
  return `${out.join('\n')}\n`
}
