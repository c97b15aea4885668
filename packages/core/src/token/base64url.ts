const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const LOOKUP = new Int16Array(128).fill(-1)
for (let k = 0; k < ALPHABET.length; k++) LOOKUP[ALPHABET.charCodeAt(k)] = k

export type Base64UrlResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string }

/**
 * Strict, canonical base64url (RFC 7515 §2): the URL-safe alphabet, no padding, no whitespace, and zero
 * trailing bits. Lenient decoders accept several encodings of the same bytes; a verifier must not.
 */
export function decodeBase64Url(segment: string): Base64UrlResult {
  if (segment.length % 4 === 1) return { ok: false, error: 'its length is impossible for base64url' }
  const out = new Uint8Array(Math.floor((segment.length * 3) / 4))
  let bits = 0
  let buffer = 0
  let o = 0
  for (let k = 0; k < segment.length; k++) {
    const code = segment.charCodeAt(k)
    const v = code < 128 ? (LOOKUP[code] as number) : -1
    if (v < 0) {
      const ch = segment[k] as string
      const shown = /\s/.test(ch) ? 'whitespace' : ch === '=' ? "padding '='" : ch === '+' || ch === '/' ? `'${ch}' (standard base64, not base64url)` : `'${ch}'`
      return { ok: false, error: `it contains ${shown} at position ${k}` }
    }
    buffer = (buffer << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (buffer >> bits) & 0xff
    }
  }
  if (bits > 0 && (buffer & ((1 << bits) - 1)) !== 0) return { ok: false, error: 'it is not canonical (non-zero trailing bits)' }
  return { ok: true, bytes: out.subarray(0, o) }
}

export function encodeBase64Url(bytes: Uint8Array): string {
  let out = ''
  let k = 0
  for (; k + 2 < bytes.length; k += 3) {
    const n = ((bytes[k] as number) << 16) | ((bytes[k + 1] as number) << 8) | (bytes[k + 2] as number)
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!
  }
  const rest = bytes.length - k
  if (rest === 1) {
    const n = (bytes[k] as number) << 16
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!
  } else if (rest === 2) {
    const n = ((bytes[k] as number) << 16) | ((bytes[k + 1] as number) << 8)
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!
  }
  return out
}
