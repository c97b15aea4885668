import { describe, expect, it } from 'vitest'
import { buildAdminConsentUrl, type AdminConsentOptions } from '../../src/index.js'

const CLIENT = '00001111-aaaa-2222-bbbb-3333cccc4444'
const TENANT = 'aaaabbbb-0000-cccc-1111-dddd2222eeee'
const REDIRECT = 'https://partner.example.com/consent/callback'
const fixedRandom = (bytes: Uint8Array): Uint8Array => bytes.fill(0xab)

function build(options: Partial<AdminConsentOptions>) {
  return buildAdminConsentUrl({ clientId: CLIENT, random: fixedRandom, ...options })
}

function codes(findings: { code: string }[]): string[] {
  return findings.map((f) => f.code)
}

describe('buildAdminConsentUrl: v2 form', () => {
  it.each([
    [
      'public',
      'mde',
      'https://login.microsoftonline.com',
      'https://api.securitycenter.microsoft.com/.default',
    ],
    ['public', 'm365d', 'https://login.microsoftonline.com', 'https://api.security.microsoft.com/.default'],
    [
      'usgov',
      'mde',
      'https://login.microsoftonline.us',
      'https://api-gov.securitycenter.microsoft.us/.default',
    ],
    ['usgov', 'm365d', 'https://login.microsoftonline.us', 'https://api-gov.security.microsoft.us/.default'],
  ] as const)('builds the %s cloud link for %s', (cloud, api, authority, scope) => {
    const link = build({ tenant: TENANT, cloud, api, redirectUri: REDIRECT, state: 's1' })
    expect(link.findings).toEqual([])
    expect(link.url).not.toBeNull()
    const url = new URL(link.url ?? '')
    expect(url.origin).toBe(authority)
    expect(url.pathname).toBe(`/${TENANT}/v2.0/adminconsent`)
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT,
      scope,
      redirect_uri: REDIRECT,
      state: 's1',
    })
    expect(link.scope).toBe(scope)
    expect(link.form).toBe('v2')
    expect(link.description).toContain(TENANT)
    expect(link.description).toContain(scope)
    expect(link.description).toContain(CLIENT)
  })

  it('defaults to the Defender for Endpoint scope, organizations and a random state from the injected source', () => {
    const link = build({ redirectUri: REDIRECT })
    const url = new URL(link.url ?? '')
    expect(url.pathname).toBe('/organizations/v2.0/adminconsent')
    expect(url.searchParams.get('scope')).toBe('https://api.securitycenter.microsoft.com/.default')
    expect(link.state).toBe('ab'.repeat(16))
    expect(url.searchParams.get('state')).toBe(link.state)
  })

  it('uses Web Crypto for the state when no source is injected', () => {
    const a = buildAdminConsentUrl({ clientId: CLIENT, redirectUri: REDIRECT })
    const b = buildAdminConsentUrl({ clientId: CLIENT, redirectUri: REDIRECT })
    expect(a.state).toMatch(/^[0-9a-f]{32}$/)
    expect(a.state).not.toBe(b.state)
  })

  it('accepts a verified domain as tenant', () => {
    const link = build({ tenant: 'contoso.onmicrosoft.com', redirectUri: REDIRECT })
    expect(link.findings).toEqual([])
    expect(new URL(link.url ?? '').pathname).toBe('/contoso.onmicrosoft.com/v2.0/adminconsent')
  })

  it('refuses common on the v2 endpoint', () => {
    const link = build({ tenant: 'common', redirectUri: REDIRECT })
    expect(codes(link.findings)).toEqual(['consent-tenant-invalid'])
    expect(link.url).toBeNull()
  })

  it('warns when the redirect URI is missing but still builds the link', () => {
    const link = build({ tenant: TENANT })
    expect(codes(link.findings)).toEqual(['redirect-uri-missing'])
    expect(link.findings[0]?.severity).toBe('warning')
    expect(link.url).not.toBeNull()
  })

  it('has no Defender endpoint in the China cloud', () => {
    const link = build({ tenant: TENANT, cloud: 'china', api: 'mde', redirectUri: REDIRECT })
    expect(codes(link.findings)).toEqual(['api-not-in-cloud'])
    expect(link.url).toBeNull()
  })

  it('builds China links for an API offered there, on the China authority', () => {
    const link = build({ tenant: TENANT, cloud: 'china', api: 'graph', redirectUri: REDIRECT })
    expect(link.findings).toEqual([])
    const url = new URL(link.url ?? '')
    expect(url.origin).toBe('https://login.partner.microsoftonline.cn')
    expect(url.searchParams.get('scope')).toBe('https://microsoftgraph.chinacloudapi.cn/.default')
  })

  it('takes explicit scopes and lints them', () => {
    const ok = build({
      tenant: TENANT,
      scopes: ['openid', 'https://api.security.microsoft.com/.default'],
      redirectUri: REDIRECT,
    })
    expect(ok.findings).toEqual([])
    expect(new URL(ok.url ?? '').searchParams.get('scope')).toBe(
      'openid https://api.security.microsoft.com/.default',
    )

    const typo = build({
      tenant: TENANT,
      scopes: 'https://api.security.microsoft.com.default',
      redirectUri: REDIRECT,
    })
    expect(codes(typo.findings)).toEqual(['scope-malformed'])
    expect(typo.findings[0]?.expected).toBe('https://api.security.microsoft.com/.default')
    expect(typo.url).toBeNull()
  })

  it('encodes the scope and redirect URI with URLSearchParams', () => {
    const link = build({
      tenant: TENANT,
      redirectUri: 'https://partner.example.com/cb?x=1&y=2',
      state: 'a b&c',
    })
    expect(link.url).toContain('redirect_uri=https%3A%2F%2Fpartner.example.com%2Fcb%3Fx%3D1%26y%3D2')
    expect(new URL(link.url ?? '').searchParams.get('state')).toBe('a b&c')
  })
})

