/**
 * A string that identifies what a requirement asks (api, operation, require, and the catalog by identity), for the
 * memos that resolve a requirement once instead of once per token. Null when a member has an unexpected type: such
 * requirements are never memoized, so the checks that refuse them (TypeError) run every time.
 */
const catalogIds = new WeakMap<object, number>()
let nextCatalogId = 1

const own = (obj: object, name: string): unknown => (Object.hasOwn(obj, name) ? (obj as Record<string, unknown>)[name] : undefined)
const optionalString = (v: unknown): boolean => v === undefined || typeof v === 'string'

export function requirementKey(requirement: unknown): string | null {
  if (typeof requirement !== 'object' || requirement === null || Array.isArray(requirement)) return null
  const api = own(requirement, 'api')
  const operation = own(requirement, 'operation')
  const require = own(requirement, 'require')
  const catalog = own(requirement, 'catalog')
  // Array.from turns holes into undefined, which is not a string.
  if (!optionalString(api) || !optionalString(operation) || !(require === undefined || (Array.isArray(require) && Array.from(require).every((n) => typeof n === 'string')))) return null
  if (catalog !== undefined && (typeof catalog !== 'object' || catalog === null)) return null
  let id = 0
  if (catalog !== undefined) {
    id = catalogIds.get(catalog) ?? nextCatalogId++
    catalogIds.set(catalog, id)
  }
  // JSON keeps every string apart (operations may contain any character).
  return JSON.stringify([api, operation, require, id])
}
