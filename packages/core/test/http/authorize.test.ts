import { beforeAll, describe, expect, it } from 'vitest'
import { createVerifier } from '../../src/index.js'
import { authorize, type HttpRequirement, type ProtectedCatalog } from '../../src/http/index.js'
import { createTestTenant, fixedClock, type TestTenant } from '../../src/testing/index.js'

const NOW = new Date('2026-11-30T12:00:00Z')
const MDE = 'https://api.securitycenter.microsoft.com'
const ISOLATE: HttpRequirement = { api: 'mde', operation: 'POST /api/machines/{id}/isolate' }

const ORDERS_APP = '6e5d4c3b-2a19-4807-b6a5-948372615041'
const ORDERS: ProtectedCatalog = {
  id: 'contoso-orders',
  name: 'Contoso Orders API',
  appId: ORDERS_APP,
  identifierUris: ['api://contoso-orders'],
  hosts: ['orders.contoso.example'],
  permissions: [
    { value: 'Orders.Read.All', kind: 'application', id: null },
    { value: 'Orders.ReadWrite.All', kind: 'application', id: null, includes: ['Orders.Read.All'] },
    { value: 'Orders.ReadWrite', kind: 'delegated', id: null },
  ],
  operations: [
    {
      method: 'GET',
      path: '/orders/{id}',
      application: ['Orders.Read.All', 'Orders.ReadWrite.All'],
      delegated: [],
    },
    {
      method: 'DELETE',
      path: '/orders/{id}',
      application: ['Orders.ReadWrite.All'],
      delegated: ['Orders.ReadWrite'],
      authContext: 'c2',
    },
  ],
}

let tenant: TestTenant
let other: TestTenant

beforeAll(async () => {
  tenant = await createTestTenant({ now: NOW })
  other = await createTestTenant({ now: NOW })
})

const mdeVerifier = (fetchImpl: typeof fetch = tenant.fetch) =>
  createVerifier({ audience: MDE, tenants: [tenant.tenantId], fetch: fetchImpl, now: fixedClock(NOW) })
const ordersVerifier = () =>
  createVerifier({
    audience: 'api://contoso-orders',
    tenants: [tenant.tenantId],
    fetch: tenant.fetch,
    now: fixedClock(NOW),
  })

const request = (url: string, token?: string, init: RequestInit = {}) =>
  new Request(url, {
    ...init,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(init.headers as Record<string, string> | undefined),
    },
  })

async function refusal(result: Awaited<ReturnType<typeof authorize>>) {
  if (result.ok) throw new Error('expected a refusal')
  return {
    status: result.response.status,
    headers: result.response.headers,
    body: (await result.response.json()) as { error: string; finding: string | null; fix: string },
    report: result.report,
  }
}

