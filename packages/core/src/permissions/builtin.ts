import { indexCatalog, type CatalogIndex } from './catalog-index.js'
import { GRAPH_CATALOG } from './catalogs/graph.js'
import { M365D_CATALOG } from './catalogs/m365d.js'
import { MDE_CATALOG } from './catalogs/mde.js'
import { deepFreeze } from '../lib/freeze.js'
import type { PermissionCatalog } from './types.js'

/**
 * The catalogs ClaimCheck ships, by id. Adding one is one entry here: `--api`, `api:` in requirements and the host
 * lookup follow from this record.
 */
// Frozen through and through: the indexes below are computed once from these values, so the values must not move.
export const BUILTIN_CATALOGS = deepFreeze({
  mde: MDE_CATALOG,
  m365d: M365D_CATALOG,
  graph: GRAPH_CATALOG,
}) satisfies Readonly<Record<string, PermissionCatalog>>

export type BuiltinCatalogId = keyof typeof BUILTIN_CATALOGS

export const BUILTIN_CATALOG_IDS: readonly BuiltinCatalogId[] = Object.freeze(
  Object.keys(BUILTIN_CATALOGS) as BuiltinCatalogId[],
)

export function isBuiltinCatalogId(id: unknown): id is BuiltinCatalogId {
  return typeof id === 'string' && Object.hasOwn(BUILTIN_CATALOGS, id)
}

export function builtinCatalog(id: string): PermissionCatalog | null {
  return isBuiltinCatalogId(id) ? BUILTIN_CATALOGS[id] : null
}

// Indexed once, at load: the built-in catalogs are module constants, not callers' objects.
const BUILTIN_INDEXES: Readonly<Record<string, CatalogIndex>> = Object.freeze(
  Object.fromEntries(BUILTIN_CATALOG_IDS.map((id) => [id, indexCatalog(BUILTIN_CATALOGS[id])])),
)

export function builtinIndex(id: string): CatalogIndex | null {
  return isBuiltinCatalogId(id) ? (BUILTIN_INDEXES[id] as CatalogIndex) : null
}

const ALL_INDEXES: readonly CatalogIndex[] = Object.freeze(
  BUILTIN_CATALOG_IDS.map((id) => BUILTIN_INDEXES[id] as CatalogIndex),
)

export function builtinIndexes(): readonly CatalogIndex[] {
  return ALL_INDEXES
}
