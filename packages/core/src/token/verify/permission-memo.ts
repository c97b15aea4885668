import type { Finding } from '../../findings/finding.js'
import { deepFreeze } from '../../lib/freeze.js'
import type { evaluatePermissions } from '../../permissions/evaluate.js'
import { nameKey } from '../../permissions/name-key.js'
import { requirementIdentity, type RequirementCompilation } from '../../permissions/requirement.js'
import type { TokenFacts } from '../../report/report.js'

/** Distinct permission decisions a verifier remembers; then the oldest goes. */
export const PERMISSION_MEMO_ENTRIES = 1_024

type Evaluation = ReturnType<typeof evaluatePermissions>
export type EvaluatePermissions = (
  facts: TokenFacts,
  requirement: RequirementCompilation,
  earlier: readonly Finding[],
) => Evaluation

/** What a requirement decides with: a key that stands for its content, and the permission names it mentions. */
export interface RequirementShape {
  key: string
  /** nameKey of every name the decision can look up in the token's roles or scp. */
  mentions: ReadonlySet<string>
}

/**
 * What a compiled requirement decides with (config's requirementIdentity: a key that stands for its content, a
 * caller's catalog by the identity of its frozen object, and every permission name the decision can look up), per
 * token API. null when the requirement could not be compiled: such calls are never memoized.
 */
const SHAPES = new WeakMap<object, ReadonlySet<string>>()

export function requirementShape(
  requirement: RequirementCompilation,
  tokenApi: string | null,
): RequirementShape | null {
  if (!requirement.ok) return null
  const { key, mentions } = requirementIdentity(requirement.value)
  let set = SHAPES.get(requirement.value)
  if (set === undefined) {
    set = new Set(mentions)
    SHAPES.set(requirement.value, set)
  }
  return { key: `${key}\u0000${tokenApi ?? ''}`, mentions: set }
}

/** The token's names that the requirement mentions, as the decision would spell them (the last spelling wins). */
function mentioned(names: readonly string[], mentions: ReadonlySet<string>): string {
  if (mentions.size === 0) return ''
  const found = new Map<string, string>()
  for (const n of names) {
    const k = nameKey(n)
    if (mentions.has(k)) {
      found.delete(k)
      found.set(k, n)
    }
  }
  return [...found.values()].sort().join('\u0001')
}

const textOrEmpty = (v: string | null): string => v ?? ''
const hasName = (names: readonly string[]): string => (names.some((n) => n.length > 0) ? '1' : '0')

/**
 * The permission decision is a pure function of the requirement and a few facts of the token: its kind, aud, API,
 * cloud, tenant, app and user (named in the findings' texts), whether it holds any role or scope at all, the names
 * of its roles and scp that the requirement mentions, and the codes of earlier findings (the audience step may have
 * said already what the permission step would repeat). That is the key, so a token with 15,000 roles still makes a
 * small one. Only grants are remembered: a refusal's texts list the token's other names. Nothing here depends on the clock or on caller policies; those run on every call, outside the memo.
 * Memoized results are frozen: Reports share them.
 */
export function createPermissionMemo(
  evaluate: EvaluatePermissions,
  maxEntries = PERMISSION_MEMO_ENTRIES,
): EvaluatePermissions {
  const decisions = new Map<string, Evaluation>()

  return (facts, requirement, earlier) => {
    const shape = requirementShape(requirement, facts.api)
    if (shape === null || maxEntries <= 0) return evaluate(facts, requirement, earlier)
    let codes = ''
    for (const f of earlier) codes += `${f.code},`
    const key = [
      shape.key,
      facts.kind,
      textOrEmpty(facts.audience),
      textOrEmpty(facts.cloud),
      textOrEmpty(facts.tenantId),
      textOrEmpty(facts.appId),
      textOrEmpty(facts.user),
      hasName(facts.roles),
      hasName(facts.scopes),
      mentioned(facts.roles, shape.mentions),
      mentioned(facts.scopes, shape.mentions),
      codes,
    ].join('\u0000')
    const known = decisions.get(key)
    if (known !== undefined) return known
    const decided = evaluate(facts, requirement, earlier)
    // A refusal names the token's roles or scp in its texts (all of them, clipped), so only decisions that grant
    // (or check nothing and find nothing) are a function of the key; the others are computed on every call.
    const keyed = decided.report === null ? decided.findings.length === 0 : decided.report.satisfied === true
    if (!keyed) return decided
    const frozen: Evaluation = deepFreeze({ report: decided.report, findings: decided.findings })
    if (decisions.size >= maxEntries) decisions.delete(decisions.keys().next().value as string)
    decisions.set(key, frozen)
    return frozen
  }
}
