import type { PermissionCatalog } from '../types.js'

/** The ids of the catalogs ClaimCheck ships, in the order they are searched. Adding one: here and in eager/lazy.ts. */
export const CATALOG_IDS = ['mde', 'm365d', 'graph'] as const

export type CatalogId = (typeof CATALOG_IDS)[number]

/**
 * Where the built-in catalogs come from: present at load (eager.ts, the default) or imported on demand (lazy.ts, the
 * page). builtin.ts reads it through `#builtin-catalogs`, a package import whose export conditions choose the file.
 */
export interface BuiltinCatalogSource {
  present: Readonly<Partial<Record<CatalogId, PermissionCatalog>>>
  importCatalog: (id: CatalogId) => Promise<PermissionCatalog>
}
