import { describe, expect, it } from 'vitest'
import { codes, findingsOf, inspect } from '../../fixtures/inspect.js'
import {
  buildToken,
  CLIENT,
  CUSTOM_API,
  graphToken,
  GRAPH_AUD,
  idToken,
  M365D_AUD,
  MDE_AUD,
  V1_HEADER,
  v1AppOnlyClaims,
  v1AppOnlyToken,
  v1DelegatedToken,
  v2DelegatedToken,
} from '../../fixtures/tokens.js'

describe('audience-not-single', () => {
  it.each([
    ['an array holding the right value', { aud: [MDE_AUD] }],
    ['an array of two APIs', { aud: [MDE_AUD, M365D_AUD] }],
    ['missing', { aud: undefined }],
    ['a number', { aud: 1 }],
    ['null', { aud: null }],
  ])('fires when aud is %s', (_, overrides) => {
    const report = inspect(v1AppOnlyToken(overrides), { audience: MDE_AUD })
    expect(findingsOf(report, 'audience-not-single')[0]).toMatchObject({ severity: 'error', claim: 'aud' })
    expect(codes(report)).not.toContain('audience-mismatch')
    expect(report.ok).toBe(false)
  })

  it('does not fire for one string', () => {
    expect(codes(inspect(v1AppOnlyToken()))).not.toContain('audience-not-single')
  })
})

describe('audience-mismatch', () => {
  it('fires when aud is not the expected custom API', () => {
    const report = inspect(v2DelegatedToken(), { audience: 'api://orders' })
    expect(findingsOf(report, 'audience-mismatch')[0]).toMatchObject({
      severity: 'error',
      claim: 'aud',
      expected: ['api://orders'],
      actual: CUSTOM_API,
    })
  })

  it('fires for a custom-API token sent to Defender for Endpoint, with the /.default scope to request', () => {
    const [f] = findingsOf(inspect(v2DelegatedToken(), { audience: MDE_AUD }), 'audience-mismatch')
    expect(f?.fix).toContain('https://api.securitycenter.microsoft.com/.default')
  })

  it('uses the US Government resource in the fix for a US Government token', () => {
    const token = v1AppOnlyToken({ aud: 'https://example.contoso.us' })
    const [f] = findingsOf(inspect(token, { api: 'mde' }), 'audience-mismatch')
    expect(f).toBeDefined()
    expect(f?.expected).toContain(MDE_AUD)
  })

  it('accepts any of several expected audiences', () => {
    expect(codes(inspect(v2DelegatedToken(), { audience: ['api://orders', CUSTOM_API] }))).not.toContain(
      'audience-mismatch',
    )
  })

  it.each([
    ['the same identifier', MDE_AUD],
    ['a trailing slash', `${MDE_AUD}/`],
    ['an alias of the resource', 'https://securitycenter.onmicrosoft.com/windowsatpservice'],
    ['a regional identifier', 'https://api-eu.securitycenter.microsoft.com'],
    ['the resource application ID', 'fc780465-2017-40d4-a0c5-307022471b92'],
  ])('does not fire when the expected Defender for Endpoint audience and aud differ only by %s', (_, aud) => {
    expect(codes(inspect(v1AppOnlyToken({ aud }), { audience: MDE_AUD }))).toEqual(['signature-not-checked'])
  })

  it('does not fire without an expected audience', () => {
    expect(codes(inspect(v2DelegatedToken()))).not.toContain('audience-mismatch')
  })
})

describe('wrong-api', () => {
  it('fires for a Defender for Endpoint token sent to Microsoft 365 Defender, with the right scope', () => {
    const report = inspect(v1AppOnlyToken(), { audience: M365D_AUD })
    const [f] = findingsOf(report, 'wrong-api')
    expect(f).toMatchObject({ severity: 'error', claim: 'aud', expected: M365D_AUD, actual: MDE_AUD })
    expect(f?.fix).toContain('https://api.security.microsoft.com/.default')
    expect(codes(report)).not.toContain('audience-mismatch')
  })

  it('fires for a Microsoft 365 Defender token when the api option names mde', () => {
    expect(findingsOf(inspect(v1DelegatedToken(), { api: 'mde' }), 'wrong-api')[0]?.fix).toContain(
      'https://api.securitycenter.microsoft.com/.default',
    )
  })

  it('fires for a Graph token sent to Defender for Endpoint', () => {
    expect(codes(inspect(graphToken(), { api: 'mde' }))).toContain('wrong-api')
  })

  it('does not fire when the token is for the called API', () => {
    expect(codes(inspect(v1AppOnlyToken(), { api: 'mde' }))).not.toContain('wrong-api')
    expect(codes(inspect(v1DelegatedToken(), { audience: M365D_AUD }))).not.toContain('wrong-api')
  })
})

describe('graph-token', () => {
  it('fires (warning) for a Graph token with a nonce header, and the Report says api graph', () => {
    const report = inspect(graphToken())
    expect(findingsOf(report, 'graph-token')[0]).toMatchObject({
      severity: 'warning',
      claim: 'aud',
      actual: GRAPH_AUD,
    })
    expect(report.token?.api).toBe('graph')
    expect(report.ok).toBe(true)
  })

  it('fires for a Graph audience written as the Graph application ID', () => {
    expect(codes(inspect(v1AppOnlyToken({ aud: '00000003-0000-0000-c000-000000000000' })))).toContain(
      'graph-token',
    )
  })

  it('does not fire for an unknown audience with a nonce header: anyone can add a nonce to a forgery', () => {
    const report = inspect(
      buildToken({
        header: { ...V1_HEADER, nonce: 'abc' },
        payload: v1AppOnlyClaims({ aud: 'https://unknown.example' }),
      }),
    )
    expect(report.token?.api).toBe('other')
    expect(codes(report)).not.toContain('graph-token')
  })

  it('does not fire for a Defender token', () => {
    expect(codes(inspect(v1AppOnlyToken()))).not.toContain('graph-token')
  })
})

describe('id-token-as-access-token', () => {
  it('fires for an ID token (nonce, aud is the client)', () => {
    const report = inspect(idToken())
    expect(findingsOf(report, 'id-token-as-access-token')[0]).toMatchObject({
      severity: 'error',
      claim: 'aud',
      actual: CLIENT,
    })
    expect(report.ok).toBe(false)
  })

  it('does not fire for access tokens', () => {
    for (const t of [v1AppOnlyToken(), v1DelegatedToken(), v2DelegatedToken()])
      expect(codes(inspect(t))).not.toContain('id-token-as-access-token')
  })
})
