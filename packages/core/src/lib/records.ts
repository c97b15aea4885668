/** Plain objects from untrusted input (user catalogs, requirement options): arrays and null are not records. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Own-property read, so inherited names (`__proto__`, `constructor`) never count as data. */
export function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined
}
