import { API_RESOURCES, isKnownApiId, type VersionSegment } from '../entra/apis.js'
import { nameKey } from './name-key.js'
import type { CatalogOperation, CatalogPermission, PermissionCatalog, PermissionKind } from './types.js'

export type TemplateSegment =
  { kind: 'literal'; value: string } | { kind: 'param' } | { kind: 'call'; prefix: string }

/**
 * A catalog with the lookups the engine needs, computed once from its values: a pure function of the catalog, so
 * two equal catalogs index alike and nothing is remembered between calls. Built-in catalogs are indexed once at
 * load (they are frozen); a caller's catalog is indexed per request.
 */
export interface CatalogIndex {
  readonly catalog: PermissionCatalog
  /** The catalog's spelling of a name: aliases first, then the catalog's own case; unknown names unchanged. */
  canonical(name: string): string
  /** The catalog's permissions of that name (after aliases), optionally of one kind. */
  find(name: string, kind?: PermissionKind): CatalogPermission[]
  /** Each operation's path template, in catalog order. */
  readonly templates: readonly (readonly TemplateSegment[])[]
  /** The positions (in catalog order) of the operations with this method and this many path segments. */
  shaped(method: string, segments: number): readonly number[]
  /** Version segments to drop from request paths before matching (from the known API of the same id). */
  readonly versionSegments: readonly VersionSegment[]
}

/** Splits a catalog path template (already validated) into segments. */
export function templateOf(op: Pick<CatalogOperation, 'path'>): TemplateSegment[] {
  const trimmed = op.path.replace(/^\/+/, '').replace(/(?<!\/)\/+$/, '')
  return (trimmed === '' ? [] : trimmed.split('/')).map((s): TemplateSegment => {
    if (/^\{[^{}]*\}$/.test(s)) return { kind: 'param' }
    const call = /^([^()]+)\(\.\.\.\)$/.exec(s)
    if (call) return { kind: 'call', prefix: `${nameKey(call[1] as string)}(` }
    return { kind: 'literal', value: nameKey(s) }
  })
}

export function indexCatalog(catalog: PermissionCatalog): CatalogIndex {
  // Maps, not object literals: a permission named "__proto__" or "constructor" must find nothing.
  const aliases = new Map<string, string>()
  for (const [from, to] of Object.entries(catalog.aliases ?? {})) aliases.set(nameKey(from), to)
  const byName = new Map<string, CatalogPermission[]>()
  for (const p of catalog.permissions) {
    const key = nameKey(p.value)
    byName.set(key, [...(byName.get(key) ?? []), p])
  }
  const canonical = (name: string): string => {
    const aliased = aliases.get(nameKey(name)) ?? name
    return byName.get(nameKey(aliased))?.[0]?.value ?? aliased
  }
  const find = (name: string, kind?: PermissionKind): CatalogPermission[] => {
    const entries = byName.get(nameKey(canonical(name))) ?? []
    return kind === undefined ? [...entries] : entries.filter((p) => p.kind === kind)
  }
  const templates = catalog.operations.map((op) => Object.freeze(templateOf(op)))
  const shapes = new Map<string, number[]>()
  catalog.operations.forEach((op, i) => {
    const key = `${op.method} ${(templates[i] as TemplateSegment[]).length}`
    shapes.set(key, [...(shapes.get(key) ?? []), i])
  })
  const none: readonly number[] = Object.freeze([])
  return Object.freeze({
    catalog,
    canonical,
    find,
    templates: Object.freeze(templates),
    shaped: (method: string, segments: number) => shapes.get(`${method} ${segments}`) ?? none,
    versionSegments: isKnownApiId(catalog.id) ? API_RESOURCES[catalog.id].versionSegments : [],
  })
}
