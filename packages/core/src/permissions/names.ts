import type { CatalogPermission, PermissionCatalog, PermissionKind } from './types.js'

/** Entra compares permission values case-insensitively; so do we, and only that: no prefixes, no trimming. */
export function nameKey(name: string): string {
  return name.toLowerCase()
}

interface NameIndex {
  aliases: Map<string, string>
  byName: Map<string, CatalogPermission[]>
}

// Maps, not object literals: a permission named "__proto__" or "constructor" must find nothing.
const INDEXES = new WeakMap<PermissionCatalog, NameIndex>()

function indexOf(catalog: PermissionCatalog): NameIndex {
  let index = INDEXES.get(catalog)
  if (index) return index
  const aliases = new Map<string, string>()
  for (const [from, to] of Object.entries(catalog.aliases ?? {})) aliases.set(nameKey(from), to)
  const byName = new Map<string, CatalogPermission[]>()
  for (const p of catalog.permissions) {
    const key = nameKey(p.value)
    byName.set(key, [...(byName.get(key) ?? []), p])
  }
  index = { aliases, byName }
  INDEXES.set(catalog, index)
  return index
}

/** The catalog's spelling of a required permission: aliases first (docs' spellings), then the catalog's own case. */
export function canonicalName(catalog: PermissionCatalog | null, name: string): string {
  if (catalog === null) return name
  const index = indexOf(catalog)
  const aliased = index.aliases.get(nameKey(name)) ?? name
  const known = index.byName.get(nameKey(aliased))
  return known?.[0]?.value ?? aliased
}

/** The catalog's entries for a name (after aliases), optionally of one kind. */
export function findPermissions(catalog: PermissionCatalog, name: string, kind?: PermissionKind): CatalogPermission[] {
  const entries = indexOf(catalog).byName.get(nameKey(canonicalName(catalog, name))) ?? []
  return kind === undefined ? entries : entries.filter((p) => p.kind === kind)
}

export function otherKind(kind: PermissionKind): PermissionKind {
  return kind === 'application' ? 'delegated' : 'application'
}
