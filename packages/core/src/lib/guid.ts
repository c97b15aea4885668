const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * A GUID in its usual text form (tenant and application IDs), any case. On a value already known to be a string it
 * answers a plain boolean, so the false branch keeps its string type instead of narrowing to never.
 */
export function isGuid(value: string): boolean
export function isGuid(value: unknown): value is string
export function isGuid(value: unknown): boolean {
  return typeof value === 'string' && GUID.test(value)
}
