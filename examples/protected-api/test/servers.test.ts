import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createVerifier, type Verifier } from '@claimcheck/core'
import { createTestTenant, fixedClock, type TestTenant } from '@claimcheck/core/testing'
import { ORDERS_AUDIENCE } from '../src/catalog.js'
import { FRAMEWORKS, start, type Running } from './start.js'

const NOW = new Date('2026-11-30T12:00:00Z')
const api = { audience: ORDERS_AUDIENCE }

let tenant: TestTenant
let stranger: TestTenant
beforeAll(async () => {
  tenant = await createTestTenant({ now: NOW })
  stranger = await createTestTenant({ now: NOW })
})

const verifierFor = (fetchImpl: typeof fetch): Verifier =>
  createVerifier({
    audience: ORDERS_AUDIENCE,
    tenants: [tenant.tenantId],
    fetch: fetchImpl,
    now: fixedClock(NOW),
  })

interface Answer {
  status: number
  challenge: string | null
  retryAfter: string | null
  body: {
    error?: string
    finding?: string | null
    fix?: string
    caller?: string | null
    operation?: string | null
  }
  raw: string
}

async function call(origin: string, method: string, path: string, token?: string): Promise<Answer> {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  })
  const text = await res.text()
  const raw = `${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${text}`
  let body: Answer['body'] = {}
  try {
    body = JSON.parse(text) as Answer['body']
  } catch {
    /* not JSON: body stays empty */
  }
  return {
    status: res.status,
    challenge: res.headers.get('www-authenticate'),
    retryAfter: res.headers.get('retry-after'),
    body,
    raw,
  }
}

/** The token (or any of its three segments) must never come back. */
function expectNotEchoed(answer: Answer, token: string): void {
  for (const part of [token, ...token.split('.')]) expect(answer.raw).not.toContain(part)
}

