import { BUILTIN_CATALOG_SOURCE } from '#builtin-catalogs'
import { CATALOG_IDS, type CatalogId } from './builtin-catalogs/source.js'
import { indexCatalog, type CatalogIndex } from './catalog-index.js'
import { deepFreeze } from '../lib/freeze.js'
import type { PermissionCatalog } from './types.js'

/**
 * The catalogs ClaimCheck ships, by id. Adding one is one id in builtin-catalogs/source.ts and one entry in each of
 * builtin-catalogs/{eager,lazy}.ts: `--api`, `api:` in requirements and the host lookup follow from it.
 */
export type BuiltinCatalogId = CatalogId

export const BUILTIN_CATALOG_IDS: readonly BuiltinCatalogId[] = Object.freeze([...CATALOG_IDS])

export function isBuiltinCatalogId(id: unknown): id is BuiltinCatalogId {
  return typeof id === 'string' && (BUILTIN_CATALOG_IDS as readonly string[]).includes(id)
}

// The catalogs present, frozen through and through and indexed once as each arrives: the indexes are computed from
// these values, so the values must not move.
const present = new Map<BuiltinCatalogId, { catalog: PermissionCatalog; index: CatalogIndex }>()
let indexes: readonly CatalogIndex[] = Object.freeze([])

function admit(id: BuiltinCatalogId, catalog: PermissionCatalog): PermissionCatalog {
  const known = present.get(id)
  if (known !== undefined) return known.catalog
  const frozen = deepFreeze(catalog)
  present.set(id, { catalog: frozen, index: indexCatalog(frozen) })
  // Searched in the ids' order, whatever order they arrived in.
  indexes = Object.freeze(
    BUILTIN_CATALOG_IDS.flatMap((i) => {
      const entry = present.get(i)
      return entry === undefined ? [] : [entry.index]
    }),
  )
  return frozen
}

for (const id of BUILTIN_CATALOG_IDS) {
  const catalog = BUILTIN_CATALOG_SOURCE.present[id]
  if (catalog !== undefined) admit(id, catalog)
}

/**
 * Every built-in catalog, by id. Under the `claimcheck-lazy-catalogs` export condition (the web page's build) it is
 * empty: read builtinCatalog(id) after loadBuiltinCatalog(id) instead.
 */
export const BUILTIN_CATALOGS = Object.freeze(
  Object.fromEntries([...present].map(([id, entry]) => [id, entry.catalog])),
) as Readonly<Record<BuiltinCatalogId, PermissionCatalog>>

/** The built-in catalog with this id, or null (not one of ours, or not loaded yet under the lazy condition). */
export function builtinCatalog(id: string): PermissionCatalog | null {
  return isBuiltinCatalogId(id) ? (present.get(id)?.catalog ?? null) : null
}

const loading = new Map<BuiltinCatalogId, Promise<PermissionCatalog>>()

/**
 * Resolves with the built-in catalog `id` once it is present: at once by default; under the lazy condition after
 * its chunk has loaded, and from then on every synchronous call (inspectToken, checkPermissions, builtinCatalog)
 * sees it. Rejects with a TypeError for an id that is not built in.
 */
export function loadBuiltinCatalog(id: string): Promise<PermissionCatalog> {
  if (!isBuiltinCatalogId(id))
    return Promise.reject(
      new TypeError(
        `${JSON.stringify(String(id).slice(0, 60))} is not a built-in catalog (${BUILTIN_CATALOG_IDS.join(', ')})`,
      ),
    )
  const known = present.get(id)
  if (known !== undefined) return Promise.resolve(known.catalog)
  let pending = loading.get(id)
  if (pending === undefined) {
    pending = BUILTIN_CATALOG_SOURCE.importCatalog(id).then((catalog) => admit(id, catalog))
    // A failed chunk load may be retried.
    pending.catch(() => loading.delete(id))
    loading.set(id, pending)
  }
  return pending
}

export function builtinIndex(id: string): CatalogIndex | null {
  return isBuiltinCatalogId(id) ? (present.get(id)?.index ?? null) : null
}

export function builtinIndexes(): readonly CatalogIndex[] {
  return indexes
}
