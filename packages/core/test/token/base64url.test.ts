import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { base64UrlRefusal, decodeBase64Url, decodeBase64UrlText, encodeBase64Url, type Base64UrlResult } from '../../src/token/base64url.js'

/** The character-by-character decoder core used before atob (commit 9836ce2): the reference for bytes and messages. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const LOOKUP = new Int16Array(128).fill(-1)
for (let k = 0; k < ALPHABET.length; k++) LOOKUP[ALPHABET.charCodeAt(k)] = k
function decodeBase64UrlExact(segment: string): Base64UrlResult {
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


describe('strict base64url', () => {
  it('round-trips any bytes and agrees with Node (3,000 byte arrays)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const encoded = encodeBase64Url(bytes)
      if (encoded !== Buffer.from(bytes).toString('base64url')) return false
      const decoded = decodeBase64Url(encoded)
      return decoded.ok && Buffer.from(decoded.bytes).equals(Buffer.from(bytes))
    }), { numRuns: 3_000 })
  })

  it('accepts a string exactly when it is the canonical encoding of its bytes (3,000 strings)', () => {
    const alphabet = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ '.split(''))
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }).map((c) => c.join('')), (s) => {
      const canonical = /^[A-Za-z0-9_-]*$/.test(s) && Buffer.from(s, 'base64url').toString('base64url') === s
      return decodeBase64Url(s).ok === canonical
    }), { numRuns: 3_000 })
  })

  it.each([
    ['padding', 'e30='],
    ['non-zero trailing bits', 'e31'],
    ['standard alphabet', 'ab+/'],
    ['whitespace', 'e3 0'],
    ['an impossible length', 'abcde'],
  ])('rejects %s', (_, s) => {
    expect(decodeBase64Url(s).ok).toBe(false)
  })
})

describe('base64url (refusal reasons + atob) against the character-by-character decoder', () => {
  const alphabet = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ \n.é'.split(''))
  const text = fc.oneof(fc.array(alphabet, { maxLength: 40 }).map((c) => c.join('')), fc.uint8Array({ maxLength: 60 }).map((b) => Buffer.from(b).toString('base64url')))

  it('returns the same bytes or the same refusal (5,000 strings)', () => {
    fc.assert(fc.property(text, (s) => JSON.stringify(decodeBase64Url(s), (_, v: unknown) => v instanceof Uint8Array ? [...v] : v) === JSON.stringify(decodeBase64UrlExact(s), (_, v: unknown) => v instanceof Uint8Array ? [...v] : v)), { numRuns: 5_000 })
  })

  it('decodes text as strict base64url then fatal UTF-8 (5,000 byte strings, ASCII and not)', () => {
    const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => new TextEncoder().encode(s))), (bytes) => {
      const encoded = Buffer.from(bytes).toString('base64url')
      let expected: unknown
      try {
        expected = { ok: true, text: utf8.decode(bytes) }
      } catch {
        expected = { ok: false, reason: 'utf-8' }
      }
      return JSON.stringify(decodeBase64UrlText(encoded)) === JSON.stringify(expected)
    }), { numRuns: 5_000 })
    expect(decodeBase64UrlText('e30=')).toMatchObject({ ok: false, reason: 'base64url', error: decodeBase64UrlExact('e30=').ok ? '' : (decodeBase64UrlExact('e30=') as { error: string }).error })
    expect(base64UrlRefusal('e31')).not.toBeNull()
    expect(base64UrlRefusal('e30')).toBeNull()
  })
})

describe('base64UrlRefusal', () => {
  it('accepts exactly what the exact decoder accepts (5,000 strings)', () => {
    const alphabet = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ \n'.split(''))
    fc.assert(fc.property(fc.oneof(fc.array(alphabet, { maxLength: 12 }).map((c) => c.join('')), fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('base64url'))), (s) => {
      const exact = decodeBase64UrlExact(s)
      return base64UrlRefusal(s) === (exact.ok ? null : exact.error)
    }), { numRuns: 5_000 })
  })
})
