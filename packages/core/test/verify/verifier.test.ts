import { beforeAll, describe, expect, it } from 'vitest'
import { createVerifier } from '../../src/index.js'
import {
  CLIENT_APP,
  MDE,
  NOW,
  NOW_S,
  OTHER_TENANT,
  TENANT,
  entraClaims,
  entraHeader,
  inMemoryEntra,
  makeKey,
  signCompact,
  type TestKey,
} from './fixtures/entra.js'

let k1: TestKey
let k2: TestKey
beforeAll(() => {
  k1 = makeKey('k1')
  k2 = makeKey('k2')
})

const codes = (r: { findings: { code: string }[] }): string[] => r.findings.map((f) => f.code)

describe('createVerifier', () => {
  it('verifies a v2 token through discovery and reports kid and key-set URL', async () => {
    const entra = inMemoryEntra(() => [
      { ...k1.jwk, issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0' },
    ])
    const verifier = createVerifier({ audience: MDE, tenants: [TENANT], fetch: entra.fetch, now: NOW })
    const report = await verifier.verify(signCompact(entraHeader(k1), entraClaims(), k1.privateKey))
    expect(codes(report)).toEqual([])
    expect(report.ok).toBe(true)
    expect(report.signature).toMatchObject({
      status: 'valid',
      kid: 'k1',
      jwksUri: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
    })
    expect(entra.requests).toEqual([
      `https://login.microsoftonline.com/${TENANT}/v2.0/.well-known/openid-configuration`,
      `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
    ])
  })

  it('uses the v1 metadata for v1 tokens and the ?appid= key set only from configuration', async () => {
    const entra = inMemoryEntra((_v, _t, appId) => (appId === CLIENT_APP ? [k2.jwk] : [k1.jwk]))
    const verifier = createVerifier({
      audience: MDE,
      tenants: [TENANT],
      fetch: entra.fetch,
      now: NOW,
      appId: CLIENT_APP,
    })
    const report = await verifier.verify(
      signCompact(entraHeader(k2), entraClaims({ version: '1.0' }), k2.privateKey),
    )
    expect(report.signature.status).toBe('valid')
    expect(entra.requests[0]).toBe(
      `https://login.microsoftonline.com/${TENANT}/.well-known/openid-configuration?appid=${CLIENT_APP}`,
    )
  })

  it('makes no request for a tenant that is not allowed', async () => {
    const entra = inMemoryEntra(() => [k1.jwk])
    const verifier = createVerifier({ audience: MDE, tenants: [TENANT], fetch: entra.fetch, now: NOW })
    const report = await verifier.verify(
      signCompact(entraHeader(k1), entraClaims({ tid: OTHER_TENANT }), k1.privateKey),
    )
    expect(report.ok).toBe(false)
    expect(codes(report)).toContain('tenant-not-allowed')
    expect(report.signature.status).toBe('not-checked')
    expect(entra.requests).toEqual([])
  })

  it('skips the cryptography for a repeated token but still runs the time checks against now', async () => {
    let now = NOW
    let imports = 0
    const entra = inMemoryEntra(() => {
      imports++
      return [k1.jwk]
    })
    const verifier = createVerifier({ audience: MDE, tenants: [TENANT], fetch: entra.fetch, now: () => now })
    const token = signCompact(entraHeader(k1), entraClaims(), k1.privateKey)
    expect((await verifier.verify(token)).ok).toBe(true)
    expect((await verifier.verify(`Bearer ${token}`)).ok).toBe(true)
    now = new Date((NOW_S + 3000 + 301) * 1000)
    const expired = await verifier.verify(token)
    expect(expired.ok).toBe(false)
    expect(codes(expired)).toContain('token-expired')
    expect(imports).toBe(1)
  })

  it('throws TypeError for misuse and never for tokens', async () => {
    expect(() => createVerifier({ audience: MDE, tenants: ['contoso.com'] })).toThrow(TypeError)
    expect(() => createVerifier({ audience: [], tenants: 'any' })).toThrow(TypeError)
    expect(() =>
      createVerifier({ audience: MDE, tenants: [TENANT], authority: 'http://example.com' }),
    ).toThrow(TypeError)
    const verifier = createVerifier({ audience: MDE, tenants: 'any', jwks: { keys: [k1.jwk] }, now: NOW })
    for (const input of [null, undefined, 42, {}, [], '', 'a.b.c'] as unknown as string[]) {
      const report = await verifier.verify(input)
      expect(report.ok).toBe(false)
    }
  })

  it('warns on every report when any tenant is accepted', async () => {
    const verifier = createVerifier({ audience: MDE, tenants: 'any', jwks: { keys: [k1.jwk] }, now: NOW })
    const report = await verifier.verify(
      signCompact(entraHeader(k1), entraClaims({ tid: OTHER_TENANT }), k1.privateKey),
    )
    expect(report.ok).toBe(true)
    expect(codes(report)).toEqual(['tenants-any'])
  })

  it('runs the permission checks of the call (require) on top of the signature', async () => {
    const verifier = createVerifier({ audience: MDE, tenants: [TENANT], jwks: { keys: [k1.jwk] }, now: NOW })
    const token = signCompact(entraHeader(k1), entraClaims(), k1.privateKey)
    expect((await verifier.verify(token, { require: ['Machine.Read.All'] })).ok).toBe(true)
    const missing = await verifier.verify(token, { require: ['Machine.Isolate'] })
    expect(missing.ok).toBe(false)
    expect(missing.signature.status).toBe('valid')
    expect(codes(missing)).toContain('permission-missing')
  })
})