describe('authorize: RFC 6750 answers', () => {
  it('a good token with the permission passes and carries its Report', async () => {
    const token = await tenant.issueToken({ api: 'mde', roles: ['Machine.Isolate'] })
    const result = await authorize(
      mdeVerifier(),
      request('https://api.example/api/machines/1/isolate', token, { method: 'POST' }),
      ISOLATE,
    )
    expect(result.ok).toBe(true)
    expect(result.report?.verdict).toBe('works')
  })

  it('no credentials: 401 with a bare Bearer challenge (no error attribute), report null', async () => {
    const r = await refusal(await authorize(mdeVerifier(), request('https://api.example/x'), ISOLATE))
    expect(r.status).toBe(401)
    expect(r.headers.get('www-authenticate')).toBe('Bearer')
    expect(r.body).toMatchObject({ error: 'unauthorized', finding: null })
    expect(r.report).toBeNull()
  })

  it('another scheme counts as no bearer credentials; a realm is named when configured', async () => {
    const r = await refusal(
      await authorize(
        mdeVerifier(),
        request('https://api.example/x', undefined, { headers: { authorization: 'Basic dXNlcjpwYXNz' } }),
        ISOLATE,
        { realm: 'orders' },
      ),
    )
    expect(r.status).toBe(401)
    expect(r.headers.get('www-authenticate')).toBe('Bearer realm="orders"')
  })

  it('an expired token: 401 invalid_token, a sentence as error_description, the code in the body', async () => {
    const token = await tenant.issueToken({
      api: 'mde',
      roles: ['Machine.Isolate'],
      now: new Date(NOW.getTime() - 3 * 3600_000),
    })
    const r = await refusal(
      await authorize(mdeVerifier(), request('https://api.example/x', token, { method: 'POST' }), ISOLATE),
    )
    expect(r.status).toBe(401)
    expect(r.headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token", error_description="The access token was refused: expired."',
    )
    expect(r.body.finding).toBe('token-expired')
    expect(r.body.fix.length).toBeGreaterThan(0)
  })

  it("another tenant's token: 401 token-not-verified (the Report says tenant-not-allowed), no keys fetched", async () => {
    const token = await other.issueToken({ api: 'mde', roles: ['Machine.Isolate'] })
    other.clearRequests()
    const r = await refusal(
      await authorize(
        mdeVerifier(other.fetch),
        request('https://api.example/x', token, { method: 'POST' }),
        ISOLATE,
      ),
    )
    expect(r.status).toBe(401)
    expect(r.body.finding).toBe('token-not-verified')
    expect(r.report?.findings.map((f) => f.code)).toContain('tenant-not-allowed')
    expect(other.requests).toHaveLength(0)
  })

  it('a genuine token without the role: 403 insufficient_scope, scope naming what the operation needs', async () => {
    const token = await tenant.issueToken({ api: 'mde', roles: ['Machine.Read.All'] })
    const r = await refusal(
      await authorize(mdeVerifier(), request('https://api.example/x', token, { method: 'POST' }), ISOLATE),
    )
    expect(r.status).toBe(403)
    const challenge = r.headers.get('www-authenticate') ?? ''
    expect(challenge).toMatch(
      /^Bearer error="insufficient_scope", error_description="This operation needs [^"]*\.", scope="[^"]*"$/,
    )
    expect(/scope="([^"]*)"/.exec(challenge)?.[1]?.split(' ')).toContain('Machine.Isolate')
    expect(r.body).toMatchObject({ error: 'insufficient_scope', finding: 'permission-missing' })
  })

  it('403 says "and" for what is needed together: built-in alsoRequires, and require beside an operation', async () => {
    const challengeOf = async (requirement: HttpRequirement, roles: string[], path: string) => {
      const token = await tenant.issueToken({ api: 'mde', roles })
      const r = await refusal(
        await authorize(
          mdeVerifier(),
          request(`https://api.example${path}`, token, { method: 'POST' }),
          requirement,
        ),
      )
      expect(r.status).toBe(403)
      const description = /error_description="([^"]*)"/.exec(r.headers.get('www-authenticate') ?? '')?.[1]
      const scope = /scope="([^"]*)"/.exec(r.headers.get('www-authenticate') ?? '')?.[1]
      return { description, scope, fix: r.body.fix }
    }
    const stop = await challengeOf(
      { api: 'mde', operation: 'POST /api/machines/{id}/StopAndQuarantineFile' },
      ['Machine.StopAndQuarantine'],
      '/api/machines/1/StopAndQuarantineFile',
    )
    expect(stop.description).toBe(
      'This operation needs Machine.StopAndQuarantine and one of Machine.Read.All, Machine.ReadWrite.All.',
    )
    expect(stop.scope).toBe('Machine.StopAndQuarantine Machine.Read.All')
    expect(stop.fix).toMatch(/^This operation needs Machine\.StopAndQuarantine and one of /)
    const both = await challengeOf(
      { ...ISOLATE, require: ['Machine.Read.All'] },
      [],
      '/api/machines/1/isolate',
    )
    expect(both.description).toBe('This operation needs Machine.Isolate and Machine.Read.All.')
    expect(both.scope).toBe('Machine.Isolate Machine.Read.All')
  })

  it("Entra's keys unreachable: 503 with Retry-After, not 401", async () => {
    const token = await tenant.issueToken({ api: 'mde', roles: ['Machine.Isolate'] })
    const down = async (): Promise<Response> => {
      throw new TypeError('fetch failed')
    }
    const r = await refusal(
      await authorize(
        mdeVerifier(down),
        request('https://api.example/x', token, { method: 'POST' }),
        ISOLATE,
        { retryAfterSeconds: 12 },
      ),
    )
    expect(r.status).toBe(503)
    expect(r.headers.get('retry-after')).toBe('12')
    expect(r.headers.get('www-authenticate')).toBeNull()
    expect(r.body).toMatchObject({ error: 'temporarily_unavailable', finding: 'jwks-unavailable' })
  })

  it('a Graph token is refused as invalid for this API', async () => {
    const token = await tenant.issueToken({
      api: { audience: 'https://graph.microsoft.com' },
      roles: ['User.Read.All'],
      header: { nonce: 'abc' },
    })
    const r = await refusal(
      await authorize(mdeVerifier(), request('https://api.example/x', token, { method: 'POST' }), ISOLATE),
    )
    expect(r.status).toBe(401)
    expect(r.body.error).toBe('invalid_token')
  })

  it('CORS preflight without credentials passes through unverified; with credentials it is verified', async () => {
    const pre = await authorize(
      mdeVerifier(),
      request('https://api.example/x', undefined, {
        method: 'OPTIONS',
        headers: { 'access-control-request-method': 'POST' },
      }),
      ISOLATE,
    )
    expect(pre).toEqual({ ok: true, preflight: true, report: null })
    const withToken = await authorize(
      mdeVerifier(),
      request('https://api.example/x', 'not-a-token', { method: 'OPTIONS' }),
      ISOLATE,
    )
    expect(withToken.ok).toBe(false)
  })

  it('responses are not cacheable and are JSON', async () => {
    const r = await refusal(await authorize(mdeVerifier(), request('https://api.example/x'), ISOLATE))
    expect(r.headers.get('cache-control')).toBe('no-store')
    expect(r.headers.get('content-type')).toMatch(/^application\/json/)
  })
})

