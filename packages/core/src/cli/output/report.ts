import type { Report } from '../../token/report.js'
import { renderClaims } from './claims.js'
import { renderFindings } from './findings.js'
import { makeStyle } from './style.js'
import { renderSummary } from './summary.js'

export interface RenderOptions {
  colour: boolean
  /** The instant the report was made for; relative times ("expired 3 h ago") count from it. */
  now: Date
}

/**
 * Human output: what the token is and the verdict first, then findings by severity with fixes, then every
 * claim with its meaning. Shows claim values, never a token segment or the signature.
 */
export function renderReport(report: Report, options: RenderOptions): string {
  const st = makeStyle(options.colour)
  const out = [
    ...renderSummary(report, st, options.now),
    ...renderFindings(report.findings, st),
    ...(report.token !== null ? renderClaims(report.token, st, options.now) : []),
  ]
  return `${out.join('\n')}\n`
}
