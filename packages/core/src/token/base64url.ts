const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const LOOKUP = new Int16Array(128).fill(-1)
for (let k = 0; k < ALPHABET.length; k++) LOOKUP[ALPHABET.charCodeAt(k)] = k

export type Base64UrlResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string }
export type Base64UrlTextResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'base64url'; error: string }
  | { ok: false; reason: 'utf-8' }

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const ALPHABET_ONLY = /^[A-Za-z0-9_-]*$/
/** atob's output holds one character per byte (0-255): these are the bytes UTF-8 treats as more than ASCII. */
const NON_ASCII = /[\x80-\xff]/

/** Whether the segment is canonical base64url: only the alphabet, a possible length, zero bits after the last byte. */
function isCanonical(segment: string): boolean {
  const rest = segment.length % 4
  if (rest === 1 || !ALPHABET_ONLY.test(segment)) return false
  if (rest === 0) return true
  const last = LOOKUP[segment.charCodeAt(segment.length - 1)] as number
  // 2 characters carry 1 byte (4 spare bits), 3 carry 2 bytes (2 spare bits).
  return (rest === 2 ? last & 0x0f : last & 0x03) === 0
}

/**
 * The fast path: a canonical segment decoded by the platform's atob (in the standard alphabet, which it reads
 * without padding). Null for anything else: the exact decoder below then decides and says why.
 */
function decodeBinary(segment: string): string | null {
  if (!isCanonical(segment)) return null
  return atob(segment.replaceAll('-', '+').replaceAll('_', '/'))
}

function binaryToBytes(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length)
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k)
  return bytes
}

/** Strict base64url (as decodeBase64Url) of UTF-8 text (fatal: invalid UTF-8 is an error; a BOM is kept). */
export function decodeBase64UrlText(segment: string): Base64UrlTextResult {
  const binary = decodeBinary(segment)
  let bytes: Uint8Array
  if (binary !== null) {
    // ASCII bytes are their own UTF-8 decoding.
    if (!NON_ASCII.test(binary)) return { ok: true, text: binary }
    bytes = binaryToBytes(binary)
  } else {
    const exact = decodeBase64UrlExact(segment)
    if (!exact.ok) return { ok: false, reason: 'base64url', error: exact.error }
    bytes = exact.bytes
  }
  try {
    return { ok: true, text: utf8.decode(bytes) }
  } catch {
    return { ok: false, reason: 'utf-8' }
  }
}

/**
 * Whether a segment is canonical base64url, without decoding it (the signature: jose reads it itself). Refusals come
 * from the exact decoder, with why.
 */
export function checkBase64Url(segment: string): { ok: true } | { ok: false; error: string } {
  if (isCanonical(segment)) return { ok: true }
  const exact = decodeBase64UrlExact(segment)
  return exact.ok ? { ok: true } : exact
}

/**
 * Strict, canonical base64url (RFC 7515 §2): the URL-safe alphabet, no padding, no whitespace, and zero
 * trailing bits. Lenient decoders accept several encodings of the same bytes; a verifier must not.
 */
export function decodeBase64Url(segment: string): Base64UrlResult {
  const binary = decodeBinary(segment)
  return binary !== null ? { ok: true, bytes: binaryToBytes(binary) } : decodeBase64UrlExact(segment)
}

/** The reference decoder: character by character, with the reason for any refusal. */
export function decodeBase64UrlExact(segment: string): Base64UrlResult {
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
