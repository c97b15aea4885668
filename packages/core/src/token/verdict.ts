import { FINDING_RULES } from '../findings/catalogue.js'
import type { Finding } from '../findings/finding.js'
import type { PermissionReport, SignatureReport, TokenFacts, Verdict } from '../report/report.js'

// The type lives with the Report it is part of; re-exported so that existing imports keep working.
export type { Verdict } from '../report/report.js'

/** Why the verdict is what it is, in one sentence each surface can show after its own label. */
export interface VerdictSummary {
  verdict: Verdict
  /** Short and factual; for `refused`, the leading error's title. */
  reason: string
  /** The finding that decided a `refused` verdict (the first error), else null. */
  finding: Finding | null
}

interface VerdictInput {
  token: TokenFacts | null
  signature: SignatureReport
  permissions: PermissionReport
  findings: readonly Finding[]
}

const UNVERIFIED: Readonly<Record<SignatureReport['status'], string>> = {
  valid: '',
  'not-checked': 'the signature was not checked',
  unverifiable: 'only the API it is for can verify its signature',
  error: "the signature could not be checked: Entra's signing keys could not be obtained",
  invalid: 'the signature is not valid',
}

export function verdictOf(report: VerdictInput): Verdict {
  return summarizeVerdict(report).verdict
}

/** The verdict and its reason, from a Report (or the parts of one being built). */
export function summarizeVerdict(report: VerdictInput): VerdictSummary {
  const error = report.findings.find((f) => f.severity === 'error') ?? null
  if (report.token === null || error !== null) {
    const title = error === null ? 'the input is not a token' : FINDING_RULES[error.code].title
    return { verdict: 'refused', reason: title, finding: error }
  }
  if (report.signature.status !== 'valid') {
    return { verdict: 'undetermined', reason: UNVERIFIED[report.signature.status], finding: null }
  }
  const p = report.permissions
  if (p.satisfied === null && (p.operation !== null || p.required.length > 0)) {
    return { verdict: 'undetermined', reason: 'the permission could not be judged', finding: null }
  }
  const granted = p.satisfied === true ? `; ${p.operation ?? 'the requirement'} is granted` : ''
  return { verdict: 'works', reason: `signature verified, no problem found${granted}`, finding: null }
}
