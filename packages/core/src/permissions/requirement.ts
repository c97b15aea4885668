import { isRecord, own } from '../lib/records.js'
import { builtinIndex, builtinIndexes, BUILTIN_CATALOG_IDS } from './builtin.js'
import { indexCatalog, type CatalogIndex } from './catalog-index.js'
import { isPermissionName } from './name-key.js'
import { formatOperation, parseOperation, resolveIn } from './operation.js'
import type { CatalogOperation } from './types.js'
import { parseCatalog } from './validate-catalog.js'

/** A requirement after validation and lookup: everything the decision needs, as plain values. */
export interface ResolvedRequirement {
  /** The catalog that decides: the operation's, else the given one, else (no operation) the token's API's. */
  index: CatalogIndex | null
  operation: CatalogOperation | null
  /** The matched operation as `METHOD template`. */
  label: string | null
  /** The explicitly required names, deduplicated as written. */
  require: string[]
  /** Set when an operation was asked and no catalog entry matches it: the request is refused. */
  unknown: { message: string; actual: string } | null
}

/** Why a requirement cannot be used at all; `member` names the offending member. */
export interface RequirementProblem {
  member: 'requirement' | 'api' | 'catalog' | 'operation' | 'require'
  message: string
}

export type RequirementResolution =
  { ok: true; value: ResolvedRequirement } | { ok: false; problem: RequirementProblem }

const MAX_REQUIRED = 64

/** Quotes caller text in a message without letting it grow the message (issue 12: bounded work and messages). */
export function quoteBounded(text: string, limit = 120): string {
  const shown = text.length > limit ? `${text.slice(0, limit)}…` : text
  return JSON.stringify(shown)
}

function problem(member: RequirementProblem['member'], message: string): RequirementResolution {
  return { ok: false, problem: { member, message } }
}

/**
 * Validates a requirement and looks its operation up: a pure function of the values it is given (own data
 * properties `api`, `catalog`, `operation`, `require`; nothing else is read), never throws. A caller's catalog is
 * validated and indexed here, on each request.
 */
export function resolveRequirement(requirement: unknown, tokenApi: string | null): RequirementResolution {
  if (!isRecord(requirement))
    return problem('requirement', 'the requirement must be an object with api, operation, require or catalog')
  const api = own(requirement, 'api')
  const rawCatalog = own(requirement, 'catalog')
  const operationText = own(requirement, 'operation')
  const rawRequire = own(requirement, 'require')

  let require: string[] = []
  if (rawRequire !== undefined) {
    if (!Array.isArray(rawRequire)) return problem('require', 'require must be a list of permission names')
    if (rawRequire.length > MAX_REQUIRED)
      return problem('require', `require lists ${rawRequire.length} permissions; at most ${MAX_REQUIRED}`)
    // Array.from turns holes into undefined, which is not a name.
    const names = Array.from(rawRequire as unknown[])
    const bad = names.findIndex((n) => !isPermissionName(n))
    if (bad >= 0) {
      const n = names[bad]
      return problem(
        'require',
        `require[${bad}] (${typeof n === 'string' ? quoteBounded(n) : typeof n}) is not a permission name: 1-200 printable ASCII characters, no spaces, no lookalike letters`,
      )
    }
    require = [...new Set(names as string[])]
  }
  if (operationText !== undefined && typeof operationText !== 'string')
    return problem('operation', 'operation must be a string like "GET /api/alerts"')
  if (operationText === undefined && require.length === 0)
    return problem('requirement', 'give an operation or the required permissions')
  if (api !== undefined && typeof api !== 'string')
    return problem('api', `api must be a catalog id (built-in: ${BUILTIN_CATALOG_IDS.join(', ')})`)

  let given: CatalogIndex | null = null
  if (rawCatalog !== undefined) {
    const parsed = parseCatalog(rawCatalog)
    if (!parsed.ok)
      return problem(
        'catalog',
        `the catalog is invalid: ${parsed.errors
          .slice(0, 5)
          .map((e) => e.slice(0, 200))
          .join('; ')}${parsed.errors.length > 5 ? `; and ${parsed.errors.length - 5} more` : ''}`,
      )
    if (api !== undefined && api !== parsed.catalog.id)
      return problem(
        'api',
        `api ${quoteBounded(api as string)} does not name the given catalog (${quoteBounded(parsed.catalog.id)})`,
      )
    given = indexCatalog(parsed.catalog)
  } else if (api !== undefined) {
    given = builtinIndex(api as string)
    if (given === null)
      return problem(
        'api',
        `unknown api ${quoteBounded(api as string)} (built-in: ${BUILTIN_CATALOG_IDS.join(', ')}; pass a catalog for others)`,
      )
  }

  if (operationText === undefined) {
    const index = given ?? (tokenApi !== null ? builtinIndex(tokenApi) : null)
    return { ok: true, value: { index, operation: null, label: null, require, unknown: null } }
  }
  const parsed = parseOperation(operationText)
  if (parsed === null)
    return problem(
      'operation',
      `operation ${quoteBounded(operationText)} is not "METHOD /path" or "METHOD https://host/path" (GET, POST, PUT, PATCH or DELETE; no dot segments or control characters)`,
    )
  const candidates = given ? [given] : builtinIndexes()
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
      ok: true,
      value: {
        index: given,
        operation: null,
        label: null,
        require,
        unknown: { message: `Cannot check ${quoteBounded(actual)}: ${where}.`, actual: actual.slice(0, 200) },
      },
    }
  }
  return {
    ok: true,
    value: {
      index: match.index,
      operation: match.operation,
      label: formatOperation(match.operation),
      require,
      unknown: null,
    },
  }
}
