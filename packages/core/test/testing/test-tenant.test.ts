import {
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
} from 'jose'
import { describe, expect, it } from 'vitest'
import { API_RESOURCES, inspectToken } from '../../src/index.js'
import { createTestTenant, fetchForTenants, fixedClock } from '../../src/testing/index.js'

const NOW = '2025-03-01T12:00:00Z'

describe('createTestTenant: tokens', () => {
  it('mints an app-only MDE token with the v1 shape Entra gives the Defender APIs', async () => {
    const clock = fixedClock(NOW)
    const tenant = await createTestTenant({ now: clock })
    const token = await tenant.issueToken({ api: 'mde', kind: 'app-only', roles: ['Machine.Isolate'] })
    const header = decodeProtectedHeader(token)
    const claims = decodeJwt(token)
    expect(header).toEqual({ typ: 'JWT', alg: 'RS256', x5t: tenant.currentKid, kid: tenant.currentKid })
    expect(claims).toMatchObject({
      aud: 'https://api.securitycenter.microsoft.com',
      iss: `https://sts.windows.net/${tenant.tenantId}/`,
      idp: `https://sts.windows.net/${tenant.tenantId}/`,
      appid: tenant.clientId,
      appidacr: '1',
      idtyp: 'app',
      tid: tenant.tenantId,
      ver: '1.0',
      roles: ['Machine.Isolate'],
      iat: Date.parse(NOW) / 1000,
      nbf: Date.parse(NOW) / 1000,
      exp: Date.parse(NOW) / 1000 + 3600,
    })
    expect(claims.oid).toBe(claims.sub)
    for (const name of ['aio', 'rh', 'uti']) expect(typeof claims[name]).toBe('string')
    expect(claims).not.toHaveProperty('scp')
    expect(claims).not.toHaveProperty('azp')

    const report = inspectToken(token, { now: clock, api: 'mde', tenants: [tenant.tenantId] })
    expect(report.ok).toBe(true)
    expect(report.findings.map((f) => f.code)).toEqual(['signature-not-checked'])
    expect(report.token).toMatchObject({
      kind: 'app-only',
      kindRule: 'idtyp',
      version: '1.0',
      api: 'mde',
      cloud: 'public',
      appId: tenant.clientId,
    })
  })

  it('mints delegated and ID tokens that inspectToken classifies as such, in both versions', async () => {
    const clock = fixedClock(NOW)
    const tenant = await createTestTenant({ now: clock })
    const v1 = await tenant.issueToken({ api: 'm365d', kind: 'delegated', scopes: ['Incident.Read'] })
    const v1Claims = decodeJwt(v1)
    expect(v1Claims).toMatchObject({
      aud: 'https://api.security.microsoft.com',
      scp: 'Incident.Read',
      appid: tenant.clientId,
      upn: tenant.user.upn,
      unique_name: tenant.user.upn,
      oid: tenant.user.oid,
      ver: '1.0',
    })
    expect(v1Claims.amr).toEqual(['pwd', 'mfa'])
    expect(v1Claims.sub).not.toBe(v1Claims.oid)
    expect(v1Claims).not.toHaveProperty('idtyp')
    expect(inspectToken(v1, { now: clock, api: 'm365d' }).token).toMatchObject({
      kind: 'delegated',
      version: '1.0',
      api: 'm365d',
      user: tenant.user.upn,
    })

    const v2 = await tenant.issueToken({
      api: { audience: 'api://contoso-orders' },
      kind: 'delegated',
      scopes: ['Orders.Read', 'Orders.Write'],
      version: '2.0',
    })
    const v2Claims = decodeJwt(v2)
    expect(decodeProtectedHeader(v2)).not.toHaveProperty('x5t')
    expect(v2Claims).toMatchObject({
      iss: `https://login.microsoftonline.com/${tenant.tenantId}/v2.0`,
      azp: tenant.clientId,
      azpacr: '0',
      preferred_username: tenant.user.upn,
      scp: 'Orders.Read Orders.Write',
      ver: '2.0',
    })
    expect(v2Claims).not.toHaveProperty('appid')
    const v2Report = inspectToken(v2, { now: clock, audience: 'api://contoso-orders' })
    expect(v2Report.ok).toBe(true)
    expect(v2Report.token).toMatchObject({
      kind: 'delegated',
      version: '2.0',
      api: 'other',
      scopes: ['Orders.Read', 'Orders.Write'],
    })

    const id = await tenant.issueToken({ kind: 'id-token', nonce: 'n-0S6_WzA2Mj' })
    expect(decodeJwt(id)).toMatchObject({
      aud: tenant.clientId,
      nonce: 'n-0S6_WzA2Mj',
      ver: '2.0',
      preferred_username: tenant.user.upn,
    })
    const idReport = inspectToken(id, { now: clock })
    expect(idReport.token).toMatchObject({ kind: 'id-token', version: '2.0' })
    expect(idReport.findings.map((f) => f.code)).toContain('id-token-as-access-token')

    const idV1 = await tenant.issueToken({ kind: 'id-token', version: '1.0' })
    expect(inspectToken(idV1, { now: clock }).token).toMatchObject({ kind: 'id-token', version: '1.0' })
  })

  it('mints v2 access tokens for a Defender API with the resource app ID as audience', async () => {
    const clock = fixedClock(NOW)
    const tenant = await createTestTenant({ now: clock })
    const token = await tenant.issueToken({ api: 'mde', roles: ['Alert.Read.All'], version: '2.0' })
    expect(decodeJwt(token)).toMatchObject({
      aud: API_RESOURCES.mde.appId,
      azp: tenant.clientId,
      azpacr: '1',
      idtyp: 'app',
      ver: '2.0',
    })
    expect(inspectToken(token, { now: clock, api: 'mde' }).token).toMatchObject({
      kind: 'app-only',
      version: '2.0',
      api: 'mde',
    })
  })

  it('lets claims overrides replace and remove claims, for negative tests', async () => {
    const clock = fixedClock(NOW)
    const tenant = await createTestTenant({ now: clock })
    const noTid = await tenant.issueToken({
      api: 'mde',
      roles: ['Alert.Read.All'],
      claims: { tid: undefined, xms_cc: ['CP1'] },
    })
    expect(decodeJwt(noTid)).not.toHaveProperty('tid')
    expect(decodeJwt(noTid).xms_cc).toEqual(['CP1'])
    expect(inspectToken(noTid, { now: clock }).findings.map((f) => f.code)).toContain('tenant-missing')

    const badIssuer = await tenant.issueToken({ api: 'mde', claims: { iss: 'https://login.windows.net/x/' } })
    expect(inspectToken(badIssuer, { now: clock }).findings.map((f) => f.code)).toContain('issuer-not-entra')

    const noKid = await tenant.issueToken({
      api: 'mde',
      header: { kid: undefined, x5t: undefined, alg: 'none' },
    })
    expect(decodeProtectedHeader(noKid)).toEqual({ typ: 'JWT', alg: 'RS256' })
  })

  it('issues at the tenant clock by default and at `now` when given, and honours lifetimeSeconds', async () => {
    const clock = fixedClock(NOW)
    const tenant = await createTestTenant({ now: clock })
    const short = await tenant.issueToken({ api: 'mde', lifetimeSeconds: 600 })
    clock.advance(601 + 300)
    expect(inspectToken(short, { now: clock }).findings.map((f) => f.code)).toContain('token-expired')
    const later = await tenant.issueToken({ api: 'mde', now: new Date('2030-01-01T00:00:00Z') })
    expect(decodeJwt(later).iat).toBe(Date.parse('2030-01-01T00:00:00Z') / 1000)
  })

  it('refuses option misuse with TypeError', async () => {
    const tenant = await createTestTenant({ now: fixedClock(NOW) })
    await expect(tenant.issueToken({ kind: 'app-only' })).rejects.toBeInstanceOf(TypeError)
    await expect(tenant.issueToken({ api: 'mde', kind: 'delegated' })).rejects.toBeInstanceOf(TypeError)
    await expect(
      tenant.issueToken({ api: 'mde', kind: 'app-only', scopes: ['Alert.Read'] }),
    ).rejects.toBeInstanceOf(TypeError)
    await expect(tenant.issueToken({ api: 'mde', roles: ['Two words'] })).rejects.toBeInstanceOf(TypeError)
    const china = await createTestTenant({ cloud: 'china', now: fixedClock(NOW) })
    await expect(china.issueToken({ api: 'mde' })).rejects.toBeInstanceOf(TypeError)
    await expect(createTestTenant({ tenantId: 'contoso.onmicrosoft.com' })).rejects.toBeInstanceOf(TypeError)
  })
})

