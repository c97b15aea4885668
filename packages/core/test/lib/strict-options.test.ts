import { describe, expect, it } from 'vitest'
import { assertKnownKeys, closestName } from '../../src/lib/strict-options.js'

describe('assertKnownKeys', () => {
  const valid = ['requirement', 'catalog', 'clientApps', 'tenants']
  it('accepts known keys and an empty object', () => {
    expect(() => assertKnownKeys('x', { requirement: {}, tenants: 'any' }, valid)).not.toThrow()
    expect(() => assertKnownKeys('x', {}, valid)).not.toThrow()
  })
  it('names the unknown key and the closest valid one', () => {
    expect(() => assertKnownKeys('entraAuth', { requirment: {} }, valid)).toThrow(
      /entraAuth: unknown option 'requirment' — did you mean 'requirement'\?/,
    )
    expect(() => assertKnownKeys('createVerifier', { clientApp: [] }, valid)).toThrow(
      /did you mean 'clientApps'/,
    )
  })
  it('gives no suggestion when nothing is close', () => {
    expect(() => assertKnownKeys('x', { zzzzzzzz: 1 }, valid)).toThrow(/^x: unknown option 'zzzzzzzz'$/)
  })
  it('refuses objects built anywhere: JSON, spread, null prototypes', () => {
    expect(() => assertKnownKeys('x', JSON.parse('{"catlog":1}'), valid)).toThrow(TypeError)
    const bare = Object.assign(Object.create(null) as object, { tenant: 'a' })
    expect(() => assertKnownKeys('x', bare, valid)).toThrow(/did you mean 'tenants'/)
  })
  it('refuses non-objects', () => {
    for (const v of [null, undefined, 1, 'a', []])
      expect(() => assertKnownKeys('x', v, valid)).toThrow(TypeError)
  })
  it('escapes control characters in the key it names', () => {
    expect(() => assertKnownKeys('x', { '\u001b]0;t\u0007': 1 }, valid)).toThrow(/\\u001b/)
  })
  it('suggests case-insensitively', () => {
    expect(closestName('ClientApps', valid)).toBe('clientApps')
  })
})
