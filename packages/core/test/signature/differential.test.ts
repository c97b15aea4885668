/**
 * jose stays the reference at the signature step. Given the same signing input, signature and key, our node:crypto
 * and WebCrypto backends answer exactly as jose's compactVerify (RS256 only) does: on every Wycheproof RS256 JWS
 * vector (../shared/vectors, read in place), on the RFC 7520 §4 examples, and on 10,000 mutated tokens per run. For
 * whole tokens we may refuse more than jose (strict base64url and JSON, Entra rules), never less.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { compactVerify, importJWK, type JWK } from 'jose'
import { afterAll, describe, expect, it } from 'vitest'
import { acceptKey, type AcceptedKey } from '../../src/entra/keyset/accept-key.js'
import { decodeToken } from '../../src/token/decode.js'
import { base64UrlRefusal } from '../../src/lib/base64url.js'
import { createRs256Verifier as nodeBackend } from '../../src/token/verify/rs256/node.js'
import { createRs256Verifier as webBackend } from '../../src/token/verify/rs256/webcrypto.js'
import { RFC7520_EXAMPLES, RFC7520_RSA_PUBLIC } from './rfc7520.js'
import { makeKey, signCompact } from '../verify/fixtures/entra.js'

const node = nodeBackend('sync')
const nodePool = nodeBackend('thread-pool')
const web = webBackend()

async function jose(compact: string, jwk: Record<string, unknown>): Promise<boolean> {
  try {
    const key = await importJWK({ kty: 'RSA', n: jwk.n, e: jwk.e } as JWK, 'RS256')
    await compactVerify(compact, key, { algorithms: ['RS256'] })
    return true
  } catch {
    return false
  }
}

/** The signature step as our verifier reaches it: three canonical segments, alg RS256, no crit/b64, an accepted key. */
function structure(compact: string): { signingInput: string; signature: string } | null {
  const parts = compact.split('.')
  if (parts.length !== 3 || parts.some((p) => p.length === 0 || base64UrlRefusal(p) !== null)) return null
  let header: unknown
  try {
    header = JSON.parse(Buffer.from(parts[0] as string, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (typeof header !== 'object' || header === null || (header as { alg?: unknown }).alg !== 'RS256')
    return null
  if (Object.hasOwn(header, 'crit') || Object.hasOwn(header, 'b64')) return null
  return { signingInput: `${parts[0]}.${parts[1]}`, signature: parts[2] as string }
}

const tally = { wycheproof: 0, rfc: 0, mutations: 0, signatureSteps: 0 }
afterAll(() => {
  console.log(
    `differential vs jose: ${tally.wycheproof} Wycheproof RS256 vectors, ${tally.rfc} RFC 7520 examples, ${tally.mutations} mutations (${tally.signatureSteps} reached the signature step); no disagreement`,
  )
})

/** One comparison: every backend's answer equals jose's whenever the signature step is reached; never more lenient. */
async function compare(
  compact: string,
  key: AcceptedKey,
  jwk: Record<string, unknown>,
  label: string,
): Promise<string | null> {
  const reference = await jose(compact, jwk)
  const step = structure(compact)
  if (step === null) return null // we refuse before any cryptography: stricter than or equal to jose
  tally.signatureSteps++
  const answers = [
    node.verify(key, step.signingInput, step.signature),
    await nodePool.verify(key, step.signingInput, step.signature),
    await web.verify(key, step.signingInput, step.signature),
  ]
  return answers.every((a) => a === reference)
    ? null
    : `${label}: jose ${reference}, ours ${answers.join('/')}`
}

const here = dirname(fileURLToPath(import.meta.url))
const vectors = resolve(here, '../../../../../shared/vectors/wycheproof/json_web_signature_test.json')

describe('signature backends agree with jose', () => {
  it.skipIf(!existsSync(vectors))('on every Wycheproof RS256 JWS vector', async () => {
    const groups = (
      JSON.parse(readFileSync(vectors, 'utf8')) as {
        testGroups: { public?: Record<string, unknown>; tests: { tcId: number; jws: unknown }[] }[]
      }
    ).testGroups
    const disagreements: string[] = []
    for (const group of groups) {
      if (group.public?.kty !== 'RSA') continue
      const accepted = acceptKey({ ...group.public, kid: 'k' } as never)
      for (const v of group.tests) {
        if (typeof v.jws !== 'string') continue
        const alg = (() => {
          try {
            return JSON.parse(Buffer.from(v.jws.split('.')[0] ?? '', 'base64url').toString()).alg
          } catch {
            return null
          }
        })()
        if (alg !== 'RS256' && group.public.alg !== 'RS256') continue
        tally.wycheproof++
        if (!accepted.ok) {
          // A key our rules refuse (weak, odd exponent) is never used; jose may still accept it: that is ours being stricter.
          continue
        }
        const d = await compare(v.jws, accepted.key, group.public, `tc ${v.tcId}`)
        if (d !== null) disagreements.push(d)
      }
    }
    expect(disagreements).toEqual([])
    expect(tally.wycheproof).toBeGreaterThanOrEqual(233)
  })

  it('on the RFC 7520 §4 examples: §4.1 verifies; PS384, ES512 and HS256 never do', async () => {
    const key = acceptKey({ ...RFC7520_RSA_PUBLIC })
    if (!key.ok) throw new Error(key.rejected.reason)
    for (const example of RFC7520_EXAMPLES) {
      tally.rfc++
      expect(await jose(example.compact, RFC7520_RSA_PUBLIC), example.section).toBe(example.valid)
      expect(await compare(example.compact, key.key, RFC7520_RSA_PUBLIC, example.section)).toBeNull()
      const parts = example.compact.split('.')
      // Straight to the backend too (skipping our alg rule): only the RS256 example verifies as RS256.
      expect(node.verify(key.key, `${parts[0]}.${parts[1]}`, parts[2] as string), example.section).toBe(
        example.valid,
      )
    }
  })

  it('on 10,000 mutated tokens', async () => {
    const test = makeKey('mut')
    const accepted = acceptKey(test.jwk as never)
    if (!accepted.ok) throw new Error(accepted.rejected.reason)
    const base = signCompact(
      { alg: 'RS256', kid: 'mut', typ: 'JWT' },
      { aud: 'x', exp: 2_000_000_000, sub: 's' },
      test.privateKey,
    )
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'
    const mutation = fc.record({
      kind: fc.constantFrom('flip', 'replace', 'insert', 'delete', 'truncate', 'swap-signature'),
      at: fc.nat(),
      ch: fc.constantFrom(...alphabet.split('')),
      bit: fc.integer({ min: 0, max: 5 }),
    })
    const disagreements: string[] = []
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        tally.mutations++
        const at = m.at % base.length
        const c = base[at] as string
        let mutated: string
        switch (m.kind) {
          case 'flip': {
            const index = alphabet.indexOf(c)
            mutated =
              index < 0 || c === '.'
                ? base
                : base.slice(0, at) + (alphabet[(index ^ (1 << m.bit)) % 64] as string) + base.slice(at + 1)
            break
          }
          case 'replace':
            mutated = base.slice(0, at) + m.ch + base.slice(at + 1)
            break
          case 'insert':
            mutated = base.slice(0, at) + m.ch + base.slice(at)
            break
          case 'delete':
            mutated = base.slice(0, at) + base.slice(at + 1)
            break
          case 'truncate':
            mutated = base.slice(0, at)
            break
          default: {
            const [h, p, s] = base.split('.') as [string, string, string]
            mutated = `${h}.${p}.${s.slice(at % s.length)}${s.slice(0, at % s.length)}`
          }
        }
        const d = await compare(mutated, accepted.key, test.jwk, `${m.kind}@${at}`)
        if (d !== null) disagreements.push(d)
        // The whole-token decoder never lets through what jose refuses at the signature step.
        const decoded = decodeToken(mutated).token
        if (decoded?.signable === true && !(await jose(mutated, test.jwk))) {
          expect(node.verify(accepted.key, decoded.signingInput, decoded.signatureSegment)).toBe(false)
        }
      }),
      { numRuns: 10_000 },
    )
    expect(disagreements).toEqual([])
  }, 120_000)
})