describe('createTestTenant: discovery and keys', () => {
  it('serves v1 and v2 discovery documents and key sets at the Entra URLs, and 404 for anything else', async () => {
    const tenant = await createTestTenant()
    const base = `https://login.microsoftonline.com/${tenant.tenantId}`
    const v1 = (await (await tenant.fetch(`${base}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >
    // As Entra's real v1 tenant metadata: the shared v1 key set.
    expect(v1).toMatchObject({
      issuer: `https://sts.windows.net/${tenant.tenantId}/`,
      jwks_uri: 'https://login.microsoftonline.com/common/discovery/keys',
      token_endpoint: `${base}/oauth2/token`,
    })
    const v2 = (await (
      await tenant.fetch(new URL(`${base}/v2.0/.well-known/openid-configuration`))
    ).json()) as Record<string, unknown>
    expect(v2).toMatchObject({
      issuer: `${base}/v2.0`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
    })
    expect(tenant.endpoints('2.0')).toEqual({
      discovery: `${base}/v2.0/.well-known/openid-configuration`,
      jwksUri: `${base}/discovery/v2.0/keys`,
    })

    const keys = (await (
      await tenant.fetch(new Request('https://login.microsoftonline.com/common/discovery/keys'))
    ).json()) as { keys: Record<string, unknown>[] }
    expect(keys.keys).toHaveLength(1)
    expect(keys.keys[0]).toMatchObject({
      kty: 'RSA',
      use: 'sig',
      kid: tenant.currentKid,
      x5t: tenant.currentKid,
      e: 'AQAB',
      cloud_instance_name: 'microsoftonline.com',
    })
    expect(keys.keys[0]).not.toHaveProperty('d')
    expect(keys.keys[0]).not.toHaveProperty('issuer')
    expect(keys).toEqual(tenant.keySet('1.0'))
    const v2Keys = (await (await tenant.fetch(`${base}/discovery/v2.0/keys`)).json()) as {
      keys: Record<string, unknown>[]
    }
    expect(v2Keys).toEqual(tenant.jwks)
    expect(v2Keys.keys[0]).toMatchObject({ kid: tenant.currentKid, issuer: `${base}/v2.0` })

    const withAppId = (await (
      await tenant.fetch(`${base}/v2.0/.well-known/openid-configuration?appid=abc`)
    ).json()) as Record<string, unknown>
    expect(withAppId.jwks_uri).toBe(`${base}/discovery/v2.0/keys?appid=abc`)

    const other = await createTestTenant()
    expect(
      (await tenant.fetch(`https://login.microsoftonline.com/${other.tenantId}/discovery/keys`)).status,
    ).toBe(404)
    expect(
      (await tenant.fetch(`https://login.microsoftonline.us/${tenant.tenantId}/discovery/keys`)).status,
    ).toBe(404)
    expect((await tenant.fetch('https://example.com/')).status).toBe(404)
    expect((await tenant.fetch(`${base}/discovery/keys`, { method: 'POST' })).status).toBe(405)
    expect(tenant.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 404, 404, 404, 405])
    expect(tenant.requests[0]).toEqual({
      url: `${base}/.well-known/openid-configuration`,
      method: 'GET',
      status: 200,
    })
    tenant.clearRequests()
    expect(tenant.requests).toHaveLength(0)
  })

  it('serves each cloud at its own authority with its own issuers', async () => {
    const tenant = await createTestTenant({ cloud: 'usgov' })
    const base = `https://login.microsoftonline.us/${tenant.tenantId}`
    const v2 = (await (await tenant.fetch(`${base}/v2.0/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >
    expect(v2).toMatchObject({
      issuer: `${base}/v2.0`,
      msgraph_host: 'graph.microsoft.us',
      cloud_instance_name: 'microsoftonline.us',
    })
    const token = await tenant.issueToken({ api: 'mde', roles: ['Alert.Read.All'] })
    expect(decodeJwt(token).aud).toBe('https://api-gov.securitycenter.microsoft.us')
    expect(inspectToken(token).token?.cloud).toBe('usgov')
  })

  it('issues tokens that verify against the served key set with a standard JOSE library', async () => {
    const clock = fixedClock(NOW)
    const tenant = await createTestTenant({ now: clock })
    const token = await tenant.issueToken({ api: 'mde', roles: ['Alert.Read.All'] })
    const jwks = createRemoteJWKSet(new URL(tenant.endpoints('1.0').jwksUri), { [customFetch]: tenant.fetch })
    const { payload } = await jwtVerify(token, jwks, {
      issuer: tenant.issuer('1.0'),
      audience: 'https://api.securitycenter.microsoft.com',
      currentDate: clock(),
    })
    expect(payload.tid).toBe(tenant.tenantId)
  })

  it('rotates keys: new tokens use the new key, the old one stays served until dropped', async () => {
    const clock = fixedClock(NOW)
    const tenant = await createTestTenant({ now: clock })
    const before = await tenant.issueToken({ api: 'mde' })
    const oldKid = tenant.currentKid
    const newKid = await tenant.rotateKeys()
    expect(newKid).not.toBe(oldKid)
    expect(tenant.currentKid).toBe(newKid)
    const after = await tenant.issueToken({ api: 'mde' })
    expect(decodeProtectedHeader(after).kid).toBe(newKid)
    expect(tenant.jwks.keys.map((k) => k.kid)).toEqual([newKid, oldKid])
    const verifyAt = async (token: string): Promise<unknown> =>
      jwtVerify(token, createLocalJWKSet(tenant.jwks), { currentDate: clock() })
    await expect(verifyAt(before)).resolves.toBeDefined()
    await expect(verifyAt(after)).resolves.toBeDefined()

    await tenant.rotateKeys({ keepPrevious: false })
    expect(tenant.jwks.keys.map((k) => k.kid)).toEqual([tenant.currentKid])
    await expect(verifyAt(before)).rejects.toThrow()
  })

  it('signs with an unpublished key on request, for signing-key-not-found tests', async () => {
    const tenant = await createTestTenant({ now: fixedClock(NOW) })
    const token = await tenant.issueToken({ api: 'mde', signingKey: 'unpublished' })
    const kid = decodeProtectedHeader(token).kid
    expect(kid).toMatch(/^[A-Za-z0-9_-]{27}$/)
    expect(tenant.jwks.keys.map((k) => k.kid)).not.toContain(kid)
  })

  it('keeps several tenants apart, and fetchForTenants routes each request to its tenant', async () => {
    const a = await createTestTenant()
    const b = await createTestTenant()
    expect(a.tenantId).not.toBe(b.tenantId)
    expect(a.currentKid).not.toBe(b.currentKid)
    const both = fetchForTenants(a, b)
    const aKeys = await (await both(a.endpoints('2.0').jwksUri)).json()
    const bKeys = await (await both(b.endpoints('2.0').jwksUri)).json()
    expect(aKeys).toEqual(a.jwks)
    expect(bKeys).toEqual(b.jwks)
    expect(a.requests).toHaveLength(1)
    expect(b.requests).toHaveLength(1)
    // the shared v1 key set holds every tenant's keys, as Entra's does
    const common = (await (await both('https://login.microsoftonline.com/common/discovery/keys')).json()) as {
      keys: { kid: string }[]
    }
    expect(common.keys.map((k) => k.kid).sort()).toEqual([a.currentKid, b.currentKid].sort())
    expect((await both('https://login.microsoftonline.com/common/discovery/v2.0/keys')).status).toBe(404)
  })
})

describe('fixedClock', () => {
  it('stays put until advanced or set', () => {
    const clock = fixedClock(NOW)
    expect(clock().toISOString()).toBe('2025-03-01T12:00:00.000Z')
    clock().setFullYear(1999)
    expect(clock().toISOString()).toBe('2025-03-01T12:00:00.000Z')
    clock.advance(90)
    expect(clock().toISOString()).toBe('2025-03-01T12:01:30.000Z')
    clock.set('2026-01-01T00:00:00Z')
    expect(clock().toISOString()).toBe('2026-01-01T00:00:00.000Z')
    expect(() => fixedClock('yesterday')).toThrow(TypeError)
    expect(() => clock.advance(Number.NaN)).toThrow(TypeError)
  })
})

describe('negative-test recipes from docs/testing.md', () => {
  it('each recipe yields the finding the guide names', async () => {
    const clock = fixedClock(NOW)
    const tenant = await createTestTenant({ now: clock })
    const recipes: [Parameters<typeof tenant.issueToken>[0], string][] = [
      [{ api: 'mde', claims: { tid: undefined } }, 'tenant-missing'],
      [{ api: 'mde', claims: { iss: 'https://login.windows.net/x/' } }, 'issuer-not-entra'],
      [{ api: 'mde', claims: { ver: '2.0' } }, 'version-issuer-mismatch'],
      [{ api: 'mde', claims: { aud: ['a', 'b'] } }, 'audience-not-single'],
      [{ api: 'mde', lifetimeSeconds: 30 * 3600 }, 'lifetime-invalid'],
      [{ api: 'm365d', roles: ['Incident.Read.All'] }, 'wrong-api'],
      [{ kind: 'id-token' }, 'id-token-as-access-token'],
    ]
    for (const [options, code] of recipes) {
      const report = inspectToken(await tenant.issueToken(options), { now: clock, api: 'mde' })
      expect(
        report.findings.map((f) => f.code),
        code,
      ).toContain(code)
    }
  })
})
