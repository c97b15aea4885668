import type { Finding } from '../../findings/finding.js'
import { deepFreeze } from '../../lib/freeze.js'
import type { evaluatePermissions } from '../../permissions/evaluate.js'
import { nameKey } from '../../permissions/name-key.js'
import { resolveRequirement } from '../../permissions/requirement.js'
import type { RequirementOptions } from '../../permissions/requirement-options.js'
import type { TokenFacts } from '../../report/report.js'

/** Distinct permission decisions a verifier remembers; then the oldest goes. */
export const PERMISSION_MEMO_ENTRIES = 1_024
/** Distinct (requirement, token API) shapes remembered; a verifier normally sees a few routes. */
const SHAPE_ENTRIES = 256

type Evaluation = ReturnType<typeof evaluatePermissions>
export type EvaluatePermissions = (
  facts: TokenFacts,
  requirement: RequirementOptions,
  earlier: readonly Finding[],
) => Evaluation

/** What a requirement decides with: a key that stands for its content, and the permission names it mentions. */
export interface RequirementShape {
  key: string
  /** nameKey of every name the decision can look up in the token's roles or scp. */
  mentions: ReadonlySet<string>
}

/**
 * The one adapter from what the verifier reads of a request today (`token/verify/request.ts`: api, operation, a
 * frozen require, a catalog) to a key that stands for its content, or null when nothing can (a catalog that is not
 * deeply frozen may change between calls): such calls are never memoized nor cached. `requirementShape` adds the
 * names the requirement mentions. When requirements are compiled once (a frozen requirement with its own `key` and
 * mentioned names), these two read those instead.
 */
/** Absent and empty are told apart: '' is a requirement (an invalid one), absent is none. */
const part = (text: string | undefined): string => (text === undefined ? '-' : `+${text}`)

export function requirementKey(
  requirement: RequirementOptions,
  catalogId: (catalog: object) => number | null,
): string | null {
  const { api, operation, require, catalog } = requirement
  if (api === undefined && operation === undefined && require === undefined && catalog === undefined)
    return ''
  const id = catalog === undefined ? 0 : catalogId(catalog)
  if (id === null) return null
  // Separators that the parts cannot contain keep the key injective; text that contains them is spelled as JSON.
  const parts =
    require === undefined ? [api ?? '', operation ?? ''] : [api ?? '', operation ?? '', ...require]
  if (parts.some((p) => p.includes('\u0000') || p.includes('\u0001')))
    return `J${JSON.stringify([api ?? null, operation ?? null, require ?? null, id])}`
  return `F${part(api)}\u0000${part(operation)}\u0000${require === undefined ? '-' : `+${require.join('\u0001')}`}\u0000${id}`
}

export function requirementShape(
  requirement: RequirementOptions,
  tokenApi: string | null,
  catalogId: (catalog: object) => number | null,
): RequirementShape | null {
  const base = requirementKey(requirement, catalogId)
  if (base === null) return null
  const mentions = new Set<string>()
  const resolved = resolveRequirement(requirement, tokenApi)
  if (resolved.ok) {
    const { operation: op, require: explicit } = resolved.value
    for (const n of explicit) mentions.add(nameKey(n))
    if (op !== null) {
      for (const n of op.application) mentions.add(nameKey(n))
      for (const n of op.delegated) mentions.add(nameKey(n))
      for (const groups of [op.alsoRequires?.application, op.alsoRequires?.delegated])
        for (const group of groups ?? []) for (const n of group) mentions.add(nameKey(n))
    }
  }
  return { key: `${base}\u0000${tokenApi ?? ''}`, mentions }
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
  catalogId: (catalog: object) => number | null,
  maxEntries = PERMISSION_MEMO_ENTRIES,
): EvaluatePermissions {
  const decisions = new Map<string, Evaluation>()
  const shapes = new Map<string, RequirementShape | null>()

  function shapeOf(requirement: RequirementOptions, tokenApi: string | null): RequirementShape | null {
    const base = requirementKey(requirement, catalogId)
    if (base === null) return null
    const text = `${base}\u0000${tokenApi ?? ''}`
    let shape = shapes.get(text)
    if (shape === undefined) {
      shape = requirementShape(requirement, tokenApi, catalogId)
      if (shapes.size >= SHAPE_ENTRIES) shapes.delete(shapes.keys().next().value as string)
      shapes.set(text, shape)
    }
    return shape
  }

  return (facts, requirement, earlier) => {
    const shape = shapeOf(requirement, facts.api)
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
