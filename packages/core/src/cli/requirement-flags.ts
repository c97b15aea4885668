import {
  BUILTIN_CATALOG_IDS,
  BUILTIN_CATALOGS,
  isBuiltinCatalogId,
  type BuiltinCatalogId,
} from '../permissions/builtin.js'
import { isPermissionName } from '../permissions/name-key.js'
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
  api?: BuiltinCatalogId
  catalog?: PermissionCatalog
  operation?: string
  require?: string[]
}

/** --api, --operation, --require and --catalog, checked up front so that a typo is a usage error, not a verdict. */
export async function resolveRequirementFlags(flags: RequirementFlags): Promise<ResolvedRequirement> {
  if (flags.api !== undefined && flags.catalog !== undefined)
    throw new UsageError('give either --api or --catalog, not both')
  if (flags.api !== undefined && !isBuiltinCatalogId(flags.api))
    throw new UsageError(`--api: "${flags.api}" is not one of ${BUILTIN_CATALOG_IDS.join(', ')}`)
  const catalog = flags.catalog !== undefined ? await loadCatalogFile(flags.catalog) : undefined
  const out: ResolvedRequirement = {}
  if (flags.api !== undefined) out.api = flags.api as BuiltinCatalogId
  if (catalog) out.catalog = catalog
  if (flags.require !== undefined) {
    const bad: string | undefined = flags.require.find((r) => !isPermissionName(r as unknown))
    if (bad !== undefined)
      throw new UsageError(
        `--require: "${bad.slice(0, 200)}" is not a permission name (one per --require: printable ASCII, no spaces)`,
      )
    out.require = flags.require
  }
  if (flags.operation !== undefined) {
    const parsed = parseOperation(flags.operation)
    if (parsed === null)
      throw new UsageError(
        `--operation: "${flags.operation.slice(0, 200)}" is not "METHOD /path" or "METHOD https://host/path" (e.g. "GET /api/alerts")`,
      )
    const candidates = catalog
      ? [catalog]
      : out.api
        ? [BUILTIN_CATALOGS[out.api]]
        : Object.values(BUILTIN_CATALOGS)
    if (!resolveOperation(parsed, candidates)) {
      throw new UsageError(
        `--operation: ${flags.operation.slice(0, 200)} is not an operation of ${candidates.map((c) => c.name).join(' or ')}; list them with claimcheck permissions${catalog ? ' --catalog <file>' : out.api ? ` --api ${out.api}` : ''}`,
      )
    }
    out.operation = flags.operation
  }
  return out
}
