const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const LOOKUP = new Int16Array(128).fill(-1)
for (let k = 0; k < ALPHABET.length; k++) LOOKUP[ALPHABET.charCodeAt(k)] = k

export type Base64UrlResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string }
export type Base64UrlTextResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'base64url'; error: string }
  | { ok: false; reason: 'utf-8' }

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const OUTSIDE_ALPHABET = /[^A-Za-z0-9_-]/
/** atob's output holds one character per byte (0-255): these are the bytes UTF-8 treats as more than ASCII. */
const NON_ASCII = /[\x80-\xff]/

/**
 * Why a segment is not strict, canonical base64url (RFC 7515 §2: the URL-safe alphabet, no padding, no whitespace,
 * zero bits after the last byte), or null when it is. Lenient decoders accept several encodings of the same bytes;
 * a verifier must not.
 */
export function base64UrlRefusal(segment: string): string | null {
  const rest = segment.length % 4
  if (rest === 1) return 'its length is impossible for base64url'
  const bad = OUTSIDE_ALPHABET.exec(segment)
  if (bad !== null) {
    const ch = bad[0]
    const shown = /\s/.test(ch)
      ? 'whitespace'
      : ch === '='
        ? "padding '='"
        : ch === '+' || ch === '/'
          ? `'${ch}' (standard base64, not base64url)`
          : `'${ch}'`
    return `it contains ${shown} at position ${bad.index}`
  }
  // 2 characters of a last group carry 1 byte (4 spare bits), 3 carry 2 bytes (2 spare bits).
  const last = rest === 0 ? 0 : (LOOKUP[segment.charCodeAt(segment.length - 1)] as number)
  return (rest === 2 ? last & 0x0f : rest === 3 ? last & 0x03 : 0) === 0
    ? null
    : 'it is not canonical (non-zero trailing bits)'
}

/** A canonical segment's bytes, one character per byte, by the platform's atob (standard alphabet, no padding needed). */
function binaryOf(segment: string): string {
  // Most segments need one translation or none: each replaceAll copies the whole segment.
  const plus = segment.includes('-') ? segment.replaceAll('-', '+') : segment
  return atob(plus.includes('_') ? plus.replaceAll('_', '/') : plus)
}

function binaryToBytes(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length)
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k)
  return bytes
}

/** Strict base64url bytes. */
export function decodeBase64Url(segment: string): Base64UrlResult {
  const error = base64UrlRefusal(segment)
  return error === null ? { ok: true, bytes: binaryToBytes(binaryOf(segment)) } : { ok: false, error }
}

/** Strict base64url of UTF-8 text (fatal: invalid UTF-8 is an error; a BOM is kept). */
export function decodeBase64UrlText(segment: string): Base64UrlTextResult {
  const error = base64UrlRefusal(segment)
  if (error !== null) return { ok: false, reason: 'base64url', error }
  const binary = binaryOf(segment)
  // ASCII bytes are their own UTF-8 decoding.
  if (!NON_ASCII.test(binary)) return { ok: true, text: binary }
  try {
    return { ok: true, text: utf8.decode(binaryToBytes(binary)) }
  } catch {
    return { ok: false, reason: 'utf-8' }
  }
}

export function encodeBase64Url(bytes: Uint8Array): string {
  let out = ''
  let k = 0
  for (; k + 2 < bytes.length; k += 3) {
    const n = ((bytes[k] as number) << 16) | ((bytes[k + 1] as number) << 8) | (bytes[k + 2] as number)
    out +=
      ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!
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
