/**
 * Numbers standing for catalogs by identity, per verifier (never module-wide). Only catalogs frozen all the way down
 * get one: a caller mutating its catalog object must never be answered from what its old content decided.
 */
export function createCatalogIdentity(): (catalog: object) => number | null {
  const ids = new WeakMap<object, number>()
  let next = 1
  return (catalog) => {
    const known = ids.get(catalog)
    if (known !== undefined) return known
    if (!isDeeplyFrozen(catalog, 0)) return null
    ids.set(catalog, next)
    return next++
  }
}

/** Frozen all the way down (to a sane depth): only then can its identity stand for its content. */
function isDeeplyFrozen(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true
  if (depth > 16 || !Object.isFrozen(value)) return false
  return Object.values(value).every((v) => isDeeplyFrozen(v, depth + 1))
}
