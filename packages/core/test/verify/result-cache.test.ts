import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createVerifier } from '../../src/index.js'
import type * as NodeBackend from '../../src/token/verify/rs256/node.js'
import {
  MDE,
  NOW,
  NOW_S,
  TENANT,
  entraClaims,
  entraHeader,
  makeKey,
  signCompact,
  type TestKey,
} from './fixtures/entra.js'

const calls = vi.hoisted(() => ({ count: 0 }))
// The verifier reaches the node:crypto backend through the package's #rs256 import: count its RSA checks.
vi.mock('../../src/token/verify/rs256/node.js', async (importOriginal) => {
  const original = await importOriginal<typeof NodeBackend>()
  return {
    ...original,
    createRs256Verifier: (...args: Parameters<typeof original.createRs256Verifier>) => {
      const backend = original.createRs256Verifier(...args)
      return {
        name: backend.name,
        verify: (...a: Parameters<typeof backend.verify>) => {
          calls.count++
          return backend.verify(...a)
        },
      }
    },
  }
})

let key: TestKey
beforeAll(() => {
  key = makeKey('k1')
})

describe('verified-result cache', () => {
  it('runs the cryptography once per exact token; the time checks every call, against now', async () => {
    calls.count = 0
    let now = NOW
    const verifier = createVerifier({
      audience: MDE,
      tenants: [TENANT],
      jwks: { keys: [key.jwk] },
      now: () => now,
    })
    const token = signCompact(entraHeader(key), entraClaims(), key.privateKey)
    for (let i = 0; i < 5; i++) expect((await verifier.verify(token)).ok).toBe(true)
    expect((await verifier.verify(`Bearer ${token}`)).ok).toBe(true)
    expect(calls.count).toBe(1)
    now = new Date((NOW_S + 3000 + 301) * 1000)
    const later = await verifier.verify(token)
    expect(later.ok).toBe(false)
    expect(later.findings.map((f) => f.code)).toContain('token-expired')
  })

  it('expires entries at exp and can be turned off', async () => {
    calls.count = 0
    const off = createVerifier({
      audience: MDE,
      tenants: [TENANT],
      jwks: { keys: [key.jwk] },
      now: NOW,
      resultCache: false,
    })
    const token = signCompact(entraHeader(key), entraClaims(), key.privateKey)
    for (let i = 0; i < 3; i++) await off.verify(token)
    expect(calls.count).toBe(3)
    calls.count = 0
    let now = NOW
    const on = createVerifier({ audience: MDE, tenants: [TENANT], jwks: { keys: [key.jwk] }, now: () => now })
    await on.verify(token)
    now = new Date((NOW_S + 3000) * 1000)
    await on.verify(token)
    expect(calls.count).toBe(2)
  })

  it('never caches a failed signature', async () => {
    calls.count = 0
    const verifier = createVerifier({ audience: MDE, tenants: [TENANT], jwks: { keys: [key.jwk] }, now: NOW })
    const token = signCompact(entraHeader(key), entraClaims(), key.privateKey)
    const [h, p, sig] = token.split('.') as [string, string, string]
    const bytes = Buffer.from(sig, 'base64url')
    bytes[100] = (bytes[100] as number) ^ 1
    const forged = `${h}.${p}.${bytes.toString('base64url')}`
    for (let i = 0; i < 3; i++) expect((await verifier.verify(forged)).ok).toBe(false)
    expect(calls.count).toBe(3)
  })
})
