import { BUILTIN_CATALOGS, builtinCatalog } from '../permissions/builtin.js'
import { parseOperation, resolveOperation } from '../permissions/operation.js'
import type { PermissionCatalog } from '../permissions/types.js'
import { loadCatalogFile } from './catalog-file.js'
import { UsageError } from './io.js'

export interface RequirementFlags {
  api?: string
  operation?: string
  require?: string[]
  catalog?: string
}

export interface ResolvedRequirement {
  api?: 'mde' | 'm365d'
  catalog?: PermissionCatalog
  operation?: string
  require?: string[]
}

/** --api, --operation, --require and --catalog, checked up front so that a typo is a usage error, not a verdict. */
export async function resolveRequirementFlags(flags: RequirementFlags): Promise<ResolvedRequirement> {
  if (flags.api !== undefined && flags.catalog !== undefined) throw new UsageError('give either --api or --catalog, not both')
  if (flags.api !== undefined && builtinCatalog(flags.api) === null) throw new UsageError(`--api: "${flags.api}" is not mde or m365d`)
  const catalog = flags.catalog !== undefined ? await loadCatalogFile(flags.catalog) : undefined
  const out: ResolvedRequirement = {}
  if (flags.api !== undefined) out.api = flags.api as 'mde' | 'm365d'
  if (catalog) out.catalog = catalog
  if (flags.require !== undefined) {
    const bad = flags.require.find((r) => r.length === 0 || /\s/.test(r))
    if (bad !== undefined) throw new UsageError(`--require: "${bad}" is not a permission name (one per --require, no spaces)`)
    out.require = flags.require
  }
  if (flags.operation !== undefined) {
    const parsed = parseOperation(flags.operation)
    if (parsed === null) throw new UsageError(`--operation: "${flags.operation}" is not "METHOD /path" (e.g. "GET /api/alerts")`)
    const candidates = catalog ? [catalog] : out.api ? [BUILTIN_CATALOGS[out.api]] : Object.values(BUILTIN_CATALOGS)
    if (!resolveOperation(parsed, candidates)) {
      throw new UsageError(`--operation: ${flags.operation} is not an operation of ${candidates.map((c) => c.name).join(' or ')}; list them with claimcheck permissions${catalog ? ' --catalog <file>' : out.api ? ` --api ${out.api}` : ''}`)
    }
    out.operation = flags.operation
  }
  return out
}
