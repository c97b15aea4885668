import { isFindingCode, type FindingCode } from '../findings/catalogue.js'
import type { RequirementOptions } from '../token/options.js'
import type { Report } from '../report/report.js'
import { TokenAssertionError } from './assertion-error.js'
import { describeFindings, explainReport } from './describe-report.js'
import {
  acceptVerdict,
  apiLabel,
  findingCodes,
  grantVerdict,
  type GrantOptions,
  type ReportVerifier,
} from './verdicts.js'

/**
 * Throws a TokenAssertionError unless the token's permissions allow the operation on the API
 * (inspectToken's permission check, plus the token being for that API). Returns the Report.
 */
export function assertGrants(token: string, operation: string, options: GrantOptions = {}): Report {
  const v = grantVerdict(token, operation, options)
  if (v.pass) return v.report
  const why =
    v.report.permissions.satisfied === null && v.reasons.length === 0 && v.report.token !== null
      ? ' No permission check ran: pass { api } (or require) so the operation maps to permissions.'
      : ''
  throw new TokenAssertionError(
    explainReport(
      `Expected the token to grant ${operation} on ${apiLabel(options)}, but it does not.${why}`,
      v.report,
      v.reasons,
    ),
    v.report,
  )
}

/** Throws a TokenAssertionError if the token's permissions allow the operation. Returns the Report. */
export function assertDoesNotGrant(token: string, operation: string, options: GrantOptions = {}): Report {
  const v = grantVerdict(token, operation, options)
  if (!v.pass) return v.report
  const by =
    v.report.permissions.granted.length > 0 ? ` (granted by ${v.report.permissions.granted.join(', ')})` : ''
  throw new TokenAssertionError(
    explainReport(
      `Expected the token not to grant ${operation} on ${apiLabel(options)}, but it does${by}.`,
      v.report,
    ),
    v.report,
  )
}

/** Throws a TokenAssertionError unless the verifier accepts the token (and it grants the operation, if one is named). */
export async function assertAccepted(
  verifier: ReportVerifier,
  token: string,
  options: RequirementOptions = {},
): Promise<Report> {
  const v = await acceptVerdict(verifier, token, options)
  if (v.pass) return v.report
  const what = options.operation !== undefined ? ` for ${options.operation}` : ''
  throw new TokenAssertionError(
    explainReport(
      `Expected the verifier to accept the token${what}, but it refused it.`,
      v.report,
      v.reasons.length > 0 ? v.reasons : v.report.findings,
    ),
    v.report,
  )
}

/**
 * Throws a TokenAssertionError if the verifier accepts the token, or if it refuses it without the expected
 * finding code(s): a refusal for the wrong reason is a failing test too.
 */
export async function assertRefused(
  verifier: ReportVerifier,
  token: string,
  options: RequirementOptions = {},
  expected?: FindingCode | readonly FindingCode[],
): Promise<Report> {
  const codes: readonly FindingCode[] =
    expected === undefined ? [] : typeof expected === 'string' ? [expected] : expected
  for (const c of codes)
    if (!isFindingCode(c))
      throw new TypeError(`${JSON.stringify(c)} is not a ClaimCheck finding code (see docs/findings.md).`)
  const v = await acceptVerdict(verifier, token, options)
  if (v.pass)
    throw new TokenAssertionError(
      explainReport('Expected the verifier to refuse the token, but it accepted it.', v.report),
      v.report,
    )
  const present = findingCodes(v.report)
  const absent = codes.filter((c) => !present.includes(c))
  if (absent.length > 0) {
    throw new TokenAssertionError(
      `Expected the verifier to refuse the token with ${absent.join(', ')}; it refused it for other reasons:\n${describeFindings(v.report.findings)}`,
      v.report,
    )
  }
  return v.report
}
