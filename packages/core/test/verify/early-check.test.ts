/**
 * The verifier starts jose's check on the likely key (the kid in the last used key set) before the analysis. That
 * early result may only count when the analysis selects a key with the same material: these tests give two tenants
 * the same kid with different keys and make sure the early guess never decides.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createVerifier } from '../../src/index.js'
import type * as SignatureModule from '../../src/token/verify/signature.js'
import { MDE, NOW, OTHER_TENANT, TENANT, entraClaims, entraHeader, inMemoryEntra, makeKey, signCompact, type TestKey } from './fixtures/entra.js'

const calls = vi.hoisted(() => ({ keys: [] as string[] }))
vi.mock('../../src/token/verify/signature.js', async (importOriginal) => {
  const original = await importOriginal<typeof SignatureModule>()
  return { ...original, verifyRs256: (...args: Parameters<typeof original.verifyRs256>) => { calls.keys.push(args[1].jwk.n.slice(0, 12)); return original.verifyRs256(...args) } }
})

let keyA: TestKey
let keyB: TestKey
beforeAll(() => {
  // Same kid, different keys: tenant A's set has one, tenant B's the other.
  keyA = makeKey('shared-kid')
  keyB = makeKey('shared-kid')
})

function verifier() {
  const entra = inMemoryEntra((_version, tid) => [tid === TENANT ? keyA.jwk : keyB.jwk])
  return createVerifier({ audience: MDE, tenants: [TENANT, OTHER_TENANT], fetch: entra.fetch, now: NOW, resultCache: false })
}

const n = (k: TestKey): string => (k.jwk.n as string).slice(0, 12)

describe('the early check on the likely key', () => {
  it('is reused when the analysis picks the same key: one check per token', async () => {
    const v = verifier()
    for (let i = 0; i < 3; i++) expect((await v.verify(signCompact(entraHeader(keyA), entraClaims({}, { uti: String(i) }), keyA.privateKey))).ok).toBe(true)
    // The first token has no likely key yet; each later one is checked once, early, and that result is used.
    expect(calls.keys).toEqual([n(keyA), n(keyA), n(keyA)])
  })

  it('never decides when the analysis picks another key with the same kid (a forged token for the other tenant)', async () => {
    const v = verifier()
    expect((await v.verify(signCompact(entraHeader(keyA), entraClaims(), keyA.privateKey))).ok).toBe(true)
    calls.keys = []
    // Signed with tenant A's key but claiming tenant B: the early check (A's key, the last used set) says valid;
    // tenant B's key set has another key under that kid, so the signature is invalid.
    const forged = await v.verify(signCompact(entraHeader(keyA), entraClaims({ tid: OTHER_TENANT }), keyA.privateKey))
    expect(forged.ok).toBe(false)
    expect(forged.signature.status).toBe('invalid')
    expect(forged.findings.map((f) => f.code)).toContain('signature-invalid')
    expect(calls.keys).toEqual([n(keyA), n(keyB)])
    // And the genuine tenant-B token verifies, though the early check (now on B's set) is right this time.
    const genuine = await v.verify(signCompact(entraHeader(keyB), entraClaims({ tid: OTHER_TENANT }), keyB.privateKey))
    expect(genuine.ok).toBe(true)
    // A tenant-A token after a tenant-B one: the early guess (B's key) fails, the real check with A's key passes.
    calls.keys = []
    expect((await v.verify(signCompact(entraHeader(keyA), entraClaims(), keyA.privateKey))).ok).toBe(true)
    expect(calls.keys).toEqual([n(keyB), n(keyA)])
  })

  it('gives the same Reports as a verifier that never checks early', async () => {
    const early = verifier()
    const tokens = [
      signCompact(entraHeader(keyA), entraClaims(), keyA.privateKey),
      signCompact(entraHeader(keyA), entraClaims({ tid: OTHER_TENANT }), keyA.privateKey),
      signCompact(entraHeader(keyB), entraClaims({ tid: OTHER_TENANT }), keyB.privateKey),
      signCompact(entraHeader(keyB), entraClaims(), keyB.privateKey),
      signCompact(entraHeader(keyA, { crit: ['x'] }), entraClaims(), keyA.privateKey),
      signCompact(entraHeader({ kid: 'other' }), entraClaims(), keyA.privateKey),
    ]
    for (const token of [...tokens, ...tokens.reverse()]) {
      const fresh = verifier() // a new verifier has no last key set, so it checks only after the analysis
      expect(await early.verify(token)).toEqual(await fresh.verify(token))
    }
  })
})
