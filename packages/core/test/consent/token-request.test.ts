import { describe, expect, it } from 'vitest'
import {
  buildClientCredentialsRequest,
  buildCurlSnippet,
  buildMsalNodeSnippet,
  buildPowerShellSnippet,
  CLIENT_SECRET_PLACEHOLDER,
  type ClientCredentialsRequest,
} from '../../src/index.js'

const CLIENT = '00001111-aaaa-2222-bbbb-3333cccc4444'
const TENANT = 'aaaabbbb-0000-cccc-1111-dddd2222eeee'

function ok(result: ReturnType<typeof buildClientCredentialsRequest>): ClientCredentialsRequest {
  if (!result.ok) throw new Error(`expected a request, got ${result.findings.map((f) => f.code).join(', ')}`)
  return result
}

describe('buildClientCredentialsRequest', () => {
  it('builds the v2 request for Defender for Endpoint by default', () => {
    const r = ok(buildClientCredentialsRequest({ tenant: TENANT, clientId: CLIENT }))
    expect(r.url).toBe(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`)
    expect(Object.fromEntries(new URLSearchParams(r.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: CLIENT,
      client_secret: CLIENT_SECRET_PLACEHOLDER,
      scope: 'https://api.securitycenter.microsoft.com/.default',
    })
    expect(r.findings).toEqual([])
  })

  it('builds the v1 resource form', () => {
    const r = ok(
      buildClientCredentialsRequest({ tenant: TENANT, clientId: CLIENT, api: 'm365d', version: 'v1' }),
    )
    expect(r.url).toBe(`https://login.microsoftonline.com/${TENANT}/oauth2/token`)
    expect(r.params).toEqual({
      grant_type: 'client_credentials',
      client_id: CLIENT,
      client_secret: CLIENT_SECRET_PLACEHOLDER,
      resource: 'https://api.security.microsoft.com',
    })
  })

  it('uses the government authority and resource', () => {
    const r = ok(
      buildClientCredentialsRequest({ tenant: TENANT, clientId: CLIENT, api: 'm365d', cloud: 'usgov' }),
    )
    expect(r.url).toBe(`https://login.microsoftonline.us/${TENANT}/oauth2/v2.0/token`)
    expect(r.params.scope).toBe('https://api-gov.security.microsoft.us/.default')
  })

  it('takes an explicit scope and lints it', () => {
    expect(
      ok(buildClientCredentialsRequest({ tenant: TENANT, clientId: CLIENT, scope: 'api://my-api/.default' }))
        .params.scope,
    ).toBe('api://my-api/.default')
    const bad = buildClientCredentialsRequest({
      tenant: TENANT,
      clientId: CLIENT,
      scope: 'https://api.security.microsoft.com.default',
    })
    expect(bad.ok).toBe(false)
    expect(bad.findings.map((f) => f.code)).toEqual(['scope-malformed'])
  })

  it.each(['common', 'organizations', 'consumers', 'not a tenant'])('refuses the tenant %j', (tenant) => {
    const r = buildClientCredentialsRequest({ tenant, clientId: CLIENT })
    expect(r.ok).toBe(false)
    expect(r.url).toBeNull()
    expect(r.findings.map((f) => f.code)).toEqual(['token-tenant-invalid'])
  })

  it('refuses a bad client ID and an API missing from the cloud', () => {
    expect(
      buildClientCredentialsRequest({ tenant: TENANT, clientId: 'x' }).findings.map((f) => f.code),
    ).toEqual(['client-id-invalid'])
    expect(
      buildClientCredentialsRequest({ tenant: TENANT, clientId: CLIENT, cloud: 'china' }).findings.map(
        (f) => f.code,
      ),
    ).toEqual(['api-not-in-cloud'])
  })

  it('throws TypeError on misuse', () => {
    expect(() =>
      buildClientCredentialsRequest({ tenant: TENANT, clientId: CLIENT, api: 'mde', scope: 'x/.default' }),
    ).toThrow(TypeError)
    expect(() =>
      buildClientCredentialsRequest({ tenant: TENANT, clientId: CLIENT, version: 'v3' as never }),
    ).toThrow(TypeError)
  })
})

describe('snippets', () => {
  const v2 = ok(buildClientCredentialsRequest({ tenant: TENANT, clientId: CLIENT }))
  const v1 = ok(buildClientCredentialsRequest({ tenant: TENANT, clientId: CLIENT, version: 'v1' }))

  it('curl posts the form with the secret from the environment', () => {
    const s = buildCurlSnippet(v2)
    expect(s).toContain(`curl -sS -X POST '${v2.url}'`)
    expect(s).toContain("--data-urlencode 'scope=https://api.securitycenter.microsoft.com/.default'")
    expect(s).toContain('"client_secret=$CLIENT_SECRET"')
    expect(buildCurlSnippet(v1)).toContain("'resource=https://api.securitycenter.microsoft.com'")
  })

  it('PowerShell uses Invoke-RestMethod and $env:CLIENT_SECRET', () => {
    const s = buildPowerShellSnippet(v2)
    expect(s).toContain('Invoke-RestMethod -Method Post')
    expect(s).toContain('client_secret = $env:CLIENT_SECRET')
    expect(s).toContain("scope         = 'https://api.securitycenter.microsoft.com/.default'")
  })

  it('TypeScript uses @azure/msal-node with the tenant authority', () => {
    const s = buildMsalNodeSnippet(v1)
    expect(s).toContain("from '@azure/msal-node'")
    expect(s).toContain(`authority: 'https://login.microsoftonline.com/${TENANT}'`)
    expect(s).toContain("scopes: ['https://api.securitycenter.microsoft.com/.default']")
    expect(s).toContain('process.env.CLIENT_SECRET')
  })

  it('quotes free-text scopes for each language', () => {
    const odd = ok(
      buildClientCredentialsRequest({ tenant: TENANT, clientId: CLIENT, scope: "api://it's/.default" }),
    )
    expect(buildCurlSnippet(odd)).toContain(`'scope=api://it'\\''s/.default'`)
    expect(buildPowerShellSnippet(odd)).toContain(`'api://it''s/.default'`)
    expect(buildMsalNodeSnippet(odd)).toContain(`'api://it\\'s/.default'`)
  })
})