describe.each(FRAMEWORKS)('%s example on 127.0.0.1', (framework) => {
  let server: Running
  let down: Running
  beforeAll(async () => {
    server = await start(framework, verifierFor(tenant.fetch))
    down = await start(
      framework,
      verifierFor(async () => {
        throw new TypeError('fetch failed: Entra unreachable')
      }),
    )
  })
  afterAll(async () => {
    await server.close()
    await down.close()
  })

  it('a good token: 200, and the Report reaches the handler', async () => {
    const token = await tenant.issueToken({ api, roles: ['Orders.Read.All'] })
    const a = await call(server.origin, 'GET', '/api/orders/42', token)
    expect(a.status).toBe(200)
    expect(a.body).toMatchObject({ caller: tenant.clientId, operation: 'GET /orders/{id}' })
    expect((await call(server.origin, 'GET', '/me', token)).status).toBe(200)
  })

  it('a mounted router: paths are matched relative to its mount point (/api and /v2/api alike)', async () => {
    const token = await tenant.issueToken({ api, version: '2.0', roles: ['Orders.Read.All'] })
    for (const path of ['/api/orders', '/v2/api/orders/7']) {
      const a = await call(server.origin, 'GET', path, token)
      expect(a.status, path).toBe(200)
    }
    expect((await call(server.origin, 'GET', '/v2/api/orders/7', token)).body.operation).toBe(
      'GET /orders/{id}',
    )
  })

  it('no token: 401 with a bare Bearer challenge', async () => {
    const a = await call(server.origin, 'GET', '/api/orders/42')
    expect(a.status).toBe(401)
    expect(a.challenge).toBe('Bearer')
    expect(a.body).toMatchObject({ error: 'unauthorized', finding: null })
  })

  it('an expired token: 401 invalid_token', async () => {
    const token = await tenant.issueToken({
      api,
      roles: ['Orders.Read.All'],
      now: new Date(NOW.getTime() - 2 * 3600_000),
    })
    const a = await call(server.origin, 'GET', '/api/orders/42', token)
    expect(a.status).toBe(401)
    expect(a.challenge).toMatch(
      /^Bearer error="invalid_token", error_description="The access token was refused: expired\."$/,
    )
    expect(a.body).toMatchObject({ error: 'invalid_token', finding: 'token-expired' })
    expectNotEchoed(a, token)
  })

  it("another tenant's token: 401 invalid_token, token-not-verified (no oracle of the allowed tenants)", async () => {
    const token = await stranger.issueToken({ api, roles: ['Orders.Read.All'] })
    const a = await call(server.origin, 'GET', '/api/orders/42', token)
    expect(a.status).toBe(401)
    expect(a.body).toMatchObject({ error: 'invalid_token', finding: 'token-not-verified' })
    expectNotEchoed(a, token)
  })

  it('a missing role: 403 insufficient_scope naming it', async () => {
    const token = await tenant.issueToken({ api, roles: ['Orders.Read.All'] })
    const a = await call(server.origin, 'POST', '/api/orders/42/refund', token)
    expect(a.status).toBe(403)
    expect(a.challenge).toMatch(/error="insufficient_scope"/)
    expect(/scope="([^"]*)"/.exec(a.challenge ?? '')?.[1]?.split(' ')).toContain('Orders.ReadWrite.All')
    expectNotEchoed(a, token)
  })

  it("'from-request': a route the catalog does not list is refused with 403 before its handler runs", async () => {
    const token = await tenant.issueToken({ api, roles: ['Orders.ReadWrite.All'] })
    const a = await call(server.origin, 'GET', '/api/admin/export', token)
    expect(a.status).toBe(403)
    expect(a.body).toMatchObject({ error: 'insufficient_scope', finding: 'operation-unknown' })
    expect(a.raw).not.toContain('exported')
  })

  it('a path no route serves, under the protected prefix: 403 operation-unknown on every framework', async () => {
    const token = await tenant.issueToken({ api, roles: ['Orders.ReadWrite.All'] })
    const a = await call(server.origin, 'GET', '/api/no/such/route', token)
    expect(a.status).toBe(403)
    expect(a.body).toMatchObject({ error: 'insufficient_scope', finding: 'operation-unknown' })
  })

  it("a missing auth context on a user's token: 401 insufficient_claims with the claims request when xms_cc has cp1", async () => {
    const token = await tenant.issueToken({
      api,
      kind: 'delegated',
      scopes: ['Orders.ReadWrite'],
      claims: { xms_cc: ['cp1'] },
    })
    const a = await call(server.origin, 'POST', '/api/orders/42/refund', token)
    expect(a.status).toBe(401)
    expect(a.challenge).toMatch(/error="insufficient_claims"/)
    const claims = /claims="([^"]+)"/.exec(a.challenge ?? '')?.[1] ?? ''
    expect(JSON.parse(atob(claims))).toEqual({ access_token: { acrs: { essential: true, value: 'c1' } } })
    expectNotEchoed(a, token)
  })

  it('a missing auth context without cp1: 403 naming the auth context; with acrs c1: 200; app-only: never', async () => {
    const plain = await tenant.issueToken({ api, kind: 'delegated', scopes: ['Orders.ReadWrite'] })
    const a = await call(server.origin, 'POST', '/api/orders/42/refund', plain)
    expect(a.status).toBe(403)
    expect(a.body).toMatchObject({ error: 'insufficient_claims', finding: 'auth-context-missing' })
    expect(a.body.fix).toMatch(/\bc1\b/)
    const stepped = await tenant.issueToken({
      api,
      kind: 'delegated',
      scopes: ['Orders.ReadWrite'],
      claims: { acrs: ['c1'] },
    })
    expect((await call(server.origin, 'POST', '/api/orders/42/refund', stepped)).status).toBe(200)
    // An application has no sign-in to step up: acrs on an app-only token satisfies nothing.
    const app = await tenant.issueToken({ api, roles: ['Orders.ReadWrite.All'], claims: { acrs: ['c1'] } })
    expect((await call(server.origin, 'POST', '/api/orders/42/refund', app)).status).toBe(403)
  })

  it('Entra unreachable: 503 with Retry-After', async () => {
    const token = await tenant.issueToken({ api, roles: ['Orders.Read.All'] })
    const a = await call(down.origin, 'GET', '/api/orders/42', token)
    expect(a.status).toBe(503)
    expect(Number(a.retryAfter)).toBeGreaterThan(0)
    expect(a.body).toMatchObject({ error: 'temporarily_unavailable' })
    expectNotEchoed(a, token)
  })

  it('a CORS preflight without credentials is not challenged', async () => {
    const res = await fetch(`${server.origin}/api/orders/42`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'GET' },
    })
    expect(res.status).not.toBe(401)
    expect(res.headers.get('www-authenticate')).toBeNull()
  })

  it('public routes stay public', async () => {
    expect((await call(server.origin, 'GET', '/health')).status).toBe(200)
  })
})