describe('buildAdminConsentUrl: v1 adminconsent form', () => {
  it.each([
    ['public', 'https://login.microsoftonline.com'],
    ['usgov', 'https://login.microsoftonline.us'],
    ['china', 'https://login.partner.microsoftonline.cn'],
  ] as const)('builds the %s link with common allowed', (cloud, authority) => {
    const link = build({
      form: 'adminconsent',
      cloud,
      api: cloud === 'china' ? 'graph' : 'mde',
      redirectUri: REDIRECT,
      state: 'st',
    })
    expect(link.findings).toEqual([])
    expect(link.url).toBe(
      `${authority}/common/adminconsent?client_id=${CLIENT}&redirect_uri=${encodeURIComponent(REDIRECT)}&state=st`,
    )
    expect(link.scope).toBeNull()
  })

  it('names the customer tenant when given', () => {
    const link = build({ form: 'adminconsent', tenant: TENANT, redirectUri: REDIRECT })
    expect(new URL(link.url ?? '').pathname).toBe(`/${TENANT}/adminconsent`)
    expect(link.state).toBe('ab'.repeat(16))
  })

  it('warns (without failing) when the API has no endpoint in the cloud', () => {
    const link = build({ form: 'adminconsent', cloud: 'china', redirectUri: REDIRECT })
    expect(codes(link.findings)).toEqual(['api-not-in-cloud'])
    expect(link.findings[0]?.severity).toBe('warning')
    expect(link.url).not.toBeNull()
  })
})

describe("buildAdminConsentUrl: the Defender partner docs' authorize form", () => {
  it('matches the documented link exactly', () => {
    const link = build({ form: 'authorize' })
    expect(link.url).toBe(
      `https://login.microsoftonline.com/common/oauth2/authorize?prompt=consent&client_id=${CLIENT}&response_type=code&sso_reload=true`,
    )
    expect(link.state).toBeNull()
    expect(link.findings).toEqual([])
  })

  it('uses the government authority for usgov', () => {
    const link = build({ form: 'authorize', cloud: 'usgov' })
    expect(link.url).toBe(
      `https://login.microsoftonline.us/common/oauth2/authorize?prompt=consent&client_id=${CLIENT}&response_type=code&sso_reload=true`,
    )
  })

  it('adds redirect_uri and state only when asked', () => {
    const link = build({ form: 'authorize', tenant: TENANT, redirectUri: REDIRECT, state: 'x' })
    const url = new URL(link.url ?? '')
    expect(url.pathname).toBe(`/${TENANT}/oauth2/authorize`)
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT)
    expect(url.searchParams.get('state')).toBe('x')
  })
})

describe('buildAdminConsentUrl: validation', () => {
  it.each([['not-a-guid'], [''], ['00001111-aaaa-2222-bbbb-3333cccc444']])(
    'client ID %j → client-id-invalid',
    (clientId) => {
      const link = buildAdminConsentUrl({ clientId, tenant: TENANT, redirectUri: REDIRECT })
      expect(codes(link.findings)).toEqual(['client-id-invalid'])
      expect(link.url).toBeNull()
    },
  )

  it("recognises the Defender API's own application ID as a wrong client ID", () => {
    const link = build({
      clientId: 'fc780465-2017-40d4-a0c5-307022471b92',
      tenant: TENANT,
      redirectUri: REDIRECT,
    })
    expect(codes(link.findings)).toEqual(['client-id-invalid'])
  })

  it.each([
    ['admin@contoso.com', 'v2'],
    ['https://login.microsoftonline.com/contoso.com', 'v2'],
    ['contoso', 'v2'],
    ['consumers', 'v2'],
    ['consumers', 'adminconsent'],
    ['organizations', 'adminconsent'],
    ['', 'adminconsent'],
  ] as const)('tenant %j on the %s form → consent-tenant-invalid', (tenant, form) => {
    const link = build({ tenant, form, redirectUri: REDIRECT })
    expect(codes(link.findings)).toEqual(['consent-tenant-invalid'])
    expect(link.url).toBeNull()
  })

  it.each([
    ['not a url'],
    ['http://partner.example.com/cb'],
    ['https://partner.example.com/cb#frag'],
    ['ftp://partner.example.com/cb'],
  ])('redirect URI %j → redirect-uri-invalid', (redirectUri) => {
    const link = build({ tenant: TENANT, redirectUri })
    expect(codes(link.findings)).toEqual(['redirect-uri-invalid'])
    expect(link.url).toBeNull()
  })

  it('allows http only for localhost', () => {
    expect(build({ tenant: TENANT, redirectUri: 'http://localhost:3000/cb' }).findings).toEqual([])
  })

  it('reports every problem at once', () => {
    const link = buildAdminConsentUrl({
      clientId: 'x',
      tenant: 'common',
      redirectUri: 'nope',
      scopes: 'https://api.security.microsoft.com.default',
    })
    expect(codes(link.findings).sort()).toEqual([
      'client-id-invalid',
      'consent-tenant-invalid',
      'redirect-uri-invalid',
      'scope-malformed',
    ])
  })

  it('throws TypeError on API misuse only', () => {
    expect(() => buildAdminConsentUrl({ clientId: CLIENT, form: 'v3' as never })).toThrow(TypeError)
    expect(() => buildAdminConsentUrl({ clientId: CLIENT, cloud: 'mars' as never })).toThrow(TypeError)
    expect(() => buildAdminConsentUrl({ clientId: CLIENT, api: 'mde', scopes: 'x/.default' })).toThrow(
      TypeError,
    )
  })
})
