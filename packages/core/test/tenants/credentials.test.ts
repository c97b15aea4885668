import { decodeProtectedHeader, decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkTenants, type CheckTenantsOptions, type TenantResult } from '../../src/index.js'
import {
  createTenantsFake,
  createTestCertificate,
  createTestTenant,
  fixedClock,
  type TestCertificate,
} from '../../src/testing/index.js'
import { serveOnLoopback, type LoopbackServer } from './loopback.js'

const CLIENT = '11112222-3333-4444-8555-666677778888'
const NOW = '2026-06-01T12:00:00Z'
const T1 = 'bbbbbbbb-0000-4000-8000-000000000001'

let cert: TestCertificate
let other: TestCertificate
let server: LoopbackServer
const assertions: string[] = []
beforeAll(async () => {
  cert = await createTestCertificate({ now: new Date(NOW) })
  other = await createTestCertificate({ now: new Date(NOW) })
  const fake = createTenantsFake({
    clientId: CLIENT,
    certificatePem: cert.certificatePem,
    now: fixedClock(NOW),
    tenants: { [T1]: { outcome: 'ready' } },
  })
  server = await serveOnLoopback(async (request) => {
    const body = new URLSearchParams(await request.clone().text())
    const assertion = body.get('client_assertion')
    if (assertion !== null) assertions.push(assertion)
    return fake.handle(request)
  })
}, 30_000)
afterAll(async () => server.close())

function options(credential: CheckTenantsOptions['credential']): CheckTenantsOptions {
  return {
    clientId: CLIENT,
    credential,
    tenants: [T1],
    api: 'mde',
    authority: server.origin,
    now: fixedClock(NOW),
    sleep: async () => {},
  }
}

async function first(o: CheckTenantsOptions): Promise<TenantResult | undefined> {
  for await (const r of checkTenants(o)) return r
  return undefined
}

describe('certificate credential (WebCrypto-signed client assertion)', { timeout: 30_000 }, () => {
  it('is accepted by the kit endpoint, with x5t#S256, aud = the token endpoint, iss = sub = client ID', async () => {
    assertions.length = 0
    const r = await first(options({ certificate: { privateKeyPem: cert.pem, certificatePem: cert.pem } }))
    expect(r?.outcome).toBe('ready')
    expect(assertions).toHaveLength(1)
    const header = decodeProtectedHeader(assertions[0] ?? '')
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT', 'x5t#S256': cert.thumbprintS256 })
    const claims = decodeJwt(assertions[0] ?? '')
    expect(claims).toMatchObject({
      aud: `${server.origin}/${T1}/oauth2/v2.0/token`,
      iss: CLIENT,
      sub: CLIENT,
      nbf: Date.parse(NOW) / 1000,
    })
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(600)
    expect(typeof claims.jti).toBe('string')
    // The assertion and the token stay inside the run.
    const text = JSON.stringify(r)
    expect(text).not.toContain(assertions[0])
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/)
  })

  it('a certificate the app does not have is a credential problem (AADSTS700027)', async () => {
    const r = await first(
      options({ certificate: { privateKeyPem: other.privateKeyPem, certificatePem: other.certificatePem } }),
    )
    expect(r).toMatchObject({ outcome: 'credential-problem', error: { code: 'AADSTS700027' } })
  })

  it('a PKCS#1 key or a PEM without a certificate is a TypeError naming the problem, never the key', async () => {
    const pkcs1 =
      '-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----\n'
    await expect(
      first(options({ certificate: { privateKeyPem: pkcs1, certificatePem: cert.certificatePem } })),
    ).rejects.toThrow(/pkcs8/)
    const err = await first(
      options({ certificate: { privateKeyPem: cert.privateKeyPem, certificatePem: cert.privateKeyPem } }),
    ).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TypeError)
    expect(String(err)).not.toContain(cert.privateKeyPem.split('\n')[1])
  })
})

