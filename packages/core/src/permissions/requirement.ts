import { builtinIndexes, BUILTIN_CATALOG_IDS } from './builtin.js'
import type { CatalogIndex } from './catalog-index.js'
import { isPermissionName, nameKey } from './name-key.js'
import { formatOperation, parseOperation, resolveIn, type ParsedOperation } from './operation.js'
import { builtinCompiled, compileCatalog, type CompiledCatalog } from './requirement-catalog.js'
import type { CatalogOperation } from './types.js'
import { AUTH_CONTEXT_ID } from './validate-catalog.js'

/**
 * The one reader of a permission requirement (`{ api, catalog, operation, require }`, plus `authContext` for HTTP
 * routes). verify(), inspectToken, checkPermissions, authorize(), the adapters and the CLI all turn their input into a
 * CompiledRequirement here; the decision (check.ts) and the HTTP guard only read compiled values.
 */

/** A requirement after validation and lookup for one token API: everything the decision needs, as plain values. */
export interface ResolvedRequirement {
  /** The catalog that decides: the operation's, else the given one, else (no operation) the token's API's. */
  index: CatalogIndex | null
  operation: CatalogOperation | null
  /** The matched operation as `METHOD template`. */
  label: string | null
  /** The explicitly required names, deduplicated as written. */
  require: readonly string[]
  /** Set when an operation was asked and no catalog entry matches it: the request is refused. */
  unknown: { message: string; actual: string } | null
}

/** What a requirement asks, compiled once: frozen, and a pure function of its key. */
export interface CompiledRequirement {
  /**
   * Identifies the content: equal requirements have equal keys. A caller's catalog is named by the identity-based
   * reference its (deep-frozen) object got when first compiled; a built-in one by its id.
   */
  readonly key: string
  readonly api: string | undefined
  /** The catalog given (or named by `api`); null when operations are looked up in every built-in catalog. */
  readonly catalog: CompiledCatalog | null
  /** The operation text as given, or undefined (also for 'from-request', see fromRequest). */
  readonly operation: string | undefined
  /** HTTP only: the request's own method and path name the operation, matched against `catalog`. */
  readonly fromRequest: boolean
  /** The explicitly required names, deduplicated as written. */
  readonly require: readonly string[]
  /** HTTP only: the Conditional Access auth context asked for every request (`c1` … `c99`). */
  readonly authContext: string | undefined
  /** No operation and no permission asked (`{}`, or only api/catalog): every genuine token for the API. */
  readonly asksNothing: boolean
  /** The requirement for a token of this API (the token's API is tried first among built-in catalogs). */
  resolve(tokenApi: string | null): ResolvedRequirement
}

/** Why a requirement cannot be used at all; `member` names the offending member. */
export interface RequirementProblem {
  member: 'requirement' | 'api' | 'catalog' | 'operation' | 'require' | 'authContext'
  message: string
}

export type RequirementCompilation =
  { ok: true; value: CompiledRequirement } | { ok: false; problem: RequirementProblem }

/** How strictly a requirement is read. */
export interface CompileMode {
  /**
   * A route's requirement (entraAuth, authorize, createAuthorizer), read once at creation: `authContext` and
   * 'from-request' are accepted, and a requirement that could never be met, or that checks less than it seems to, is a
   * problem (an operation without a catalog, one the catalog lacks, an unknown permission, `require: []`, a catalog
   * or api that asks nothing).
   */
  route?: boolean
}

/** At most this many explicitly required names (verify, HTTP and the CLI share it). */
export const MAX_REQUIRED = 64
export const FROM_REQUEST = 'from-request'
const MEMBERS = ['api', 'catalog', 'operation', 'require', 'authContext'] as const

/** Quotes caller text in a message without letting it grow the message (issue 12: bounded work and messages). */
export function quoteBounded(text: string, limit = 120): string {
  const shown = text.length > limit ? `${text.slice(0, limit)}…` : text
  return JSON.stringify(shown)
}

