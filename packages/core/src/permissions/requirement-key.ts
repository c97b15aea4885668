/**
 * A string that identifies what a requirement asks (api, operation, require, and the catalog by identity), for the
 * memos that resolve a requirement once instead of once per token. Null when a member has an unexpected type: such
 * requirements are never memoized, so the checks that refuse them (TypeError) run every time.
 */
const catalogIds = new WeakMap<object, number>()
let nextCatalogId = 1

function part(value: string): string {
  // Length-prefixed, so no value can forge a separator (operations may contain any character).
  return `${value.length}:${value}`
}

function own(obj: object, name: string): unknown {
  return Object.hasOwn(obj, name) ? (obj as Record<string, unknown>)[name] : undefined
}

export function requirementKey(requirement: unknown): string | null {
  if (typeof requirement !== 'object' || requirement === null || Array.isArray(requirement)) return null
  const api = own(requirement, 'api')
  const operation = own(requirement, 'operation')
  const require = own(requirement, 'require')
  const catalog = own(requirement, 'catalog')
  let key = ''
  if (api === undefined) key += '-'
  else if (typeof api === 'string') key += part(api)
  else return null
  if (operation === undefined) key += '-'
  else if (typeof operation === 'string') key += part(operation)
  else return null
  if (require === undefined) key += '-'
  else if (Array.isArray(require)) {
    key += `[${require.length}`
    for (const name of require as unknown[]) {
      if (typeof name !== 'string') return null
      key += part(name)
    }
  } else return null
  if (catalog === undefined) key += '-'
  else if (typeof catalog === 'object' && catalog !== null) {
    let id = catalogIds.get(catalog)
    if (id === undefined) {
      id = nextCatalogId++
      catalogIds.set(catalog, id)
    }
    key += `#${id}`
  } else return null
  return key
}
