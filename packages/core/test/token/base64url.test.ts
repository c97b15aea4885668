import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBase64Url, encodeBase64Url } from '../../src/token/base64url.js'

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
