/**
 * The HTTP matrix: every refusal and acceptance case × Express 5, Fastify 5, Hono 4 and Fetch (`authorize`), each
 * answer read as a client reads it — the status, the WWW-Authenticate header through an RFC 7235 parser, the JSON
 * body — and the router-path matrix (nested routers, prefixes with parameters, Fastify's router options, method
 * override). Servers listen on 127.0.0.1 only; tokens come from the testing kit; the clock is fixed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EntraAuthOptions } from '../../src/adapters/options.js'
import { assertCatalog, type PermissionCatalog } from '../../src/index.js'
import { createTestTenant, fixedClock, type TestTenant } from '../../src/testing/index.js'
import { FRAMEWORKS, start, type Answer, type Call, type Framework, type RunningApp } from './servers.js'
import { parseWwwAuthenticate, type Challenge } from './www-authenticate.js'

const NOW = new Date('2026-11-30T12:00:00Z')
const AUDIENCE = 'api://contoso-orders'
const API = { audience: AUDIENCE }
const ALLOWED_APP = '11111111-2222-4333-8444-555555555555'

const CATALOG: PermissionCatalog = {
  id: 'contoso-orders',
  name: 'Contoso Orders API',
  appId: '6e5d4c3b-2a19-4807-b6a5-948372615041',
  identifierUris: [AUDIENCE],
  hosts: ['orders.contoso.example'],
  permissions: [
    { value: 'Orders.Read.All', kind: 'application', id: null },
    { value: 'Orders.ReadWrite.All', kind: 'application', id: null, includes: ['Orders.Read.All'] },
    { value: 'Orders.Export', kind: 'application', id: null },
    { value: 'Orders.Admin', kind: 'application', id: null },
    { value: 'Files.Quarantine', kind: 'application', id: null },
    { value: 'Orders.Read', kind: 'delegated', id: null },
  ],
  operations: [
    // The broader permission listed first: `scope` must still name the least-privileged one (by `includes`).
    {
      method: 'GET',
      path: '/orders/{id}',
      application: ['Orders.ReadWrite.All', 'Orders.Read.All'],
      delegated: ['Orders.Read'],
    },
    { method: 'GET', path: '/orders/export', application: ['Orders.Export'], delegated: [] },
    { method: 'DELETE', path: '/orders/{id}', application: ['Orders.ReadWrite.All'], delegated: [] },
    {
      method: 'POST',
      path: '/orders/{id}/quarantine',
      application: ['Files.Quarantine'],
      delegated: [],
      alsoRequires: { application: [['Orders.Read.All', 'Orders.ReadWrite.All']] },
    },
    { method: 'GET', path: '/reports/{id}', application: [], delegated: ['Orders.Read'] },
    { method: 'GET', path: '/admin/orders/{id}', application: ['Orders.Admin'], delegated: [] },
    {
      method: 'POST',
      path: '/orders/{id}/refund',
      application: [],
      delegated: ['Orders.Read'],
      authContext: 'c1',
    },
  ],
}

let tenant: TestTenant
let other: TestTenant
const apps = new Map<string, RunningApp>()

function baseOptions(extra: Record<string, unknown> = {}): EntraAuthOptions {
  return {
    audience: AUDIENCE,
    tenants: [tenant.tenantId],
    fetch: tenant.fetch,
    now: fixedClock(NOW),
    requirement: 'from-request',
    catalog: CATALOG,
    ...extra,
  } as EntraAuthOptions
}

async function app(framework: Framework, variant = 'main', make?: () => EntraAuthOptions, shape = {}) {
  const key = `${framework}:${variant}`
  let running = apps.get(key)
  if (running === undefined) {
    running = await start(framework, (make ?? (() => baseOptions()))(), shape)
    apps.set(key, running)
  }
  return running
}

beforeAll(async () => {
  assertCatalog(CATALOG)
  tenant = await createTestTenant({ now: NOW })
  other = await createTestTenant({ now: NOW })
})
afterAll(async () => {
  for (const a of apps.values()) await a.close()
})

const bearer = (token: string): Call['headers'] => [['authorization', `Bearer ${token}`]]
const token = (roles: string[], extra: Record<string, unknown> = {}) =>
  tenant.issueToken({ api: API, roles, ...extra })

interface Read {
  status: number
  challenge: Challenge | null
  body: unknown
}

/** The answer as a client reads it: one Bearer challenge (RFC 7235), and the body as JSON when it is JSON. */
function read(a: Answer): Read {
  const header = a.headers['www-authenticate']
  let challenge: Challenge | null = null
  if (header !== undefined) {
    const list = parseWwwAuthenticate(header)
    expect(list).toHaveLength(1)
    challenge = list[0] as Challenge
    expect(challenge.scheme).toBe('Bearer')
    // RFC 6750 §3: error_description uses %x20-21 / %x23-5B / %x5D-7E only; it is a sentence, not a code.
    const description = challenge.params.error_description
    if (description !== undefined) {
      expect(description).toMatch(/^[\x20\x21\x23-\x5b\x5d-\x7e]+$/)
      expect(description).toMatch(/^[A-Z].*\.$/)
    }
  }
  let body: unknown = a.body
  if ((a.headers['content-type'] ?? '').startsWith('application/json')) {
    body = JSON.parse(a.body)
    // The body keeps exactly error, finding, fix.
    expect(Object.keys(body as object).sort()).toEqual(['error', 'finding', 'fix'])
  }
  return { status: a.status, challenge, body }
}