describe('federated credential (an assertion the caller supplies)', { timeout: 30_000 }, () => {
  it('a function is asked per request with the tenant and token URL', async () => {
    const fake = createTenantsFake({
      clientId: CLIENT,
      acceptAssertion: (a) => a === 'workload-assertion',
      now: fixedClock(NOW),
      tenants: { [T1]: { outcome: 'ready' } },
    })
    const asked: unknown[] = []
    const r = await first({
      ...options({
        assertion: (req) => {
          asked.push(req)
          return 'workload-assertion'
        },
      }),
      fetch: fake.fetch,
      authority: undefined,
    })
    expect(r?.outcome).toBe('ready')
    expect(asked).toEqual([
      { tenant: T1, clientId: CLIENT, tokenUrl: `https://login.microsoftonline.com/${T1}/oauth2/v2.0/token` },
    ])
  })

  it('a function that fails is a credential problem and nothing is sent', async () => {
    const fake = createTenantsFake({
      clientId: CLIENT,
      now: fixedClock(NOW),
      tenants: { [T1]: { outcome: 'ready' } },
    })
    const r = await first({
      ...options({
        assertion: () => {
          throw new Error('no token file')
        },
      }),
      fetch: fake.fetch,
      authority: undefined,
    })
    expect(r).toMatchObject({ outcome: 'credential-problem', attempts: 0, error: { source: 'credential' } })
    expect(fake.requests).toBe(0)
  })
})

describe('the test tenant answers its own token endpoint', { timeout: 30_000 }, () => {
  it('client credentials with a secret: a token carrying the consented roles', async () => {
    const tenant = await createTestTenant({ now: fixedClock(NOW) })
    tenant.addApplication({ clientId: CLIENT, secret: 's3cret-value', roles: { mde: ['Machine.Isolate'] } })
    const results: TenantResult[] = []
    for await (const r of checkTenants({
      ...options({ secret: 's3cret-value' }),
      tenants: [tenant.tenantId],
      fetch: tenant.fetch,
      authority: undefined,
      operation: 'POST /api/machines/{id}/isolate',
    }))
      results.push(r)
    expect(results.map((r) => r.outcome)).toEqual(['ready'])
    expect(tenant.requests.map((q) => [q.method, new URL(q.url).pathname, q.status])).toEqual([
      ['POST', `/${tenant.tenantId}/oauth2/v2.0/token`, 200],
    ])
  })

  it("with a certificate, and refuses an unknown app, a wrong secret and a missing credential with Entra's codes", async () => {
    const tenant = await createTestTenant({ now: fixedClock(NOW) })
    tenant.addApplication({ clientId: CLIENT, secret: 'right', certificatePem: cert.certificatePem })
    const url = `https://login.microsoftonline.com/${tenant.tenantId}/oauth2/v2.0/token`
    const post = async (
      fields: Record<string, string>,
    ): Promise<{ status: number; codes: unknown; token: unknown }> => {
      const res = await tenant.fetch(url, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          scope: 'https://api.securitycenter.microsoft.com/.default',
          ...fields,
        }),
      })
      const body = (await res.json()) as { error_codes?: unknown; access_token?: unknown }
      return { status: res.status, codes: body.error_codes, token: body.access_token }
    }
    expect(
      await post({ client_id: '99990000-0000-4000-8000-000000000000', client_secret: 'right' }),
    ).toMatchObject({ status: 400, codes: [700016] })
    expect(await post({ client_id: CLIENT, client_secret: 'wrong' })).toMatchObject({
      status: 401,
      codes: [7000215],
    })
    expect(await post({ client_id: CLIENT })).toMatchObject({ status: 401, codes: [7000218] })
    expect(
      await post({
        client_id: CLIENT,
        client_secret: 'right',
        scope: 'https://graph.microsoft.com/.default',
      }),
    ).toMatchObject({ status: 400, codes: [500011] })
    const ok = await post({ client_id: CLIENT, client_secret: 'right' })
    expect(ok.status).toBe(200)
    expect(decodeJwt(String(ok.token))).toMatchObject({ tid: tenant.tenantId, appid: CLIENT, idtyp: 'app' })
  })
})
