import { FINDING_CODES, FINDING_RULES, type FindingCode, type FindingRule } from './catalogue.js'
import { FINDING_MEANINGS } from './meanings.js'

export interface FindingDefinition extends FindingRule {
  /** What the condition means, independent of any one token. */
  meaning: string
}

/** Every finding code with its full definition (rule and meaning): the public, documented catalogue. */
export const FINDINGS: Readonly<Record<FindingCode, FindingDefinition>> = Object.freeze(
  Object.fromEntries(
    FINDING_CODES.map((code) => [
      code,
      Object.freeze({ ...FINDING_RULES[code], meaning: FINDING_MEANINGS[code] }),
    ]),
  ) as Record<FindingCode, FindingDefinition>,
)
