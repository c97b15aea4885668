import { indexCatalog, type CatalogIndex } from '../permissions/catalog-index.js'
import { matchIn, parseOperation } from '../permissions/operation.js'
import type { CatalogOperation, PermissionCatalog } from '../permissions/types.js'

/**
 * The path after the mount point (`/api` + `/api/machines/1` → `/machines/1`), or null when the path is not under it.
 * Segment-wise: `/api` is not a mount point of `/apix`.
 */
export function pathBelowMount(path: string, mountPath: string): string | null {
  const mount = mountPath.replace(/(?<!\/)\/+$/, '')
  if (mount === '') return path
  if (path === mount) return '/'
  return path.startsWith(`${mount}/`) ? path.slice(mount.length) : null
}

/**
 * The catalog operation a request is for: its method and its path relative to where the protection is mounted,
 * matched against the catalog's templates (`{id}` placeholders, the most specific template wins). Null when none
 * matches: such a request is refused, never waved through.
 */
export function operationForRequest(
  catalog: CatalogIndex | PermissionCatalog,
  method: string,
  path: string,
  mountPath = '',
): CatalogOperation | null {
  const relative = pathBelowMount(path, mountPath)
  if (relative === null || /\s/.test(relative)) return null
  // HEAD is GET without the body (RFC 9110 §9.3.2): it needs what GET needs, as frameworks route it to GET handlers.
  const asked = method.toUpperCase() === 'HEAD' ? 'GET' : method
  const parsed = parseOperation(`${asked} ${relative}`)
  if (parsed === null) return null
  // A route's catalog is indexed once, at creation; a bare catalog (older callers) is indexed here.
  return matchIn('templates' in catalog ? catalog : indexCatalog(catalog), parsed)
}
