import { beforeAll, describe, expect, it } from 'vitest'
import { createVerifier } from '../../src/token/verify/create-verifier.js'
import {
  entraClaims,
  entraHeader,
  makeKey,
  MDE,
  NOW,
  OTHER_TENANT,
  signCompact,
  TENANT,
  type TestKey,
} from './fixtures/entra.js'

// Entra publishes `issuer` only on v2 keys (".../{tenantid}/v2.0") and signs v1 tokens with the same keys, so the
// key's issuer must vouch for the v1 token through the v2 form of the token's own tenant and cloud — and nothing else.
describe('signing key issuer', () => {
  let v2Key: TestKey, otherTenantKey: TestKey, usGovKey: TestKey
  beforeAll(() => {
    v2Key = makeKey('v2', 2048, { issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0' })
    otherTenantKey = makeKey('other', 2048, {
      issuer: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`,
    })
    usGovKey = makeKey('gov', 2048, { issuer: 'https://login.microsoftonline.us/{tenantid}/v2.0' })
  })
  const verify = async (key: TestKey, version: '1.0' | '2.0') => {
    const verifier = createVerifier({ audience: MDE, tenants: [TENANT], now: NOW, jwks: { keys: [key.jwk] } })
    return verifier.verify(signCompact(entraHeader(key), entraClaims({ version }), key.privateKey))
  }

  it('accepts a v1 token signed by a key whose issuer is the v2 issuer template', async () => {
    const report = await verify(v2Key, '1.0')
    expect(report.signature.status).toBe('valid')
    expect(report.ok).toBe(true)
  })
  it('accepts a v2 token signed by the same key', async () => {
    expect((await verify(v2Key, '2.0')).signature.status).toBe('valid')
  })
  it.each(['1.0', '2.0'] as const)("refuses a v%s token signed by another tenant's key", async (version) => {
    const report = await verify(otherTenantKey, version)
    expect(report.signature.status).toBe('invalid')
    expect(report.findings.map((f) => f.code)).toContain('signing-key-issuer-mismatch')
  })
  it.each(['1.0', '2.0'] as const)(
    'refuses a public-cloud v%s token signed by a US Government key',
    async (version) => {
      const report = await verify(usGovKey, version)
      expect(report.findings.map((f) => f.code)).toContain('signing-key-issuer-mismatch')
    },
  )
})
