import { indexCatalog } from './catalog-index.js'
export { nameKey, sameName } from './name-key.js'
import type { CatalogPermission, PermissionCatalog, PermissionKind } from './types.js'

/**
 * The catalog's spelling of a required permission: aliases first (docs' spellings), then the catalog's own case.
 * @deprecated Internal helper kept for compatibility; it indexes the catalog on every call. Use checkPermissions.
 */
export function canonicalName(catalog: PermissionCatalog | null, name: string): string {
  return catalog === null ? name : indexCatalog(catalog).canonical(name)
}

/**
 * The catalog's entries for a name (after aliases), optionally of one kind.
 * @deprecated Internal helper kept for compatibility; it indexes the catalog on every call. Use checkPermissions.
 */
export function findPermissions(
  catalog: PermissionCatalog,
  name: string,
  kind?: PermissionKind,
): CatalogPermission[] {
  return indexCatalog(catalog).find(name, kind)
}

export function otherKind(kind: PermissionKind): PermissionKind {
  return kind === 'application' ? 'delegated' : 'application'
}
