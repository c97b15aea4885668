import { explainClaim } from '../../claims/explain-claim.js'
import { FINDING_CODES, isFindingCode } from '../../findings/catalogue.js'
import { FINDINGS } from '../../findings/definitions.js'
import type { Severity } from '../../findings/finding.js'

/** One thing `claimcheck explain` can explain; `code`, `meaning` and `fix` are the contract's --json fields. */
export interface Explanation {
  code: string
  meaning: string
  fix: string | null
  title: string
  /** What kind of code it is, so scripts can tell a finding from a claim (AADSTS output has its own shape). */
  topic: 'finding' | 'claim'
  severity?: Severity
  /** Extra lines for the human output only. */
  notes?: string[]
}

export type ExplainResult =
  | { status: 'explained'; explanation: Explanation }
  /** Known form but nothing to say (yet); the message says why. Exit 2. */
  | { status: 'unknown'; message: string }

export interface ExplainTopic {
  /** Whether the argument is this topic's kind of code. The first topic that matches answers. */
  matches: (arg: string) => boolean
  explain: (arg: string) => ExplainResult
}

export function explainFindingCode(arg: string): ExplainResult {
  const code = arg.toLowerCase()
  if (!isFindingCode(code))
    return {
      status: 'unknown',
      message: `"${arg}" is not a known finding code. Finding codes: ${FINDING_CODES.join(', ')}`,
    }
  const d: { severity: Severity; title: string; meaning: string; fix?: string } = FINDINGS[code]
  return {
    status: 'explained',
    explanation: {
      code,
      topic: 'finding',
      title: d.title,
      severity: d.severity,
      meaning: d.meaning,
      fix: d.fix ?? null,
    },
  }
}

export function explainClaimName(arg: string): ExplainResult {
  const payload = explainClaim(arg, 'payload')
  const header = explainClaim(arg, 'header')
  const first = payload ?? header
  if (first === undefined)
    return { status: 'unknown', message: `"${arg}" is not a claim this reference describes` }
  const notes: string[] = []
  if (first.versions !== undefined) notes.push(`Only in v${first.versions.join(' and v')} tokens.`)
  if (payload !== undefined && header !== undefined)
    notes.push(`As a header field: ${header.title}. ${header.description}`)
  return {
    status: 'explained',
    explanation: {
      code: first.name,
      topic: 'claim',
      title: `${first.title} (${first.location} ${first.location === 'header' ? 'field' : 'claim'})`,
      meaning: first.description,
      fix: null,
      notes,
    },
  }
}

const FINDING_CODE_FORM = /^[a-z]+(-[a-z0-9]+)+$/i

/**
 * In order: the first topic whose form matches the argument explains it (or says why it cannot). AADSTS codes
 * are recognised before these (explain-aadsts.ts), because their argument may be a whole pasted error.
 */
export const EXPLAIN_TOPICS: readonly ExplainTopic[] = [
  { matches: (arg) => FINDING_CODE_FORM.test(arg), explain: explainFindingCode },
  { matches: () => true, explain: explainClaimName },
]
