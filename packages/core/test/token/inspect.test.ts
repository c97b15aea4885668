import { describe, expect, it } from 'vitest'
import { inspectToken } from '../../src/index.js'
import { codes, inspect } from '../fixtures/inspect.js'
import {
  CLIENT,
  CLIENT_SP,
  CUSTOM_API,
  M365D_AUD,
  MDE_AUD,
  NOW,
  NOW_S,
  TENANT,
  USER_OID,
  v1AppOnlyToken,
  v1DelegatedToken,
  v2DelegatedToken,
} from '../fixtures/tokens.js'

describe('inspectToken on well-formed Entra tokens', () => {
  it.each([
    ['v1 app-only (MDE)', v1AppOnlyToken()],
    ['v1 delegated (M365 Defender)', v1DelegatedToken()],
    ['v2 delegated (custom API)', v2DelegatedToken()],
  ])('%s: ok, with only the offline signature note', (_, token) => {
    const report = inspect(token)
    expect(codes(report)).toEqual(['signature-not-checked'])
    expect(report.ok).toBe(true)
    expect(report.signature.status).toBe('not-checked')
  })

  it('reads the facts of a v1 app-only Defender for Endpoint token', () => {
    const t = inspect(v1AppOnlyToken()).token
    expect(t).toMatchObject({
      version: '1.0',
      kind: 'app-only',
      kindRule: 'oid-equals-sub',
      tenantId: TENANT,
      appId: CLIENT,
      audience: MDE_AUD,
      api: 'mde',
      cloud: 'public',
      objectId: CLIENT_SP,
      subject: CLIENT_SP,
      user: null,
      roles: ['Machine.Read.All', 'Alert.Read.All'],
      scopes: [],
      issuedAt: new Date((NOW_S - 600) * 1000).toISOString(),
      notBefore: new Date((NOW_S - 600) * 1000).toISOString(),
      expiresAt: new Date((NOW_S - 600 + 4499) * 1000).toISOString(),
    })
    expect(t?.payload.ver).toBe('1.0')
    expect(t?.header.alg).toBe('RS256')
  })

  it('reads the facts of a v1 delegated M365 Defender token', () => {
    const t = inspect(v1DelegatedToken()).token
    expect(t).toMatchObject({
      version: '1.0',
      kind: 'delegated',
      kindRule: 'idtyp',
      api: 'm365d',
      audience: M365D_AUD,
      objectId: USER_OID,
      user: 'ada@contoso.example',
      roles: [],
      scopes: ['Incident.Read', 'AdvancedHunting.Read'],
    })
  })

  it('reads the facts of a v2 token for a custom API', () => {
    const t = inspect(v2DelegatedToken()).token
    expect(t).toMatchObject({
      version: '2.0',
      kind: 'delegated',
      kindRule: 'scp',
      api: 'other',
      audience: CUSTOM_API,
      appId: CLIENT,
      cloud: 'public',
      scopes: ['access_as_user'],
    })
  })

  it('derives the version from the issuer form when ver is absent', () => {
    expect(inspect(v1AppOnlyToken({ ver: undefined })).token?.version).toBe('1.0')
    expect(inspect(v2DelegatedToken({ ver: undefined })).token?.version).toBe('2.0')
    expect(
      inspect(v2DelegatedToken({ ver: undefined, iss: 'https://example.com/' })).token?.version,
    ).toBeNull()
  })

  it('tells the US Government cloud from public by the resource host of a v1 token', () => {
    expect(inspect(v1AppOnlyToken({ aud: 'https://api-gov.securitycenter.microsoft.us' })).token?.cloud).toBe(
      'usgov',
    )
    expect(
      inspect(v2DelegatedToken({ iss: `https://login.microsoftonline.us/${TENANT}/v2.0` })).token?.cloud,
    ).toBe('usgov')
    expect(
      inspect(
        v1AppOnlyToken({ iss: `https://sts.chinacloudapi.cn/${TENANT}/`, aud: 'https://example.partner.cn' }),
      ).token?.cloud,
    ).toBe('china')
  })

  it('returns token null and ok false when nothing decodes', () => {
    const report = inspect('not a token')
    expect(report.token).toBeNull()
    expect(report.ok).toBe(false)
    expect(report.signature.status).toBe('not-checked')
    expect(codes(report)).not.toContain('signature-not-checked')
  })

  it('has the contract shape (fields of architecture.md)', () => {
    const report = inspect(v1AppOnlyToken())
    expect(Object.keys(report).sort()).toEqual([
      'findings',
      'ok',
      'permissions',
      'signature',
      'token',
      'verdict',
    ])
    expect(report.permissions).toMatchObject({ required: [], granted: [], missing: [] })
    for (const key of [
      'header',
      'payload',
      'version',
      'kind',
      'tenantId',
      'appId',
      'audience',
      'api',
      'roles',
      'scopes',
      'issuedAt',
      'notBefore',
      'expiresAt',
    ]) {
      expect(report.token).toHaveProperty(key)
    }
    expect(report.signature).toMatchObject({
      status: 'not-checked',
      kid: 'XRvko8P7A3UaWSnU7bM9nT0MjhA',
      jwksUri: null,
    })
    // The Report is plain JSON: it survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(report))).toEqual(JSON.parse(JSON.stringify(report)))
  })

  it('sorts findings errors first, then warnings, then info', () => {
    const report = inspect(
      `Bearer ${v1AppOnlyToken({ exp: NOW_S - 7200, iat: NOW_S - 9000, nbf: NOW_S - 9000 })}`,
      { tenants: 'any' },
    )
    const order = report.findings.map((f) => f.severity)
    expect(order).toEqual(
      [...order].sort(
        (a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b),
      ),
    )
    expect(order[0]).toBe('error')
  })

  it('reads the clock once, from a function when given one', () => {
    let calls = 0
    const report = inspectToken(v1AppOnlyToken(), {
      now: () => {
        calls++
        return NOW
      },
    })
    expect(report.ok).toBe(true)
    expect(calls).toBe(1)
  })

  it('answers non-string input with token-malformed instead of throwing', () => {
    for (const bad of [null, undefined, 42, {}, ['a.b.c']]) {
      const report = inspectToken(bad as unknown as string, { now: NOW })
      expect(report.ok).toBe(false)
      expect(codes(report)).toContain('token-malformed')
    }
  })
})
