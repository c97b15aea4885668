import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseStrictJson, parseStrictJsonExact } from '../../src/lib/strict-json.js'

describe('parseStrictJson', () => {
  it('reads what JSON.stringify writes exactly as JSON.parse does (2,000 values)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const text = JSON.stringify(value)
        const parsed = parseStrictJson(text)
        return (
          parsed.ok &&
          parsed.duplicates.length === 0 &&
          JSON.stringify(parsed.value) === JSON.stringify(JSON.parse(text))
        )
      }),
      { numRuns: 2_000 },
    )
  })

  it('accepts only what JSON.parse accepts, and then agrees with it (5,000 strings)', () => {
    const jsonish = fc
      .array(
        fc.constantFrom(
          ...'{}[]",:0123456789-+.eEtruefalsn \\/u\n\t'.split(''),
          '"a"',
          '"\\u0041"',
          'true',
          'null',
          '1e400',
          '-0',
        ),
        { maxLength: 30 },
      )
      .map((c) => c.join(''))
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.string()), (text) => {
        let reference: { ok: true; value: unknown } | { ok: false }
        try {
          reference = { ok: true, value: JSON.parse(text) }
        } catch {
          reference = { ok: false }
        }
        const parsed = parseStrictJson(text)
        if (parsed.ok !== reference.ok) return false
        return (
          !parsed.ok ||
          !reference.ok ||
          parsed.duplicates.length > 0 ||
          JSON.stringify(parsed.value) === JSON.stringify(reference.value)
        )
      }),
      { numRuns: 5_000 },
    )
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

/** Value, prototypes and member order, so that "the same result" means the same objects, not just the same JSON. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return ['array', value.map(shape)]
  if (typeof value === 'object' && value !== null)
    return [
      'object',
      Object.getPrototypeOf(value) === null,
      Object.keys(value).map((k) => [k, shape((value as Record<string, unknown>)[k])]),
    ]
  return Object.is(value, -0) ? '-0' : value
}

function sameAsExact(text: string): boolean {
  const fast = parseStrictJson(text)
  const exact = parseStrictJsonExact(text)
  if (fast.ok !== exact.ok) return false
  if (!fast.ok || !exact.ok) return JSON.stringify(fast) === JSON.stringify(exact)
  return (
    JSON.stringify(fast.duplicates) === JSON.stringify(exact.duplicates) &&
    JSON.stringify(shape(fast.value)) === JSON.stringify(shape(exact.value))
  )
}

describe('parseStrictJson fast path (JSON.parse + proof) against the character-by-character parser', () => {
  const key = fc.constantFrom(
    'a',
    'b',
    'aud',
    'iss',
    '__proto__',
    'constructor',
    '1',
    '0',
    'x:y',
    ':',
    'é',
    '"q"',
  )
  const member = fc.tuple(key, fc.jsonValue({ maxDepth: 3 }))
  /** Objects written by hand from member lists, so keys repeat (duplicates) as often as not. */
  const objectText = fc
    .array(member, { maxLength: 6 })
    .map((ms) => `{${ms.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`)
  const nested = fc
    .tuple(objectText, objectText, key)
    .map(([outer, inner, k]) =>
      outer === '{}'
        ? `{${JSON.stringify(k)}:${inner}}`
        : `${outer.slice(0, -1)},${JSON.stringify(k)}:[${inner},${inner}]}`,
    )

  it('agrees on JSON.stringify output, hand-written objects with and without duplicates, and nested ones (6,000 texts)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
          objectText,
          nested,
        ),
        sameAsExact,
      ),
      { numRuns: 6_000 },
    )
  })

  it('agrees on whitespace, escapes and near-JSON (5,000 texts)', () => {
    const piece = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      '"a"',
      '"a:b"',
      '"\\u0061"',
      '"\\\\"',
      ':',
      ',',
      ' ',
      '\n',
      '1',
      '-0',
      '1e400',
      'true',
      'null',
      '"x"',
      '"é"',
    )
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 25 }).map((p) => p.join('')),
        sameAsExact,
      ),
      { numRuns: 5_000 },
    )
  })

  it('agrees around the nesting cap and on duplicates the colon count must see', () => {
    for (const depth of [62, 63, 64, 65, 66]) {
      for (const inner of ['', '1', '{}', '{"a":1}']) {
        expect(sameAsExact(`${'['.repeat(depth)}${inner}${']'.repeat(depth)}`), `${depth} ${inner}`).toBe(
          true,
        )
        expect(
          sameAsExact(`${'{"a":'.repeat(depth)}${inner || '0'}${'}'.repeat(depth)}`),
          `${depth} ${inner}`,
        ).toBe(true)
      }
    }
    for (const text of [
      '{"a":1,"a":2}',
      '{"a":"x:y","a":"z"}',
      '{"a:b":1,"a:b":1}',
      '{"a":{"b":1,"b":1}}',
      '[{"a":1},{"a":1,"a":1}]',
      '{"a" :1,"a":2}',
      '{"__proto__":1,"__proto__":2}',
      '{"a":1 , "b":"c:d:e"}',
    ]) {
      expect(sameAsExact(text), text).toBe(true)
    }
    expect(parseStrictJson('{"a" :1,"a":2}')).toMatchObject({ ok: true, duplicates: ['a'] })
  })
})
