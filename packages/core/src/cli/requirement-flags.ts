import { BUILTIN_CATALOG_IDS, isBuiltinCatalogId, type BuiltinCatalogId } from '../permissions/builtin.js'
import { compileRequirement, type CompiledRequirement } from '../permissions/requirement.js'
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

const FLAG: Record<string, string> = {
  api: '--api',
  catalog: '--catalog',
  operation: '--operation',
  require: '--require',
  requirement: '--operation/--require',
}

/**
 * --api, --operation, --require and --catalog, read by compileRequirement (as verify reads them) and checked up front,
 * so that a typo is a usage error, not a verdict: an operation must be in the catalog(s) it names.
 */
export async function resolveRequirementFlags(flags: RequirementFlags): Promise<ResolvedRequirement> {
  return (await compileRequirementFlags(flags)).requirement
}

/** resolveRequirementFlags, with the requirement as the one reader compiled it. */
export async function compileRequirementFlags(
  flags: RequirementFlags,
): Promise<{ requirement: ResolvedRequirement; compiled: CompiledRequirement }> {
  if (flags.api !== undefined && flags.catalog !== undefined)
    throw new UsageError('give either --api or --catalog, not both')
  if (flags.api !== undefined && !isBuiltinCatalogId(flags.api))
    throw new UsageError(`--api: "${flags.api}" is not one of ${BUILTIN_CATALOG_IDS.join(', ')}`)
  const catalog = flags.catalog !== undefined ? await loadCatalogFile(flags.catalog) : undefined
  const out: ResolvedRequirement = {}
  if (flags.api !== undefined) out.api = flags.api as BuiltinCatalogId
  if (catalog) out.catalog = catalog
  if (flags.require !== undefined) out.require = flags.require
  if (flags.operation !== undefined) out.operation = flags.operation
  const compiled = compileRequirement(out)
  if (!compiled.ok) {
    const { member, message } = compiled.problem
    throw new UsageError(
      `${FLAG[member] ?? '--operation'}: ${message.slice(0, 300)}${member === 'require' ? ' (one per --require)' : ''}`,
    )
  }
  if (flags.operation !== undefined) {
    const unknown = compiled.value.resolve(null).unknown
    if (unknown !== null)
      throw new UsageError(
        `--operation: ${unknown.message} List them with claimcheck permissions${catalog ? ' --catalog <file>' : out.api ? ` --api ${out.api}` : ''}`,
      )
  }
  return { requirement: out, compiled: compiled.value }
}