describe('authorize: the token is never echoed', () => {
  it('no refusal carries the token or any of its segments in headers or body', async () => {
    const expired = await tenant.issueToken({
      api: 'mde',
      roles: ['Machine.Isolate'],
      now: new Date(NOW.getTime() - 3 * 3600_000),
    })
    const noRole = await tenant.issueToken({ api: 'mde', roles: ['Machine.Read.All'] })
    const foreign = await other.issueToken({ api: 'mde', roles: ['Machine.Isolate'] })
    const forged = `${noRole.split('.').slice(0, 2).join('.')}.${'A'.repeat(342)}`
    const noAcrs = await tenant.issueToken({
      api: 'mde',
      roles: ['Machine.Isolate'],
      claims: { xms_cc: ['cp1'] },
    })
    const down = async (): Promise<Response> => {
      throw new TypeError('fetch failed')
    }
    const cases: [string, typeof fetch, HttpRequirement][] = [
      [expired, tenant.fetch, ISOLATE],
      [noRole, tenant.fetch, ISOLATE],
      [foreign, tenant.fetch, ISOLATE],
      [forged, tenant.fetch, ISOLATE],
      [noAcrs, tenant.fetch, { ...ISOLATE, authContext: 'c1' }],
      [noRole, down, ISOLATE],
      ['gXrb4ge.t0kzqQ.vAlu9', tenant.fetch, ISOLATE],
    ]
    const logged: unknown[] = []
    const original = {
      log: console.log,
      error: console.error,
      warn: console.warn,
      info: console.info,
      debug: console.debug,
    }
    for (const k of Object.keys(original) as (keyof typeof original)[])
      console[k] = (...args: unknown[]) => {
        logged.push(args)
      }
    try {
      for (const [token, fetchImpl, requirement] of cases) {
        const result = await authorize(
          mdeVerifier(fetchImpl),
          request('https://api.example/api/machines/1/isolate', token, { method: 'POST' }),
          requirement,
        )
        expect(result.ok).toBe(false)
        if (result.ok) continue
        const text = `${[...result.response.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${await result.response.text()}`
        for (const part of [token, ...token.split('.')]) expect(text).not.toContain(part)
      }
    } finally {
      Object.assign(console, original)
    }
    expect(logged).toEqual([])
  })
})

