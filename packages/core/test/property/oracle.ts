/**
 * An independent opinion on whether input is a well-formed compact JWS, written with Node's own base64url
 * and JSON.parse rather than the library's decoder, so the property tests compare two implementations.
 */

const PREFIXES = [/^authorization\s*:\s*/i, /^bearer\s+/i]

export function oracleNormalize(input: string): string {
  let s = input.trim()
  for (;;) {
    const before = s
    if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) s = s.slice(1, -1).trim()
    for (const p of PREFIXES) s = s.replace(p, '')
    s = s.trim()
    if (s === before) return s
  }
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function jsonObject(segment: string): Record<string, unknown> | null {
  const bytes = Buffer.from(segment, 'base64url')
  if (bytes.toString('base64url') !== segment) return null
  let text: string
  try {
    text = fatalUtf8.decode(bytes)
  } catch {
    return null
  }
  if (text.startsWith('\uFEFF')) return null
  try {
    const v: unknown = JSON.parse(text)
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}

export interface OracleToken {
  header: Record<string, unknown>
  payload: Record<string, unknown>
}

/** The decoded token when `compact` is a strict, signed (non-empty signature, alg not none) compact JWS; else null. */
export function oracleDecode(compact: string): OracleToken | null {
  if (compact.length > 256_000) return null
  const parts = compact.split('.')
  if (parts.length !== 3) return null
  if (!parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p))) return null
  const [h, p, s] = parts as [string, string, string]
  if (Buffer.from(s, 'base64url').toString('base64url') !== s) return null
  const header = jsonObject(h)
  const payload = jsonObject(p)
  if (header === null || payload === null) return null
  const alg = Object.hasOwn(header, 'alg') ? header.alg : undefined
  if (typeof alg !== 'string' || alg === '' || alg.toLowerCase() === 'none') return null
  return { header, payload }
}
