/** Property: no mutation of a valid signed token verifies unless its canonical form is byte-identical to the original. */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createVerifier, type Verifier } from '../../src/index.js'
import { normalizeInput } from '../../src/token/normalize.js'
import { MDE, NOW, TENANT, entraClaims, entraHeader, makeKey, signCompact } from './fixtures/entra.js'

const RUNS = 10_000
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.= +/\n'.split('')
let verifier: Verifier
let tokens: string[]

beforeAll(() => {
  const key = makeKey('k1')
  verifier = createVerifier({ audience: MDE, tenants: [TENANT], jwks: { keys: [key.jwk] }, now: NOW })
  tokens = [
    signCompact(entraHeader(key), entraClaims(), key.privateKey),
    signCompact(entraHeader(key), entraClaims({ version: '1.0', kind: 'delegated' }), key.privateKey),
  ]
})

type Mutation = { kind: 'replace' | 'insert' | 'delete'; at: number; ch: string; token: number }

function apply(token: string, m: Mutation): string {
  const at = m.at % (token.length + (m.kind === 'insert' ? 1 : 0))
  if (m.kind === 'replace') return token.slice(0, at) + m.ch + token.slice(at + 1)
  if (m.kind === 'insert') return token.slice(0, at) + m.ch + token.slice(at)
  return token.slice(0, at) + token.slice(at + 1)
}

describe('mutations of valid tokens', () => {
  it('the originals verify', async () => {
    for (const t of tokens) expect((await verifier.verify(t)).ok).toBe(true)
  })

  it(`${RUNS} mutations: none accepted unless byte-identical after normalization`, async () => {
    let accepted = 0
    let identical = 0
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          kind: fc.constantFrom('replace', 'insert', 'delete'),
          at: fc.nat(),
          ch: fc.constantFrom(...ALPHABET),
          token: fc.nat({ max: 1 }),
        }),
        async (m: Mutation) => {
          const original = tokens[m.token] as string
          const mutated = apply(original, m)
          const report = await verifier.verify(mutated)
          if (normalizeInput(mutated).token === original) {
            identical++
            return true
          }
          if (report.ok || report.signature.status === 'valid') accepted++
          return !report.ok && report.signature.status !== 'valid'
        },
      ),
      { numRuns: RUNS, seed: 20261115 },
    )
    console.log(`${RUNS} mutations: ${accepted} accepted, ${identical} canonically identical`)
    expect(accepted).toBe(0)
  }, 60_000)
})
