import { describe, expect, it } from 'vitest'
import { inspectToken } from '../../src/index.js'

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
const TID = '4b1e0f5c-7a2d-4c1b-9e8f-0a1b2c3d4e5f'
const NOW = new Date('2026-11-15T12:00:00Z')
const token = (aud: string) =>
  [
    b64({ typ: 'JWT', alg: 'RS256', kid: 'k' }),
    b64({
      aud,
      iss: `https://sts.windows.net/${TID}/`,
      tid: TID,
      ver: '1.0',
      iat: 1_794_744_000,
      nbf: 1_794_744_000,
      exp: 1_794_747_000,
      appid: TID,
      idtyp: 'app',
      oid: TID,
      sub: TID,
      roles: [],
    }),
    'c2ln',
  ].join('.')
const codes = (aud: string, expected: string) =>
  inspectToken(token(aud), { audience: expected, now: NOW }).findings.map((f) => f.code)

// Audiences compare ordinally (security.md, attack D): a case or slash variant is another audience. Only the
// identifier URIs Entra itself writes for a Defender resource widen an expected Defender audience.
describe('audience comparison', () => {
  it.each([
    ['api://claimcheck-demo', 'api://claimcheck-demo/'],
    ['api://claimcheck-demo', 'API://claimcheck-demo'],
    ['https://contoso.example/api', 'https://contoso.example/api/'],
    ['https://api.securitycenter.microsoft.com', 'https://API.SECURITYCENTER.MICROSOFT.COM'],
    ['https://api.securitycenter.microsoft.com', 'https://api.securitycenter.microsoft.com//'],
  ])('expected %s refuses aud %s', (expected, aud) => {
    expect(codes(aud, expected)).toContain('audience-mismatch')
  })
  it.each([
    ['https://api.securitycenter.microsoft.com', 'https://api.securitycenter.microsoft.com/'],
    ['https://api.securitycenter.microsoft.com', 'https://securitycenter.onmicrosoft.com/windowsatpservice'],
    ['https://api.securitycenter.microsoft.com', 'fc780465-2017-40d4-a0c5-307022471b92'],
    ['https://api.security.microsoft.com/', 'https://api.security.microsoft.com'],
    ['api://claimcheck-demo', 'api://claimcheck-demo'],
  ])('expected %s accepts aud %s', (expected, aud) => {
    expect(codes(aud, expected)).not.toContain('audience-mismatch')
  })
})
