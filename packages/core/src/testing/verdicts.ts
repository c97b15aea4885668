import { API_RESOURCES } from '../entra/apis.js'
import { FINDING_RULES, type FindingCode } from '../findings/catalogue.js'
import type { Finding } from '../findings/finding.js'
import { inspectToken } from '../token/inspect.js'
import type { InspectOptions, RequirementOptions } from '../token/options.js'
import type { Report } from '../report/report.js'

/** inspectToken's options without `operation`, which the assertion names separately. */
export type GrantOptions = Omit<InspectOptions, 'operation'>

/** Anything with createVerifier's verify method; typed structurally so test doubles fit too. */
export interface ReportVerifier {
  verify(raw: string, options?: RequirementOptions): Promise<Report>
}

export interface Verdict {
  pass: boolean
  report: Report
  /** The findings that decided a failure (or, for a pass, the ones worth showing). */
  reasons: Finding[]
}

/** Where "grants" is decided: the token's structure, its resource and its permissions. */
const GRANT_AREAS: ReadonlySet<string> = new Set(['input', 'audience', 'permissions'])

function bearsOnGrant(f: Finding): boolean {
  if (GRANT_AREAS.has(FINDING_RULES[f.code].area)) return true
  // A roles or scp claim of the wrong type grants nothing, whatever area the code is filed under.
  return f.code === 'claim-type-invalid' && (f.claim === 'roles' || f.claim === 'scp')
}

/** The API's name for messages: a custom catalog's own name, a built-in API's, or a generic one. */
export function apiLabel(options: RequirementOptions): string {
  if (options.catalog !== undefined) return options.catalog.name
  return options.api === undefined ? 'the API' : API_RESOURCES[options.api].name
}

/**
 * Does the token's permission set allow the operation on the API? Lifetime, tenant, issuer and signature are
 * deliberately not part of the answer (that is what acceptance checks), so a token minted at a fixed instant
 * can be asserted on whatever the wall clock says.
 */
export function grantVerdict(token: string, operation: string, options: GrantOptions = {}): Verdict {
  if (typeof operation !== 'string' || operation.trim().length === 0) {
    throw new TypeError('Name the operation as "METHOD /path", e.g. "POST /api/machines/{id}/isolate".')
  }
  const report = inspectToken(token, { ...options, operation })
  const reasons = report.findings.filter((f) => f.severity === 'error' && bearsOnGrant(f))
  return {
    pass: report.token !== null && report.permissions.satisfied === true && reasons.length === 0,
    report,
    reasons,
  }
}

/** Would the verifier let this token through (for this operation, when one is named)? */
export async function acceptVerdict(
  verifier: ReportVerifier,
  token: string,
  options: RequirementOptions = {},
): Promise<Verdict> {
  if (verifier === null || typeof verifier !== 'object' || typeof verifier.verify !== 'function') {
    throw new TypeError('Pass the verifier made by createVerifier({ ... }) (an object with a verify method).')
  }
  const report = await verifier.verify(token, options)
  const asked = options.operation !== undefined || (options.require?.length ?? 0) > 0
  const permitted = !asked || report.permissions.satisfied === true
  return {
    pass: report.ok && permitted,
    report,
    reasons: report.findings.filter((f) => f.severity === 'error'),
  }
}

export function findingCodes(report: Report): FindingCode[] {
  return report.findings.map((f) => f.code)
}