function problem(member: RequirementProblem['member'], message: string): RequirementCompilation {
  return { ok: false, problem: { member, message } }
}

/** Own data properties only: an accessor is never called, an inherited value never read. */
function readMembers(
  input: object,
  route: boolean,
): Record<(typeof MEMBERS)[number], unknown> | RequirementProblem {
  const out: Record<string, unknown> = {}
  for (const m of MEMBERS) {
    if (m === 'authContext' && !route) continue
    const d = Object.getOwnPropertyDescriptor(input, m)
    if (d === undefined) {
      if (m in input) return { member: m, message: `${m} is inherited, not the requirement's own property` }
      continue
    }
    if (!('value' in d)) return { member: m, message: `${m} is an accessor, not a value` }
    out[m] = d.value
  }
  return out as Record<(typeof MEMBERS)[number], unknown>
}

/** require as own data elements that are permission names, deduplicated as written; or a problem. */
function readRequire(value: unknown): string[] | RequirementProblem {
  if (!Array.isArray(value))
    return { member: 'require', message: 'require must be a list of permission names' }
  if (value.length > MAX_REQUIRED)
    return {
      member: 'require',
      message: `require lists ${value.length} permissions; at most ${MAX_REQUIRED}`,
    }
  const names: string[] = []
  for (let i = 0; i < value.length; i++) {
    const d = Object.getOwnPropertyDescriptor(value, i)
    const n: unknown = d !== undefined && 'value' in d ? d.value : undefined
    if (!isPermissionName(n))
      return {
        member: 'require',
        message: `require[${i}] (${typeof n === 'string' ? quoteBounded(n) : typeof n}) is not a permission name: 1-200 printable ASCII characters, no spaces, no lookalike letters`,
      }
    names.push(n)
  }
  return [...new Set(names)]
}

const isProblem = (v: unknown): v is RequirementProblem =>
  typeof v === 'object' && v !== null && 'member' in v && 'message' in v && !Array.isArray(v)

/**
 * Reads a requirement into a frozen CompiledRequirement. Never throws; a requirement that cannot be used is a
 * problem naming its member (verify and inspectToken turn it into `requirement-invalid`, checkPermissions and the
 * HTTP layer into a TypeError). Reads own data properties `api`, `catalog`, `operation`, `require` (and, for a route,
 * `authContext`); other members are the caller's to refuse (verify: `request-member-ignored`; a route: unknown option).
 * A catalog is compiled once per object (requirement-catalog.ts: deep-frozen on first use).
 */
