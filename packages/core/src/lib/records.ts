/** Plain objects from untrusted input (user catalogs, requirement options): arrays and null are not records. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * The one own-property read, for records from outside and for JSON objects alike: inherited names (`__proto__`,
 * `constructor`, `toString`) never count as data or as claims.
 */
export function own<T>(obj: { readonly [key: string]: T }, key: string): T | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined
}

/** The JSON object a text holds, or null (not JSON, or JSON but not an object): for error bodies and answers. */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text)
    return isRecord(value) ? value : null
  } catch {
    return null
  }
}
