import { BUILTIN_CATALOG_IDS, builtinCatalog, builtinIndex } from './builtin.js'
import { indexCatalog, type CatalogIndex } from './catalog-index.js'
import { deepFreeze } from '../lib/freeze.js'
import { parseCatalog } from './validate-catalog.js'

/** A catalog as a requirement uses it: validated, indexed, and named by a reference that stands for its content. */
export interface CompiledCatalog {
  readonly index: CatalogIndex
  /** `builtin:<id>` for a shipped catalog, `custom:<n>` for a caller's catalog object (one number per object). */
  readonly ref: string
}

export type CatalogCompilation =
  { ok: true; value: CompiledCatalog } | { ok: false; errors: readonly string[] }

/**
 * Compiled catalogs by object identity. Identity can stand for content only because the caller's object is deep-frozen
 * when it is first compiled (documented in docs/permissions.md: pass a new object to change a catalog). Weak: a
 * catalog the caller drops is forgotten with it.
 */
const compiled = new WeakMap<object, CompiledCatalog>()
let nextRef = 1

// Built-in catalogs may arrive after load (the page's lazy chunks: loadBuiltinCatalog), so each is compiled when first
// asked for, once it is present.
const builtinById = new Map<string, CompiledCatalog>()

/** The compiled built-in catalog of an id, or null (unknown, or not loaded yet). */
export function builtinCompiled(id: string): CompiledCatalog | null {
  const index = builtinIndex(id)
  if (index === null) return null
  let known = builtinById.get(id)
  if (known === undefined || known.index !== index) {
    known = Object.freeze({ index, ref: `builtin:${id}` })
    builtinById.set(id, known)
  }
  return known
}

/** The compiled form of a built-in catalog object passed as a catalog, if it is one. */
function builtinByObject(value: object): CompiledCatalog | undefined {
  for (const id of BUILTIN_CATALOG_IDS)
    if (builtinCatalog(id) === value) return builtinCompiled(id) ?? undefined
  return undefined
}

/**
 * Validates and indexes a catalog object once: later calls with the same object return the same compiled value at the
 * cost of a WeakMap lookup. A valid catalog is deep-frozen in place (the caller's object), so it cannot change under
 * the compiled copy; an invalid one is neither frozen nor remembered. Never throws.
 */
export function compileCatalog(value: unknown): CatalogCompilation {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, errors: ['the catalog must be a JSON object'] }
  const known = builtinByObject(value) ?? compiled.get(value)
  if (known !== undefined) return { ok: true, value: known }
  try {
    const parsed = parseCatalog(value)
    if (!parsed.ok) return { ok: false, errors: parsed.errors }
    deepFreeze(value)
    const result: CompiledCatalog = Object.freeze({
      index: indexCatalog(parsed.catalog),
      ref: `custom:${nextRef++}`,
    })
    compiled.set(value, result)
    return { ok: true, value: result }
  } catch {
    // A Proxy can throw from any trap: such a catalog cannot be read.
    return { ok: false, errors: ['the catalog could not be read (reading it threw)'] }
  }
}