export function compileRequirement(input: unknown, mode: CompileMode = {}): RequirementCompilation {
  if (input === undefined) input = {}
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return problem('requirement', 'the requirement must be an object with api, operation, require or catalog')
  const route = mode.route === true
  const members = readMembers(input, route)
  if (isProblem(members)) return { ok: false, problem: members }
  const { api, catalog: rawCatalog, operation: operationText } = members
  const authContext = members.authContext

  let require: string[] = []
  if (members.require !== undefined) {
    const read = readRequire(members.require)
    if (isProblem(read)) return { ok: false, problem: read }
    if (route && read.length === 0)
      return problem('require', 'require is empty: list the permissions, or leave require out')
    require = read
  }
  if (operationText !== undefined && (typeof operationText !== 'string' || operationText.trim() === ''))
    return problem('operation', 'operation must be a string like "GET /api/alerts"')
  if (api !== undefined && typeof api !== 'string')
    return problem('api', `api must be a catalog id (built-in: ${BUILTIN_CATALOG_IDS.join(', ')})`)
  if (authContext !== undefined && (typeof authContext !== 'string' || !AUTH_CONTEXT_ID.test(authContext)))
    return problem('authContext', 'authContext must be an authentication context ID, c1 to c99')

  let given: CompiledCatalog | null = null
  if (rawCatalog !== undefined) {
    const compiled = compileCatalog(rawCatalog)
    if (!compiled.ok)
      return problem(
        'catalog',
        `the catalog is invalid: ${compiled.errors
          .slice(0, 5)
          .map((e) => e.slice(0, 200))
          .join('; ')}${compiled.errors.length > 5 ? `; and ${compiled.errors.length - 5} more` : ''}`,
      )
    given = compiled.value
    if (api !== undefined && api !== given.index.catalog.id)
      return problem(
        'api',
        `api ${quoteBounded(api as string)} does not name the given catalog (${quoteBounded(given.index.catalog.id)})`,
      )
  } else if (api !== undefined) {
    given = builtinCompiled(api as string)
    if (given === null)
      return problem(
        'api',
        `unknown api ${quoteBounded(api as string)} (built-in: ${BUILTIN_CATALOG_IDS.join(', ')}; pass a catalog for others)`,
      )
  }

  const fromRequest = route && operationText === FROM_REQUEST
  let parsed: ParsedOperation | null = null
  if (operationText !== undefined && !fromRequest) {
    parsed = parseOperation(operationText as string)
    if (parsed === null)
      return problem(
        'operation',
        `operation ${quoteBounded(operationText as string)} is not "METHOD /path" or "METHOD https://host/path" (GET, POST, PUT, PATCH or DELETE; no dot segments or control characters)`,
      )
  }
  const asksNothing = operationText === undefined && require.length === 0
  const resolver = makeResolver(given, parsed, operationText as string | undefined, require)

  if (route) {
    const routeProblem = checkRoute(given, operationText !== undefined, asksNothing, require, resolver)
    if (routeProblem !== null) return { ok: false, problem: routeProblem }
  }

  const key = JSON.stringify([
    api ?? null,
    given?.ref ?? null,
    fromRequest ? { fromRequest: true } : (operationText ?? null),
    require,
    authContext ?? null,
  ])
  const value: CompiledRequirement = Object.freeze({
    key,
    api: api as string | undefined,
    catalog: given,
    operation: fromRequest ? undefined : (operationText as string | undefined),
    fromRequest,
    require: Object.freeze(require),
    authContext: authContext as string | undefined,
    asksNothing,
    resolve: resolver,
  })
  return { ok: true, value }
}

/** The per-token-API resolution, computed once per API actually seen (at most one per built-in catalog, plus null). */
function makeResolver(
  given: CompiledCatalog | null,
  parsed: ParsedOperation | null,
  operationText: string | undefined,
  require: readonly string[],
): (tokenApi: string | null) => ResolvedRequirement {
  const frozenRequire = Object.freeze([...require])
  const byApi = new Map<string | null, ResolvedRequirement>()
  const compute = (tokenApi: string | null): ResolvedRequirement => {
    if (parsed === null || operationText === undefined) {
      const index = given?.index ?? (tokenApi !== null ? (builtinCompiled(tokenApi)?.index ?? null) : null)
      return { index, operation: null, label: null, require: frozenRequire, unknown: null }
    }
    const candidates = given ? [given.index] : builtinIndexes()
    const match = resolveIn(parsed, candidates, tokenApi)
    if (match === null) {
      const names = candidates.map((c) => c.catalog.name).join(' or ')
      const host = parsed.host
      const where =
        host !== null && !candidates.some((c) => c.catalog.hosts.some((h) => h.toLowerCase() === host))
          ? `${host} is not a host of ${names}`
          : parsed.segments.some((s) => s === '')
            ? 'its path has an empty segment (//)'
            : `it is not in the ${names} catalog`
      const actual = operationText.trim()
      return {
        index: given?.index ?? null,
        operation: null,
        label: null,
        require: frozenRequire,
        unknown: { message: `Cannot check ${quoteBounded(actual)}: ${where}.`, actual: actual.slice(0, 200) },
      }
    }
    return {
      index: match.index,
      operation: match.operation,
      label: formatOperation(match.operation),
      require: frozenRequire,
      unknown: null,
    }
  }
  return (tokenApi) => {
    // Only the token APIs that change the answer get their own entry: a catalog was given, or the API is built in.
    const slot = given !== null || tokenApi === null || builtinCompiled(tokenApi) === null ? null : tokenApi
    let hit = byApi.get(slot)
    if (hit === undefined) {
      hit = Object.freeze(compute(slot))
      byApi.set(slot, hit)
    }
    return hit
  }
}

