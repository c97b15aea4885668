import { beforeAll, describe, expect, it } from 'vitest'
import { createVerifier, diagnoseToken, inspectToken, type Report } from '../../src/index.js'
import { createTestTenant, fixedClock, type TestTenant } from '../../src/testing/index.js'
import { buildToken, TENANT, v2DelegatedClaims } from '../fixtures/tokens.js'
import { inspect } from '../fixtures/inspect.js'

const API = 'api://contoso-shop'
const at = new Date('2026-12-08T12:00:00Z')
const codes = (r: Report) => r.findings.map((f) => f.code)
const ciamIss = (tid: string) => `https://${tid}.ciamlogin.com/${tid}/v2.0`

describe('External ID (CIAM) issuers: recognised by inspect with no option', () => {
  it('no issuer error; v2, public, issuerType external-id', () => {
    const r = inspect(buildToken({ payload: v2DelegatedClaims({ iss: ciamIss(TENANT) }) }))
    expect(codes(r).filter((c) => c.startsWith('issuer') || c === 'version-issuer-mismatch')).toEqual([])
    expect(r.token).toMatchObject({ issuerType: 'external-id', version: '2.0', cloud: 'public' })
  })

  it("the host and the path must name the token's tenant; v1 is not an External ID form", () => {
    const other = '11111111-2222-4333-8444-555555555555'
    expect(codes(inspect(buildToken({ payload: v2DelegatedClaims({ iss: ciamIss(other) }) })))).toContain(
      'issuer-tenant-mismatch',
    )
    const mixed = `https://${other}.ciamlogin.com/${TENANT}/v2.0`
    expect(codes(inspect(buildToken({ payload: v2DelegatedClaims({ iss: mixed }) })))).toContain(
      'issuer-not-entra',
    )
    expect(
      codes(inspect(buildToken({ payload: v2DelegatedClaims({ iss: ciamIss(TENANT), ver: '1.0' }) }))),
    ).toContain('version-issuer-mismatch')
  })
})

describe('Azure AD B2C: said to be unverified, not misreported', () => {
  it.each([
    [`https://contoso.b2clogin.com/${TENANT}/v2.0/`, {}],
    [`https://login.microsoftonline.com/tfp/${TENANT}/b2c_1_signin/v2.0/`, {}],
    [`https://login.contoso.example/${TENANT}/v2.0/`, { tfp: 'B2C_1_signin' }],
  ])('%s', (iss, extra) => {
    const r = inspect(buildToken({ payload: v2DelegatedClaims({ iss, ...extra }) }))
    expect(codes(r)).toContain('issuer-b2c')
    expect(codes(r)).not.toContain('issuer-not-entra')
    expect(r.token?.issuerType).toBe('b2c')
    expect(r.ok).toBe(false)
  })
})

describe('the verifier accepts External ID only when configured', () => {
  let tenant: TestTenant
  beforeAll(async () => {
    tenant = await createTestTenant({ now: at })
  })
  const verifier = (authority?: string) =>
    createVerifier({
      audience: API,
      tenants: [tenant.tenantId],
      fetch: tenant.fetch,
      now: fixedClock(at),
      ...(authority === undefined ? {} : { authority }),
    })
  const ciamToken = () =>
    tenant.issueToken({
      api: { audience: API },
      kind: 'delegated',
      scopes: ['Orders.Read'],
      externalId: true,
    })

  it('the kit mints a CIAM token (v2, ciamlogin issuer)', async () => {
    const t = inspectToken(await ciamToken(), { now: at }).token
    expect(t?.issuer).toBe(ciamIss(tenant.tenantId))
    expect(t?.version).toBe('2.0')
    await expect(tenant.issueToken({ externalId: true, version: '1.0' })).rejects.toThrow(TypeError)
  })

  it('without configuration: refused, no key set fetched', async () => {
    tenant.clearRequests()
    const r = await verifier().verify(await ciamToken())
    expect(r.verdict).toBe('refused')
    expect(codes(r)).toContain('cloud-not-allowed')
    expect(tenant.requests).toEqual([])
  })

  it('with authority https://{tid}.ciamlogin.com: discovery and keys on that host, both issuers accepted', async () => {
    const v = verifier(`https://${tenant.tenantId}.ciamlogin.com`)
    tenant.clearRequests()
    const r = await v.verify(await ciamToken())
    expect(r.verdict).toBe('works')
    expect(r.signature.jwksUri).toBe(
      `https://${tenant.tenantId}.ciamlogin.com/${tenant.tenantId}/discovery/v2.0/keys`,
    )
    expect(tenant.requests.every((q) => q.url.startsWith(`https://${tenant.tenantId}.ciamlogin.com/`))).toBe(
      true,
    )
    // The login.microsoftonline.com v2 issuer such tenants also write: verified with the same (ciamlogin) keys.
    const workforce = await tenant.issueToken({
      api: { audience: API },
      kind: 'delegated',
      scopes: ['Orders.Read'],
      version: '2.0',
    })
    expect((await v.verify(workforce)).verdict).toBe('works')
    // v2 only: a v1 token is refused by an External ID verifier.
    const v1 = await tenant.issueToken({ api: { audience: API }, kind: 'delegated', scopes: ['Orders.Read'] })
    const refused = await v.verify(v1)
    expect(refused.verdict).toBe('refused')
    expect(codes(refused)).toContain('cloud-not-allowed')
  })

  it("another tenant's ciamlogin issuer is refused even by a configured verifier", async () => {
    const v = verifier(`https://${tenant.tenantId}.ciamlogin.com`)
    const other = '11111111-2222-4333-8444-555555555555'
    const t = await tenant.issueToken({
      api: { audience: API },
      kind: 'delegated',
      scopes: ['Orders.Read'],
      externalId: true,
      claims: { iss: ciamIss(other) },
    })
    expect((await v.verify(t)).verdict).toBe('refused')
  })

  it("diagnosis (the CLI and the page) verifies a ciamlogin token on its own tenant's host, with no option", async () => {
    tenant.clearRequests()
    const r = await diagnoseToken(await ciamToken(), { fetch: tenant.fetch, now: at })
    expect(r.signature.status).toBe('valid')
    expect(codes(r)).not.toContain('cloud-not-allowed')
    expect(tenant.requests.every((q) => q.url.startsWith(`https://${tenant.tenantId}.ciamlogin.com/`))).toBe(
      true,
    )
    // A forged ciamlogin token is still invalid in diagnosis.
    const forged = (await ciamToken()).slice(0, -4) + 'AAAA'
    expect((await diagnoseToken(forged, { fetch: tenant.fetch, now: at })).signature.status).toBe('invalid')
  })
})