const ran = (r: Read) => JSON.parse(r.body as string) as { ran: string; judged: string | null }

describe.each(FRAMEWORKS)('HTTP matrix on %s', (framework) => {
  it('no header, or another scheme: 401 with a bare challenge', async () => {
    const a = await app(framework)
    for (const headers of [[], [['authorization', 'Basic dXNlcjpwYXNz']]] as Call['headers'][]) {
      const r = read(await a.call({ path: '/api/orders/1', headers }))
      expect(r.status).toBe(401)
      expect(r.challenge).toEqual({ scheme: 'Bearer', params: {}, token68: null })
      expect(r.body).toMatchObject({ error: 'unauthorized', finding: null })
    }
  })

  it('a good token with the permission: the handler runs for the operation judged', async () => {
    const a = await app(framework)
    const r = read(await a.call({ path: '/api/orders/1', headers: bearer(await token(['Orders.Read.All'])) }))
    expect(r.status).toBe(200)
    expect(ran(r)).toEqual({ ran: 'GET /orders/{id}', judged: 'GET /orders/{id}' })
  })

  it('malformed Authorization headers: 400 invalid_request with a sentence', async () => {
    const a = await app(framework)
    const good = await token(['Orders.Read.All'])
    const cases: Call['headers'][] = [
      [['authorization', `Bearer "${good}"`]],
      [['authorization', `Bearer ${good} ${good}`]],
      [['authorization', `Bearer Bearer ${good}`]],
      [['authorization', `Bearer Authorization: Bearer ${good}`]],
      [['authorization', 'Bearer']],
      [['authorization', `Bearer\t${good}`]],
      [['authorization', `Bearer ${good}!`]],
      [
        ['authorization', `Bearer ${good}`],
        ['authorization', `Bearer ${good}`],
      ],
    ]
    for (const headers of cases) {
      const r = read(await a.call({ path: '/api/orders/1', headers }))
      expect(r.status, JSON.stringify(headers).slice(0, 80)).toBe(400)
      expect(r.challenge?.params.error).toBe('invalid_request')
      expect(r.body).toMatchObject({ error: 'invalid_request', finding: 'authorization-header-invalid' })
      expect(JSON.stringify(r)).not.toContain(good.split('.')[2])
    }
  })

  it('an expired token: 401 invalid_token, a sentence, the code in the body', async () => {
    const a = await app(framework)
    const expired = await token(['Orders.Read.All'], { now: new Date(NOW.getTime() - 3 * 3600_000) })
    const r = read(await a.call({ path: '/api/orders/1', headers: bearer(expired) }))
    expect(r.status).toBe(401)
    expect(r.challenge?.params).toEqual({
      error: 'invalid_token',
      error_description: 'The access token was refused: expired.',
    })
    expect(r.body).toMatchObject({ error: 'invalid_token', finding: 'token-expired' })
  })

  it("a token for another API: the fix names this API's own scope, never a Defender one", async () => {
    const a = await app(framework)
    const mde = await tenant.issueToken({ api: 'mde', roles: ['Machine.Read.All'] })
    const r = read(await a.call({ path: '/api/orders/1', headers: bearer(mde) }))
    expect(r.status).toBe(401)
    const body = r.body as { finding: string; fix: string }
    expect(body.fix).toContain(`${AUDIENCE}/.default`)
    expect(body.fix).not.toContain('securitycenter')
  })

  it('no oracle: refused tenant, refused app, forged signature and unknown key answer identically', async () => {
    const a = await app(framework, 'apps', () => baseOptions({ clientApps: [ALLOWED_APP] }))
    const ok = await token(['Orders.Read.All'], { clientId: ALLOWED_APP })
    const [h, p] = ok.split('.')
    const forged = `${h}.${p}.${'A'.repeat(342)}`
    const foreignTenant = await other.issueToken({
      api: API,
      roles: ['Orders.Read.All'],
      clientId: ALLOWED_APP,
    })
    const foreignApp = await token(['Orders.Read.All'])
    const unknownKey = await token(['Orders.Read.All'], { clientId: ALLOWED_APP, signingKey: 'unpublished' })
    const good = read(await a.call({ path: '/api/orders/1', headers: bearer(ok) }))
    expect(good.status).toBe(200)
    const answers = []
    for (const t of [forged, foreignTenant, foreignApp, unknownKey]) {
      const raw = await a.call({ path: '/api/orders/1', headers: bearer(t) })
      answers.push({ status: raw.status, challenge: raw.headers['www-authenticate'], body: raw.body })
    }
    for (const x of answers) expect(x).toEqual(answers[0])
    const r = read({
      status: 401,
      headers: { 'www-authenticate': answers[0]?.challenge ?? '', 'content-type': 'application/json' },
      body: answers[0]?.body ?? '',
    })
    expect(r.status).toBe(401)
    expect(r.challenge?.params).toEqual({
      error: 'invalid_token',
      error_description: 'The access token could not be verified.',
    })
    expect(r.body).toMatchObject({ error: 'invalid_token', finding: 'token-not-verified' })
  })

  it('403 says what the engine decided, with a minimal scope (least-privileged by includes)', async () => {
    const a = await app(framework)
    const none = await token(['Orders.Export'])
    const r = read(await a.call({ path: '/api/orders/1', headers: bearer(none) }))
    expect(r.status).toBe(403)
    expect(r.challenge?.params).toEqual({
      error: 'insufficient_scope',
      error_description: 'This operation needs one of Orders.ReadWrite.All, Orders.Read.All.',
      scope: 'Orders.Read.All',
    })
    expect(r.body).toMatchObject({ error: 'insufficient_scope', finding: 'permission-missing' })
    expect((r.body as { fix: string }).fix).toMatch(
      /^This operation needs one of Orders\.ReadWrite\.All, Orders\.Read\.All\./,
    )
  })

  it('403 for permissions needed together says "and", never "one of" across them', async () => {
    const a = await app(framework)
    const half = await token(['Files.Quarantine'])
    const r = read(await a.call({ method: 'POST', path: '/api/orders/1/quarantine', headers: bearer(half) }))
    expect(r.status).toBe(403)
    expect(r.challenge?.params.error_description).toBe(
      'This operation needs Files.Quarantine and one of Orders.Read.All, Orders.ReadWrite.All.',
    )
    expect(r.challenge?.params.scope?.split(' ')).toEqual(['Files.Quarantine', 'Orders.Read.All'])
    const both = await token(['Files.Quarantine', 'Orders.ReadWrite.All'])
    const ok = read(await a.call({ method: 'POST', path: '/api/orders/1/quarantine', headers: bearer(both) }))
    expect(ok.status).toBe(200)
    expect(ran(ok).ran).toBe('POST /orders/{id}/quarantine')
  })

  it('a kind mismatch still names a scope: what the other kind needs', async () => {
    const a = await app(framework)
    const appOnly = await token(['Orders.Read.All'])
    const r = read(await a.call({ path: '/api/reports/1', headers: bearer(appOnly) }))
    expect(r.status).toBe(403)
    expect(r.body).toMatchObject({ finding: 'permission-kind-mismatch' })
    expect(r.challenge?.params.scope).toBe('Orders.Read')
  })

  it('a delegated token with the scope passes; the auth context decides step-up (401 cp1, 403 otherwise)', async () => {
    const a = await app(framework)
    const user = (claims: Record<string, string[]>) =>
      tenant.issueToken({ api: API, kind: 'delegated', scopes: ['Orders.Read'], claims })
    const read1 = read(await a.call({ path: '/api/orders/1', headers: bearer(await user({})) }))
    expect(read1.status).toBe(200)
    const stepped = read(
      await a.call({
        method: 'POST',
        path: '/api/orders/1/refund',
        headers: bearer(await user({ acrs: ['c1'] })),
      }),
    )
    expect(stepped.status).toBe(200)
    expect(ran(stepped).ran).toBe('POST /orders/{id}/refund')
    const cp1 = read(
      await a.call({
        method: 'POST',
        path: '/api/orders/1/refund',
        headers: bearer(await user({ xms_cc: ['cp1'] })),
      }),
    )
    expect(cp1.status).toBe(401)
    expect(cp1.challenge?.params.error).toBe('insufficient_claims')
    expect(JSON.parse(atob(cp1.challenge?.params.claims ?? ''))).toEqual({
      access_token: { acrs: { essential: true, value: 'c1' } },
    })
    const plain = read(
      await a.call({ method: 'POST', path: '/api/orders/1/refund', headers: bearer(await user({})) }),
    )
    expect(plain.status).toBe(403)
    expect(plain.challenge?.params).toEqual({
      error: 'insufficient_claims',
      error_description: 'This operation needs authentication context c1.',
    })
    expect(plain.body).toMatchObject({ error: 'insufficient_claims', finding: 'auth-context-missing' })
  })

  it('an unknown path under the protected prefix: 403 operation-unknown (a bad token there: 401)', async () => {
    const a = await app(framework)
    const good = await token(['Orders.ReadWrite.All'])
    const r = read(await a.call({ path: '/api/nothing/here', headers: bearer(good) }))
    expect(r.status).toBe(403)
    expect(r.body).toMatchObject({ error: 'insufficient_scope', finding: 'operation-unknown' })
    const bad = read(await a.call({ path: '/api/nothing/here', headers: bearer('a.b.c') }))
    expect(bad.status).toBe(401)
  })

  it('verification-failed (the verifier cannot finish): 500, never 401', async () => {
    const a = await app(framework, 'broken-clock', () => baseOptions({ now: () => new Date(Number.NaN) }))
    const r = read(await a.call({ path: '/api/orders/1', headers: bearer(await token(['Orders.Read.All'])) }))
    expect(r.status).toBe(500)
    expect(r.challenge).toBeNull()
    expect(r.body).toMatchObject({ error: 'server_error', finding: 'verification-failed' })
  })

  it("Entra's keys unreachable: 503 with Retry-After", async () => {
    const down = async (): Promise<Response> => {
      throw new TypeError('fetch failed')
    }
    const a = await app(framework, 'keys-down', () => baseOptions({ fetch: down, retryAfterSeconds: 7 }))
    const raw = await a.call({ path: '/api/orders/1', headers: bearer(await token(['Orders.Read.All'])) })
    const r = read(raw)
    expect(r.status).toBe(503)
    expect(raw.headers['retry-after']).toBe('7')
    expect(r.body).toMatchObject({ error: 'temporarily_unavailable', finding: 'jwks-unavailable' })
  })

  it('a method-override header the app has not applied: 400, never judged as the other method', async () => {
    const a = await app(framework)
    const reader = await token(['Orders.Read.All'])
    const r = read(
      await a.call({
        method: 'POST',
        path: '/api/orders/1',
        headers: [...(bearer(reader) ?? []), ['x-http-method-override', 'DELETE']],
      }),
    )
    expect(r.status).toBe(400)
    expect(r.challenge?.params.error).toBe('invalid_request')
  })
})

