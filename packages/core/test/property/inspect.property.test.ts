import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inspectToken, type Report } from '../../src/index.js'
import { NOW, v1AppOnlyToken, v1DelegatedToken, v2DelegatedToken } from '../fixtures/tokens.js'
import { oracleDecode, oracleNormalize } from './oracle.js'

/** Per CI run (the issue asks for at least 10,000 of each). */
export const ARBITRARY_STRING_RUNS = 10_000
export const MUTATION_RUNS = 10_000

const STRUCTURE_CODES: ReadonlySet<string> = new Set([
  'token-malformed',
  'token-encrypted',
  'token-opaque',
  'token-unsigned',
  'token-oversized',
  'duplicate-member',
  'header-crit-unsupported',
])

function fail(raw: string, why: string): never {
  throw new Error(`${why} for input ${JSON.stringify(raw.length > 400 ? `${raw.slice(0, 400)}…` : raw)}`)
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * The properties every input must satisfy. Plain checks rather than expect(): they run tens of thousands of
 * times, and fast-check reports the shrunk counterexample with the message.
 */
function checkInvariants(raw: string): void {
  let report: Report
  try {
    report = inspectToken(raw, { now: NOW })
  } catch (err) {
    fail(raw, `inspectToken threw ${String(err)}`)
  }
  const oracle = oracleDecode(oracleNormalize(raw))
  if (oracle === null) {
    // Malformed (per an independent decoder): never ok, and a structural finding says why.
    if (report.ok) fail(raw, 'ok for a malformed token')
    if (!report.findings.some((f) => STRUCTURE_CODES.has(f.code)))
      fail(raw, 'no structural finding for a malformed token')
  }
  // Everything a strict standard decoder reads, the library reads too (and then judges it).
  if (oracle !== null && report.token === null) fail(raw, 'a well-formed token was not decoded')
  if (report.ok) {
    if (oracle === null || report.token === null) fail(raw, 'ok without a decodable token')
    // What the library decoded is what JSON.parse reads: no parser differential on an accepted token.
    if (!sameJson(report.token.payload, oracle.payload) || !sameJson(report.token.header, oracle.header))
      fail(raw, 'decoded claims differ from JSON.parse')
  }
  if (report.token === null && report.ok) fail(raw, 'ok with token null')
  JSON.stringify(report)
}

const BASES = [v1AppOnlyToken(), v1DelegatedToken(), v2DelegatedToken()]

const INTERESTING = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  '.',
  '=',
  '+',
  '/',
  ' ',
  '\n',
  '\r',
  '\t',
  '"',
  "'",
  '{',
  '}',
  'é',
  '\u0000',
  '\uFEFF',
  '\ud800',
  '\u00a0',
  '\u2028',
]
const char = fc.oneof(
  fc.constantFrom(...INTERESTING),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
)

type Mutation = (s: string) => string

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), char).map(([i, c]): Mutation => (s) => {
    const k = i % (s.length + 1)
    return s.slice(0, k) + c + s.slice(k + 1)
  }),
  fc.tuple(fc.nat(), char).map(([i, c]): Mutation => (s) => {
    const k = i % (s.length + 1)
    return s.slice(0, k) + c + s.slice(k)
  }),
  fc.nat().map((i): Mutation => (s) => {
    const k = i % Math.max(1, s.length)
    return s.slice(0, k) + s.slice(k + 1)
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 64 })).map(([i, n]): Mutation => (s) => {
    const k = i % Math.max(1, s.length)
    return s.slice(0, k) + s.slice(k + n)
  }),
  fc.nat().map(
    (i): Mutation =>
      (s) =>
        s.slice(0, i % Math.max(1, s.length)),
  ),
  fc.nat().map((i): Mutation => (s) => {
    const k = i % Math.max(1, s.length)
    const c = s[k] ?? ''
    const f = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()
    return s.slice(0, k) + f + s.slice(k + 1)
  }),
  fc.tuple(fc.nat(2), fc.nat(2)).map(([a, b]): Mutation => (s) => {
    const p = s.split('.')
    const t = p[a] ?? ''
    p[a] = p[b] ?? ''
    p[b] = t
    return p.join('.')
  }),
  fc.nat(2).map((a): Mutation => (s) => {
    const p = s.split('.')
    p[a] = ''
    return p.join('.')
  }),
  fc.nat(2).map((a): Mutation => (s) => {
    const p = s.split('.')
    p.splice(a, 0, p[a] ?? '')
    return p.join('.')
  }),
  fc.constantFrom<Mutation>(
    (s) => `${s}.`,
    (s) => `.${s}`,
    (s) => `${s}=`,
    (s) => `${s}==`,
    (s) => `"${s}`,
    (s) => `Bearer${s}`,
    (s) => s.replace('.', '..'),
    (s) => `${s}.${s.split('.')[2] ?? ''}.x`,
  ),
)

