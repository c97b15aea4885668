/** Plain objects from untrusted input (user catalogs, requirement options): arrays and null are not records. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Own-property read, so inherited names (`__proto__`, `constructor`) never count as data. */
export function own(obj: Record<string, unknown>, key: string): unknown {
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
