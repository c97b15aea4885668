import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  base64UrlRefusal,
  decodeBase64Url,
  decodeBase64UrlText,
  encodeBase64Url,
} from '../../src/lib/base64url.js'

// RFC 7515 §2 and the canonical-encoding rule of security.md, as a specification: a segment is accepted exactly
// when it uses the URL-safe alphabet without padding and re-encodes to itself; its bytes are what Node decodes.
const canonical = (s: string): boolean =>
  /^[A-Za-z0-9_-]*$/.test(s) && s.length % 4 !== 1 && Buffer.from(s, 'base64url').toString('base64url') === s
const firstOutside = (s: string): number => s.search(/[^A-Za-z0-9_-]/)

describe('strict base64url', () => {
  it('round-trips any bytes and agrees with Node (3,000 byte arrays)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = encodeBase64Url(bytes)
        if (encoded !== Buffer.from(bytes).toString('base64url')) return false
        const decoded = decodeBase64Url(encoded)
        return decoded.ok && Buffer.from(decoded.bytes).equals(Buffer.from(bytes))
      }),
      { numRuns: 3_000 },
    )
  })

  it('accepts a string exactly when it is the canonical encoding of its bytes (3,000 strings)', () => {
    const alphabet = fc.constantFrom(
      ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ '.split(''),
    )
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((c) => c.join('')),
        (s) => {
          const canonical =
            /^[A-Za-z0-9_-]*$/.test(s) && Buffer.from(s, 'base64url').toString('base64url') === s
          return decodeBase64Url(s).ok === canonical
        },
      ),
      { numRuns: 3_000 },
    )
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

describe('base64url refusals, by specification', () => {
  const alphabet = fc.constantFrom(
    ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ \n.é'.split(''),
  )
  const text = fc.oneof(
    fc.array(alphabet, { maxLength: 40 }).map((c) => c.join('')),
    fc.uint8Array({ maxLength: 60 }).map((b) => Buffer.from(b).toString('base64url')),
  )

  it('accepts exactly the canonical segments, with the bytes Node decodes (5,000 strings)', () => {
    fc.assert(
      fc.property(text, (s) => {
        const ours = decodeBase64Url(s)
        if (!canonical(s)) return !ours.ok && base64UrlRefusal(s) !== null
        return (
          ours.ok &&
          Buffer.from(ours.bytes).equals(Buffer.from(s, 'base64url')) &&
          base64UrlRefusal(s) === null
        )
      }),
      { numRuns: 5_000 },
    )
  })

  it('names the first character outside the alphabet and where it is (5,000 strings)', () => {
    fc.assert(
      fc.property(text, (s) => {
        const at = firstOutside(s)
        const refusal = base64UrlRefusal(s)
        if (s.length % 4 === 1) return refusal === 'its length is impossible for base64url'
        if (at < 0) return true
        return refusal !== null && refusal.endsWith(`at position ${at}`)
      }),
      { numRuns: 5_000 },
    )
  })

  it.each([
    ['e30=', "it contains padding '=' at position 3"],
    ['ab+/', "it contains '+' (standard base64, not base64url) at position 2"],
    ['e3 0', 'it contains whitespace at position 2'],
    ['e31', 'it is not canonical (non-zero trailing bits)'],
    ['abcde', 'its length is impossible for base64url'],
  ])('explains %j', (s, reason) => {
    expect(base64UrlRefusal(s)).toBe(reason)
  })

  it('decodes text as strict base64url then fatal UTF-8 (5,000 byte strings, ASCII and not)', () => {
    const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 60 }),
          fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => new TextEncoder().encode(s)),
        ),
        (bytes) => {
          const encoded = Buffer.from(bytes).toString('base64url')
          let expected: unknown
          try {
            expected = { ok: true, text: utf8.decode(bytes) }
          } catch {
            expected = { ok: false, reason: 'utf-8' }
          }
          return JSON.stringify(decodeBase64UrlText(encoded)) === JSON.stringify(expected)
        },
      ),
      { numRuns: 5_000 },
    )
    expect(decodeBase64UrlText('e30=')).toMatchObject({
      ok: false,
      reason: 'base64url',
      error: "it contains padding '=' at position 3",
    })
  })
})
