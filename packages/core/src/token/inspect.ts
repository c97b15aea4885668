import { makeFinding } from '../findings/make-finding.js'
import { analyzeToken, toReport } from './analyze.js'
import type { InspectOptions } from './options.js'
import type { Report } from '../report/report.js'

/**
 * Offline diagnosis: every check that needs no key. Synchronous and never throws for bad tokens; the
 * signature is reported as not-checked. Does NOT prove the token genuine: use createVerifier for that.
 */
export function inspectToken(raw: string, options: InspectOptions = {}): Report {
  const analysis = analyzeToken(raw, options)
  if (analysis.facts !== null) {
    analysis.findings.push(
      makeFinding('signature-not-checked', 'The signature was not checked (offline inspection).'),
    )
  }
  return toReport(analysis)
}