describe('authorize: Conditional Access auth context', () => {
  it("a user's token carrying the acrs value passes", async () => {
    const token = await tenant.issueToken({
      api: 'mde',
      kind: 'delegated',
      scopes: ['Machine.Isolate'],
      claims: { acrs: ['c1'] },
    })
    const result = await authorize(
      mdeVerifier(),
      request('https://api.example/x', token, { method: 'POST' }),
      { ...ISOLATE, authContext: 'c1' },
    )
    expect(result.ok).toBe(true)
  })

  it('without it, from a client that declared cp1: 401 insufficient_claims with the base64 claims request', async () => {
    const token = await tenant.issueToken({
      api: 'mde',
      kind: 'delegated',
      scopes: ['Machine.Isolate'],
      claims: { xms_cc: ['cp1'], acrs: ['c3'] },
    })
    const r = await refusal(
      await authorize(mdeVerifier(), request('https://api.example/x', token, { method: 'POST' }), {
        ...ISOLATE,
        authContext: 'c1',
      }),
    )
    expect(r.status).toBe(401)
    const challenge = r.headers.get('www-authenticate') ?? ''
    expect(challenge).toMatch(/error="insufficient_claims"/)
    const claims = /claims="([^"]+)"/.exec(challenge)?.[1] ?? ''
    expect(JSON.parse(atob(claims))).toEqual({ access_token: { acrs: { essential: true, value: 'c1' } } })
    expect(r.body).toMatchObject({ error: 'insufficient_claims', finding: 'auth-context-missing' })
  })

  it('an app-only token never satisfies an auth context, whatever acrs it carries: 403, no claims challenge', async () => {
    const token = await tenant.issueToken({
      api: 'mde',
      roles: ['Machine.Isolate'],
      claims: { acrs: ['c1'], xms_cc: ['cp1'] },
    })
    const r = await refusal(
      await authorize(mdeVerifier(), request('https://api.example/x', token, { method: 'POST' }), {
        ...ISOLATE,
        authContext: 'c1',
      }),
    )
    expect(r.status).toBe(403)
    expect(r.headers.get('www-authenticate')).not.toMatch(/claims=/)
    expect(r.body).toMatchObject({ error: 'insufficient_claims', finding: 'auth-context-missing' })
  })

  it('without it, from a client that cannot handle a claims challenge: 403 naming the auth context', async () => {
    const token = await tenant.issueToken({ api: 'mde', kind: 'delegated', scopes: ['Machine.Isolate'] })
    const r = await refusal(
      await authorize(mdeVerifier(), request('https://api.example/x', token, { method: 'POST' }), {
        ...ISOLATE,
        authContext: 'c1',
      }),
    )
    expect(r.status).toBe(403)
    expect(r.headers.get('www-authenticate')).not.toMatch(/claims=/)
    expect(r.body).toMatchObject({ error: 'insufficient_claims', finding: 'auth-context-missing' })
    expect(r.body.fix).toMatch(/\bc1\b/)
  })

  it("a catalog operation's own authContext applies to it ('from-request')", async () => {
    const req: HttpRequirement = { catalog: ORDERS, operation: 'from-request' }
    const plain = await tenant.issueToken({
      api: { audience: 'api://contoso-orders' },
      kind: 'delegated',
      scopes: ['Orders.ReadWrite'],
    })
    const stepped = await tenant.issueToken({
      api: { audience: 'api://contoso-orders' },
      kind: 'delegated',
      scopes: ['Orders.ReadWrite'],
      claims: { acrs: ['c2'] },
    })
    const appOnly = await tenant.issueToken({
      api: { audience: 'api://contoso-orders' },
      roles: ['Orders.ReadWrite.All'],
    })
    expect((await authorize(ordersVerifier(), request('https://o.example/orders/7', appOnly), req)).ok).toBe(
      true,
    )
    const del = await refusal(
      await authorize(
        ordersVerifier(),
        request('https://o.example/orders/7', plain, { method: 'DELETE' }),
        req,
      ),
    )
    expect(del.status).toBe(403)
    expect(del.body.finding).toBe('auth-context-missing')
    expect(
      (
        await authorize(
          ordersVerifier(),
          request('https://o.example/orders/7', stepped, { method: 'DELETE' }),
          req,
        )
      ).ok,
    ).toBe(true)
  })
})

