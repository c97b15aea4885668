/**
 * A string that identifies what a requirement asks, by value (api, operation, require, and the catalog's contents),
 * for a result cache. Nothing is keyed by object identity: a caller that changes its catalog object gets a new key,
 * never a stale answer. Null when a member has an unexpected type or is an accessor: such requirements are never
 * cached, so the checks that refuse them run every time.
 */
const optionalString = (v: unknown): boolean => v === undefined || typeof v === 'string'

function ownData(obj: object, name: string): { ok: boolean; value: unknown } {
  const d = Object.getOwnPropertyDescriptor(obj, name)
  if (d === undefined) return { ok: true, value: undefined }
  return 'value' in d ? { ok: true, value: d.value } : { ok: false, value: undefined }
}

export function requirementKey(requirement: unknown): string | null {
  if (typeof requirement !== 'object' || requirement === null || Array.isArray(requirement)) return null
  const members = ['api', 'operation', 'require', 'catalog'].map((m) => ownData(requirement, m))
  if (members.some((m) => !m.ok)) return null
  const [api, operation, require, catalog] = members.map((m) => m.value)
  // Array.from turns holes into undefined, which is not a string.
  if (
    !optionalString(api) ||
    !optionalString(operation) ||
    !(
      require === undefined ||
      (Array.isArray(require) && Array.from(require).every((n) => typeof n === 'string'))
    )
  )
    return null
  let catalogText: string | null = null
  if (catalog !== undefined) {
    if (typeof catalog !== 'object' || catalog === null) return null
    try {
      // The contents, as JSON: equal catalogs share a key, a changed one gets a new key.
      catalogText = JSON.stringify(catalog)
    } catch {
      return null
    }
  }
  // JSON keeps every string apart (operations may contain any character).
  return JSON.stringify([api, operation, require, catalogText])
}
