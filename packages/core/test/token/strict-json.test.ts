import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseStrictJson } from '../../src/token/strict-json.js'

describe('parseStrictJson', () => {
  it('reads what JSON.stringify writes exactly as JSON.parse does (2,000 values)', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
      const text = JSON.stringify(value)
      const parsed = parseStrictJson(text)
      return parsed.ok && parsed.duplicates.length === 0 && JSON.stringify(parsed.value) === JSON.stringify(JSON.parse(text))
    }), { numRuns: 2_000 })
  })

  it('accepts only what JSON.parse accepts, and then agrees with it (5,000 strings)', () => {
    const jsonish = fc.array(fc.constantFrom(...'{}[]",:0123456789-+.eEtruefalsn \\/u\n\t'.split(''), '"a"', '"\\u0041"', 'true', 'null', '1e400', '-0'), { maxLength: 30 }).map((c) => c.join(''))
    fc.assert(fc.property(fc.oneof(jsonish, fc.string()), (text) => {
      let reference: { ok: true; value: unknown } | { ok: false }
      try {
        reference = { ok: true, value: JSON.parse(text) }
      } catch {
        reference = { ok: false }
      }
      const parsed = parseStrictJson(text)
      if (parsed.ok !== reference.ok) return false
      return !parsed.ok || !reference.ok || parsed.duplicates.length > 0 || JSON.stringify(parsed.value) === JSON.stringify(reference.value)
    }), { numRuns: 5_000 })
  })

  it('reports every duplicate with its path', () => {
    const r = parseStrictJson('{"a":1,"a":2,"b":{"c":1,"c":2},"d":[{"e":1,"e":1}]}')
    expect(r.ok && r.duplicates).toEqual(['a', 'b.c', 'd[0].e'])
  })

  it('caps nesting instead of exhausting the stack', () => {
    expect(parseStrictJson('['.repeat(100_000)).ok).toBe(false)
    expect(parseStrictJson(`${'['.repeat(60)}${']'.repeat(60)}`).ok).toBe(true)
  })

  it('builds objects without a prototype, so __proto__ is data', () => {
    const r = parseStrictJson('{"__proto__":{"x":1}}')
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(Object.getPrototypeOf(r.value)).toBeNull()
      expect(Object.hasOwn(r.value as object, '__proto__')).toBe(true)
    }
  })
})