describe("authorize: 'from-request'", () => {
  const req: HttpRequirement = { catalog: ORDERS, operation: 'from-request' }

  it('matches method and path (below mountPath) against the catalog templates', async () => {
    const reader = await tenant.issueToken({
      api: { audience: 'api://contoso-orders' },
      roles: ['Orders.Read.All'],
    })
    const ok = await authorize(ordersVerifier(), request('https://o.example/v1/orders/42?x=1', reader), req, {
      mountPath: '/v1',
    })
    expect(ok.ok).toBe(true)
    expect(ok.report?.permissions.operation).toBe('GET /orders/{id}')
    const del = await refusal(
      await authorize(
        ordersVerifier(),
        request('https://o.example/v1/orders/42', reader, { method: 'DELETE' }),
        req,
        { mountPath: '/v1' },
      ),
    )
    expect(del.status).toBe(403)
    expect(del.body.finding).toBe('permission-missing')
  })

  it('a request matching no template is refused with 403 (also outside the mount point)', async () => {
    const reader = await tenant.issueToken({
      api: { audience: 'api://contoso-orders' },
      roles: ['Orders.ReadWrite.All'],
    })
    for (const url of [
      'https://o.example/v1/admin',
      'https://o.example/v1/orders',
      'https://o.example/v2/orders/1',
      'https://o.example/v1x/orders/1',
    ]) {
      const r = await refusal(
        await authorize(ordersVerifier(), request(url, reader), req, { mountPath: '/v1' }),
      )
      expect(r.status, url).toBe(403)
      expect(r.body.finding, url).toBe('operation-unknown')
    }
    const put = await refusal(
      await authorize(
        ordersVerifier(),
        request('https://o.example/v1/orders/1', reader, { method: 'PUT' }),
        req,
        { mountPath: '/v1' },
      ),
    )
    expect(put.status).toBe(403)
  })

  it('HEAD needs what GET needs', async () => {
    const reader = await tenant.issueToken({
      api: { audience: 'api://contoso-orders' },
      roles: ['Orders.Read.All'],
    })
    const head = await authorize(
      ordersVerifier(),
      request('https://o.example/orders/1', reader, { method: 'HEAD' }),
      req,
    )
    expect(head.ok).toBe(true)
    expect(head.report?.permissions.operation).toBe('GET /orders/{id}')
  })

  it('a bad token on an unlisted route is still 401, not 403', async () => {
    const r = await refusal(
      await authorize(ordersVerifier(), request('https://o.example/admin', 'a.b.c'), req),
    )
    expect(r.status).toBe(401)
  })
})

describe('authorize: fails closed on the requirement', () => {
  it('an operation the catalog does not list is a configuration error (TypeError naming the field), never granted', async () => {
    const token = await tenant.issueToken({ api: 'mde', roles: ['Machine.Isolate', 'Machine.ReadWrite.All'] })
    await expect(
      authorize(mdeVerifier(), request('https://api.example/x', token), {
        api: 'mde',
        operation: 'GET /api/machinez',
      }),
    ).rejects.toThrow(/^authorize requirement\.operation: .*machinez/)
  })

  it('verify() itself refuses an unknown operation with operation-unknown as an error', async () => {
    const token = await tenant.issueToken({ api: 'mde', roles: ['Machine.Isolate'] })
    const report = await mdeVerifier().verify(token, { api: 'mde', operation: 'GET /api/machinez' })
    expect(report.verdict).toBe('refused')
    expect(report.findings.find((f) => f.code === 'operation-unknown')?.severity).toBe('error')
  })

  it('misconfiguration rejects with TypeError before anything is verified', async () => {
    const v = mdeVerifier()
    const r = request('https://api.example/x', 'x.y.z')
    await expect(authorize(v, r, { operation: 'from-request' })).rejects.toThrow(TypeError)
    await expect(authorize(v, r, { api: 'mde', scope: 'x' } as HttpRequirement)).rejects.toThrow(TypeError)
    await expect(authorize(v, r, { api: 'mde', authContext: 'mfa' })).rejects.toThrow(TypeError)
    await expect(
      authorize(v, r, { api: 'mde', require: 'Machine.Isolate' as unknown as string[] }),
    ).rejects.toThrow(TypeError)
    await expect(authorize(v, r, {}, { mountPath: 'api' })).rejects.toThrow(TypeError)
    await expect(authorize(v, r, {}, { retryAfterSeconds: 0 })).rejects.toThrow(TypeError)
  })
})
