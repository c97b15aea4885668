/**
 * Freezes a plain data value and everything reachable from it, so a catalog handed out (or taken in) cannot change
 * under a decision that was made from it. Returns the same value.
 */
export function deepFreeze<T>(value: T, seen: Set<object> = new Set()): T {
  if (typeof value !== 'object' || value === null || seen.has(value)) return value
  seen.add(value)
  Object.freeze(value)
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen)
  return value
}