describe.each(['express', 'fastify', 'hono'] as const)('router-path matrix on %s', (framework) => {
  it('a nested router/plugin/sub-app is judged below the prefix where the guard was registered', async () => {
    const a = await app(framework)
    const reader = await token(['Orders.Read.All'])
    const refused = read(await a.call({ path: '/api/admin/orders/1', headers: bearer(reader) }))
    expect(refused.status).toBe(403)
    expect(refused.challenge?.params.scope).toBe('Orders.Admin')
    const admin = read(
      await a.call({ path: '/api/admin/orders/1', headers: bearer(await token(['Orders.Admin'])) }),
    )
    expect(admin.status).toBe(200)
    expect(ran(admin)).toEqual({ ran: 'GET /admin/orders/{id}', judged: 'GET /admin/orders/{id}' })
  })

  it('a prefix with a parameter (/t/:tenant) resolves to the path below it', async () => {
    const a = await app(framework)
    const r = read(
      await a.call({ path: '/t/acme/orders/1', headers: bearer(await token(['Orders.Read.All'])) }),
    )
    expect(r.status).toBe(200)
    expect(ran(r)).toEqual({ ran: 'GET /orders/{id}', judged: 'GET /orders/{id}' })
  })

  it('the operation judged is always the route that ran (";", literal routes, case, trailing slash)', async () => {
    const a = await app(framework)
    const all = await token(['Orders.ReadWrite.All', 'Orders.Export'])
    for (const path of ['/api/orders/export', '/api/orders/export;x', '/api/orders/7;x', '/api/orders/1/']) {
      const r = read(await a.call({ path, headers: bearer(all) }))
      // The router ran nothing (Fastify without ignoreTrailingSlash): a 404, or the guard's 403 in the plugin's
      // not-found handler. Nothing ran, so nothing to compare.
      if (r.status === 404 || (r.body as { finding?: string }).finding === 'operation-unknown') continue
      expect(r.status, path).toBe(200)
      const { ran: handler, judged } = ran(r)
      expect(judged, path).toBe(handler)
    }
  })

  it('with a method override applied before the guard, the overridden method is judged', async () => {
    if (framework === 'fastify') return // Fastify routes before any hook: see servers.ts
    const a = await app(framework, 'override', () => baseOptions(), { overrideBeforeGuard: true })
    const reader = await token(['Orders.Read.All'])
    const call = (t: string) =>
      a.call({
        method: 'POST',
        path: '/api/orders/1',
        headers: [...(bearer(t) ?? []), ['x-http-method-override', 'DELETE']],
      })
    const r = read(await call(reader))
    expect(r.status).toBe(403)
    expect(r.challenge?.params.scope).toBe('Orders.ReadWrite.All')
    const writer = read(await call(await token(['Orders.ReadWrite.All'])))
    expect(writer.status).toBe(200)
    expect(ran(writer)).toEqual({ ran: 'DELETE /orders/{id}', judged: 'DELETE /orders/{id}' })
  })
})