/** A route's requirement must be one that can be met, and must check what it seems to (see CompileMode.route). */
function checkRoute(
  given: CompiledCatalog | null,
  hasOperation: boolean,
  asksNothing: boolean,
  require: readonly string[],
  resolve: (tokenApi: string | null) => ResolvedRequirement,
): RequirementProblem | null {
  if (given === null) {
    if (hasOperation)
      return {
        member: 'operation',
        message:
          "operation needs the catalog that defines it: add catalog (your API's) or api ('mde', 'm365d', 'graph')",
      }
    return null
  }
  if (asksNothing)
    return {
      member: 'operation',
      message:
        "catalog (or api) without an operation checks no permission: add operation (or 'from-request'), or require",
    }
  const index = given.index
  for (const n of require)
    if (index.find(n).length === 0)
      return {
        member: 'require',
        message: `require names ${quoteBounded(n)}, which is not a permission of the ${index.catalog.name} catalog`,
      }
  const resolved = resolve(null)
  if (resolved.unknown !== null) return { member: 'operation', message: resolved.unknown.message }
  return null
}

/**
 * What the permission-decision memo needs from a compiled requirement: its key, and every permission name (folded by
 * nameKey) that can change its decision: both columns and the alsoRequires of each operation it can resolve to, the
 * explicit names, what they include, and the catalog's alias spellings of all of these. A token's granted names
 * outside `mentions` never change the decision (its wording may list them).
 */
export function requirementIdentity(requirement: CompiledRequirement): {
  key: string
  mentions: readonly string[]
} {
  let mentions = MENTIONS.get(requirement)
  if (mentions === undefined) {
    mentions = computeMentions(requirement)
    MENTIONS.set(requirement, mentions)
  }
  return { key: requirement.key, mentions }
}

const MENTIONS = new WeakMap<CompiledRequirement, readonly string[]>()

function computeMentions(requirement: CompiledRequirement): readonly string[] {
  const names = new Set<string>()
  const indexes: CatalogIndex[] = []
  const operations: CatalogOperation[] = []
  const apis: (string | null)[] = [null, ...BUILTIN_CATALOG_IDS]
  for (const api of apis) {
    const r = requirement.resolve(api)
    if (r.index !== null && !indexes.includes(r.index)) indexes.push(r.index)
    if (r.operation !== null && !operations.includes(r.operation)) operations.push(r.operation)
  }
  if (requirement.catalog !== null && !indexes.includes(requirement.catalog.index))
    indexes.push(requirement.catalog.index)
  const add = (n: string): void => {
    names.add(nameKey(n))
    for (const index of indexes) {
      const canonical = index.canonical(n)
      names.add(nameKey(canonical))
      for (const p of index.find(canonical)) for (const i of p.includes ?? []) names.add(nameKey(i))
    }
  }
  for (const n of requirement.require) add(n)
  for (const op of operations) {
    for (const n of [...op.application, ...op.delegated]) add(n)
    for (const groups of Object.values(op.alsoRequires ?? {}))
      for (const g of groups ?? []) for (const n of g) add(n)
  }
  // Alias spellings of mentioned names: a token never carries them, but the catalog maps them, so they count.
  for (const index of indexes)
    for (const [from, to] of Object.entries(index.catalog.aliases ?? {}))
      if (names.has(nameKey(to))) names.add(nameKey(from))
  return Object.freeze([...names].sort())
}
