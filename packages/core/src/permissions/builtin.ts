import { M365D_CATALOG } from './catalogs/m365d.js'
import { MDE_CATALOG } from './catalogs/mde.js'
import type { PermissionCatalog } from './types.js'

/** The catalogs ClaimCheck ships, by id. */
export const BUILTIN_CATALOGS: Readonly<Record<'mde' | 'm365d', PermissionCatalog>> = Object.freeze({ mde: MDE_CATALOG, m365d: M365D_CATALOG })

export function builtinCatalog(id: string): PermissionCatalog | null {
  return id === 'mde' || id === 'm365d' ? BUILTIN_CATALOGS[id] : null
}