const mutatedToken = fc
  .tuple(fc.constantFrom(...BASES), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([base, ops]) => ({ base, mutated: ops.reduce((s, op) => op(s), base) }))
  // A mutation that gives back the valid token byte for byte is not a mutation.
  .filter(({ base, mutated }) => mutated !== base)

// Generous per-test time limits: the runs take a few seconds, far more on a loaded CI machine.
describe('inspectToken properties', { timeout: 60_000 }, () => {
  it('the unmutated bases are ok (so mutations start from a token that passes)', () => {
    for (const base of BASES) expect(inspectToken(base, { now: NOW }).ok).toBe(true)
  })

  it(`never throws and never reports ok for malformed input: ${ARBITRARY_STRING_RUNS} arbitrary strings`, () => {
    const jwtish = fc
      .array(fc.constantFrom(...INTERESTING.slice(0, 70)), { maxLength: 200 })
      .map((cs) => cs.join(''))
    const arbitrary = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      jwtish,
      fc.tuple(jwtish, jwtish, jwtish).map((p) => p.join('.')),
    )
    fc.assert(
      fc.property(arbitrary, (raw) => {
        checkInvariants(raw)
      }),
      { numRuns: ARBITRARY_STRING_RUNS },
    )
  })

  it(`never throws and never reports ok for a malformed token: ${MUTATION_RUNS} mutations of valid tokens`, () => {
    let malformed = 0
    fc.assert(
      fc.property(mutatedToken, ({ mutated }) => {
        checkInvariants(mutated)
        if (oracleDecode(oracleNormalize(mutated)) === null) malformed++
      }),
      { numRuns: MUTATION_RUNS },
    )
    // The mutations must mostly break the structure, or the property proves little.
    expect(malformed).toBeGreaterThan(MUTATION_RUNS / 2)
  })

  it('never throws on well-formed tokens carrying arbitrary JSON: 2,000 header/payload pairs', () => {
    const segment = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
    const json = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.dictionary(
        fc.constantFrom(
          'aud',
          'iss',
          'tid',
          'exp',
          'nbf',
          'iat',
          'roles',
          'scp',
          'ver',
          'idtyp',
          'oid',
          'sub',
          'appid',
          'azp',
          'nonce',
          '__proto__',
          'constructor',
          'alg',
          'kid',
          'jku',
        ),
        fc.jsonValue({ maxDepth: 3 }),
      ),
    )
    fc.assert(
      fc.property(json, json, (h, p) => {
        checkInvariants(`${segment(h)}.${segment(p)}.c2lnbmF0dXJl`)
      }),
      { numRuns: 2_000 },
    )
  })

  it('always sees a duplicated claim: 1,000 claim sets with one member repeated', () => {
    const claims = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), {
      minKeys: 1,
      maxKeys: 10,
    })
    fc.assert(
      fc.property(claims, fc.nat(), fc.jsonValue({ maxDepth: 2 }), (obj, pick, extra) => {
        const keys = Object.keys(obj)
        const dup = keys[pick % keys.length] as string
        const json = `{${JSON.stringify(dup)}:${JSON.stringify(extra)},${JSON.stringify(obj).slice(1)}`
        const raw = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(json).toString('base64url')}.c2ln`
        const report = inspectToken(raw, { now: NOW })
        expect(report.findings.map((f) => f.code)).toContain('duplicate-member')
        expect(report.ok).toBe(false)
      }),
      { numRuns: 1_000 },
    )
  })
})