describe('router-path matrix: Fastify router options', () => {
  const fastifyWith = (variant: string, routing: Record<string, boolean>) =>
    app('fastify', variant, () => baseOptions(), { fastify: routing })

  it('useSemicolonDelimiter: /api/orders/export;x runs the export handler and is judged as it', async () => {
    const a = await fastifyWith('semicolon', { useSemicolonDelimiter: true })
    const reader = await token(['Orders.Read.All'])
    const r = read(await a.call({ path: '/api/orders/export;x', headers: bearer(reader) }))
    expect(r.status).toBe(403)
    expect(r.challenge?.params.scope).toBe('Orders.Export')
    const exporter = read(
      await a.call({ path: '/api/orders/export;x', headers: bearer(await token(['Orders.Export'])) }),
    )
    expect(ran(exporter)).toEqual({ ran: 'GET /orders/export', judged: 'GET /orders/export' })
  })

  it('ignoreTrailingSlash and caseSensitive: false: judged as the route the router picked', async () => {
    const a = await fastifyWith('lenient', { ignoreTrailingSlash: true, caseSensitive: false })
    const reader = await token(['Orders.Read.All'])
    for (const path of ['/api/orders/1/', '/API/Orders/1', '/api/ADMIN/orders/1/']) {
      const r = read(await a.call({ path, headers: bearer(reader) }))
      if (path.includes('ADMIN')) {
        expect(r.status, path).toBe(403)
        expect(r.challenge?.params.scope, path).toBe('Orders.Admin')
      } else {
        expect(r.status, path).toBe(200)
        expect(ran(r), path).toEqual({ ran: 'GET /orders/{id}', judged: 'GET /orders/{id}' })
      }
    }
  })
})
