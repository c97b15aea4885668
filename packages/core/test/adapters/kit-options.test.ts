import { request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express5 from 'express'
import express4 from 'express4'
import Fastify from 'fastify'
import { Hono, type Context } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as expressAdapter from '../../src/adapters/express/index.js'
import * as fastifyAdapter from '../../src/adapters/fastify/index.js'
import * as honoAdapter from '../../src/adapters/hono/index.js'
import { authorize, requireClaims, requireRoles, requireScopes } from '../../src/http/index.js'
import { createVerifier, type PermissionCatalog, type Report, type Verifier } from '../../src/index.js'
import { createTestTenant, fixedClock, type TestTenant } from '../../src/testing/index.js'

// Every adapter option of issue 21 on Express 4, Express 5, Fastify, Hono and the Fetch API (authorize), against
// the same routes: Express on real servers on 127.0.0.1 (the Host header is sent as the caller chooses), Fastify by
// inject, Hono and authorize through the Fetch API.

const NOW = new Date('2026-11-30T12:00:00Z')
const AUDIENCE = 'api://orders'
const RESOURCE = 'https://mcp.contoso.example/mcp'
const METADATA_URL = 'https://mcp.contoso.example/.well-known/oauth-protected-resource/mcp'

const CATALOG: PermissionCatalog = {
  id: 'orders',
  name: 'Orders',
  appId: null,
  identifierUris: [AUDIENCE],
  hosts: [],
  permissions: [
    { value: 'Orders.Read', kind: 'delegated', id: null },
    { value: 'Orders.Write', kind: 'delegated', id: null },
    { value: 'Orders.Read.All', kind: 'application', id: null },
  ],
  operations: [
    { method: 'GET', path: '/orders', application: ['Orders.Read.All'], delegated: ['Orders.Read'] },
  ],
}

interface Reply {
  status: number
  headers: Record<string, string>
  body: string
}
type Options = Record<string, unknown>
interface Started {
  call(path: string, headers?: Record<string, string>): Promise<Reply>
  close(): Promise<void>
}
interface Harness {
  name: string
  /** The path the framework hands onRefused, read from its request object. */
  pathOf(request: unknown): string
  start(options: Options): Promise<Started>
}

const lower = (h: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), String(v)]))

function viaHttp(server: Server): Started {
  const { port } = server.address() as AddressInfo
  return {
    call: (path, headers = {}) =>
      new Promise((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
          let body = ''
          res.setEncoding('utf8')
          res.on('data', (c: string) => (body += c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: lower(res.headers), body }))
        })
        req.on('error', reject)
        req.end()
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

const bodyOf = (report: Report | undefined | null, prop: unknown, auth: unknown) => ({
  getAuth: report?.verdict ?? null,
  prop: (prop as Report | undefined | null)?.verdict ?? null,
  auth: (auth as Report | undefined | null)?.verdict ?? null,
})

function expressHarness(name: string, make: () => ReturnType<typeof express5>): Harness {
  return {
    name,
    pathOf: (req) => (req as { path: string }).path,
    async start(options) {
      const app = make()
      const prop = (options.requestProperty as string | undefined) ?? 'auth'
      app.get('/mcp', expressAdapter.entraAuth(options as never), (req, res) => {
        const r = req as unknown as Record<string, unknown>
        res.json(bodyOf(expressAdapter.getAuth(req), r[prop], r.auth))
      })
      const handler = expressAdapter.protectedResourceHandler({ resource: RESOURCE, tenants: ['t'] })
      app.get(handler.path, handler)
      const server = await new Promise<Server>((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s))
      })
      return viaHttp(server)
    },
  }
}

const harnesses: Harness[] = [
  expressHarness('Express 4', () => express4() as unknown as ReturnType<typeof express5>),
  expressHarness('Express 5', () => express5()),
  {
    name: 'Fastify',
    pathOf: (req) => (req as { url: string }).url,
    async start(options) {
      const app = Fastify()
      const prop = (options.requestProperty as string | undefined) ?? 'auth'
      fastifyAdapter.decorateAuth(app, prop)
      app.get('/mcp', { preHandler: fastifyAdapter.entraAuth(options as never) }, async (request) => {
        const r = request as unknown as Record<string, unknown>
        return bodyOf(fastifyAdapter.getAuth(request), r[prop], r.auth)
      })
      const handler = fastifyAdapter.protectedResourceHandler({ resource: RESOURCE })
      app.get(handler.path, handler)
      await app.ready()
      return {
        async call(path, headers = {}) {
          const res = await app.inject({ method: 'GET', url: path, headers })
          return { status: res.statusCode, headers: lower(res.headers), body: res.body }
        },
        close: () => app.close(),
      }
    },
  },
  {
    name: 'Hono',
    pathOf: (c) => (c as Context).req.path,
    async start(options) {
      const app = new Hono()
      const prop = (options.requestProperty as string | undefined) ?? 'auth'
      app.get('/mcp', honoAdapter.entraAuth(options as never), (c) => {
        const get = c.get as (key: string) => unknown
        return c.json(bodyOf(honoAdapter.getAuth(c), get(prop), get('auth')))
      })
      const handler = honoAdapter.protectedResourceHandler({ resource: RESOURCE })
      app.get(handler.path, handler)
      return {
        async call(path, headers = {}) {
          const res = await app.request(`http://127.0.0.1${path}`, { headers })
          return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() }
        },
        close: async () => undefined,
      }
    },
  },
  {
    name: 'Fetch (authorize)',
    pathOf: (req) => new URL((req as Request).url).pathname,
    async start(options) {
      const { verifier, requirement, requestProperty: _p, ...rest } = options
      return {
        async call(path, headers = {}) {
          const result = await authorize(
            verifier as Verifier,
            new Request(`http://127.0.0.1${path}`, { headers }),
            (requirement ?? {}) as never,
            rest as never,
          )
          if (!result.ok)
            return {
              status: result.response.status,
              headers: Object.fromEntries(result.response.headers),
              body: await result.response.text(),
            }
          return {
            status: 200,
            headers: {},
            body: JSON.stringify(bodyOf(result.report, result.report, result.report)),
          }
        },
        close: async () => undefined,
      }
    },
  },
]

let tenant: TestTenant
let verifier: Verifier
let read: string
let readWrite: string
let appOnly: string
let expired: string

beforeAll(async () => {
  tenant = await createTestTenant({ now: NOW })
  verifier = createVerifier({
    audience: AUDIENCE,
    tenants: [tenant.tenantId],
    fetch: tenant.fetch,
    now: fixedClock(NOW),
  })
  const api = { audience: AUDIENCE }
  read = await tenant.issueToken({ api, kind: 'delegated', scopes: ['Orders.Read'], version: '2.0' })
  readWrite = await tenant.issueToken({
    api,
    kind: 'delegated',
    scopes: ['Orders.Read', 'Orders.Write'],
    version: '2.0',
  })
  appOnly = await tenant.issueToken({ api, roles: ['Orders.Read.All'], version: '2.0' })
  expired = await tenant.issueToken({
    api,
    kind: 'delegated',
    scopes: ['Orders.Read'],
    version: '2.0',
    now: new Date(NOW.getTime() - 5 * 3600_000),
  })
})

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const json = (r: Reply) => JSON.parse(r.body) as Record<string, unknown>

for (const h of harnesses) {
  describe(`issue 21 adapter options on ${h.name}`, () => {
    const open: Started[] = []
    const start = async (options: Options) => {
      const s = await h.start({ verifier, ...options })
      open.push(s)
      return s
    }
    afterAll(async () => {
      for (const s of open) await s.close()
    })

    it('onRefused sees the refusal and the Report (null without a token); undefined keeps the answer', async () => {
      const seen: { status: number; report: Report | null; path: string }[] = []
      const s = await start({
        onRefused: (refusal: { status: number; report: Report | null }, request: unknown) => {
          seen.push({ status: refusal.status, report: refusal.report, path: h.pathOf(request) })
          return undefined
        },
      })
      const none = await s.call('/mcp')
      expect(none.status).toBe(401)
      expect(none.headers['www-authenticate']).toBe('Bearer')
      const bad = await s.call('/mcp', bearer(expired))
      expect(bad.status).toBe(401)
      expect(json(bad).finding).toBe('token-expired')
      expect((await s.call('/mcp', bearer(read))).status).toBe(200)
      expect(seen.map((e) => [e.status, e.report === null, e.path])).toEqual([
        [401, true, '/mcp'],
        [401, false, '/mcp'],
      ])
      expect(seen[1]?.report?.findings.some((f) => f.code === 'token-expired')).toBe(true)
    })

    it('onRefused may replace the answer (plain object or Response)', async () => {
      const plain = await start({ onRefused: () => ({ status: 418, body: { teapot: true } }) })
      const r1 = await plain.call('/mcp')
      expect(r1.status).toBe(418)
      expect(json(r1)).toEqual({ teapot: true })
      expect(r1.headers['content-type']).toMatch(/^application\/json/)
      const fetchy = await start({
        onRefused: (refusal: { status: number }) =>
          new Response(`refused ${refusal.status}`, { status: 401, headers: { 'x-why': 'logged' } }),
      })
      const r2 = await fetchy.call('/mcp', bearer(expired))
      expect([r2.status, r2.body, r2.headers['x-why']]).toEqual([401, 'refused 401', 'logged'])
    })

    it('credentialsRequired: false lets a request without a token through, still refuses a bad one', async () => {
      const s = await start({ credentialsRequired: false })
      const anonymous = await s.call('/mcp')
      expect(anonymous.status).toBe(200)
      expect(json(anonymous)).toEqual({ getAuth: null, prop: null, auth: null })
      expect((await s.call('/mcp', bearer(expired))).status).toBe(401)
      const good = await s.call('/mcp', bearer(read))
      expect([good.status, json(good).getAuth]).toEqual([200, 'works'])
    })

    if (h.name !== 'Fetch (authorize)') {
      it('requestProperty names where the Report goes; getAuth reads it whatever the name', async () => {
        const s = await start({ requestProperty: 'claimcheck' })
        expect(json(await s.call('/mcp', bearer(read)))).toEqual({
          getAuth: 'works',
          prop: 'works',
          auth: null,
        })
        const byDefault = await start({})
        expect(json(await byDefault.call('/mcp', bearer(read)))).toEqual({
          getAuth: 'works',
          prop: 'works',
          auth: 'works',
        })
        await expect(h.start({ verifier, requestProperty: '__proto__' })).rejects.toThrow(TypeError)
        await expect(h.start({ verifier, requestProperty: 'headers' })).rejects.toThrow(TypeError)
      })
    }

    it('requireScopes: all by default, any with { any: true }; 403 insufficient_scope naming them', async () => {
      const all = await start({ checks: [requireScopes(['Orders.Read', 'Orders.Write'])] })
      const refused = await all.call('/mcp', bearer(read))
      expect(refused.status).toBe(403)
      expect(refused.headers['www-authenticate']).toBe(
        'Bearer error="insufficient_scope", error_description="This operation needs Orders.Read and Orders.Write.", scope="Orders.Read Orders.Write"',
      )
      expect(json(refused)).toMatchObject({ error: 'insufficient_scope', finding: 'permission-missing' })
      expect((await all.call('/mcp', bearer(readWrite))).status).toBe(200)
      const any = await start({ checks: [requireScopes(['Orders.Write', 'Orders.Read'], { any: true })] })
      expect((await any.call('/mcp', bearer(read))).status).toBe(200)
      expect((await any.call('/mcp', bearer(appOnly))).status).toBe(403)
    })

    it('requireRoles and requireClaims, composed with a catalog requirement', async () => {
      const s = await start({
        requirement: { catalog: CATALOG, operation: 'GET /orders' },
        checks: [requireRoles(['Orders.Read.All']), requireClaims((c) => c.tid === tenant.tenantId)],
      })
      expect((await s.call('/mcp', bearer(appOnly))).status).toBe(200)
      const delegated = await s.call('/mcp', bearer(read)) // the catalog grants it; requireRoles does not
      expect(delegated.status).toBe(403)
      expect(delegated.headers['www-authenticate']).toContain('scope="Orders.Read.All"')
      const strange = await start({ checks: [requireClaims((c) => c.tid === 'someone-else')] })
      const refused = await strange.call('/mcp', bearer(read))
      expect(refused.status).toBe(403)
      expect(refused.headers['www-authenticate']).toBe(
        'Bearer error="insufficient_scope", error_description="The token does not meet a condition of this route on its claims."',
      )
      const throws = await start({
        checks: [
          requireClaims(() => {
            throw new Error('boom')
          }),
        ],
      })
      expect((await throws.call('/mcp', bearer(read))).status).toBe(403)
    })

    it('protectedResource: every 401 names resource_metadata from the option, never from Host', async () => {
      const s = await start({ protectedResource: { resource: RESOURCE } })
      const forged = { host: 'evil.example' }
      const none = await s.call('/mcp', forged)
      expect(none.headers['www-authenticate']).toBe(`Bearer resource_metadata="${METADATA_URL}"`)
      const bad = await s.call('/mcp', { ...forged, ...bearer(expired) })
      expect(bad.headers['www-authenticate']).toBe(
        `Bearer error="invalid_token", error_description="The access token was refused: expired.", resource_metadata="${METADATA_URL}"`,
      )
      const scoped = await start({ protectedResource: { resource: RESOURCE }, checks: [requireRoles(['X'])] })
      expect((await scoped.call('/mcp', bearer(read))).headers['www-authenticate']).not.toContain(
        'resource_metadata',
      )
      // Adapters check it when the middleware is made; authorize, whose options come with each call, on the call.
      const misconfigured = async () =>
        (await h.start({ verifier, protectedResource: { resource: 'http://mcp.example' } })).call('/mcp')
      await expect(misconfigured()).rejects.toThrow(TypeError)
    })

    if (h.name !== 'Fetch (authorize)') {
      it('the metadata handler serves the RFC 9728 document at the §3.1 path', async () => {
        const s = await start({})
        const r = await s.call('/.well-known/oauth-protected-resource/mcp', { host: 'evil.example' })
        expect(r.status).toBe(200)
        expect(json(r)).toMatchObject({ resource: RESOURCE, bearer_methods_supported: ['header'] })
      })

      it('a misspelt adapter option beside { verifier } throws, naming it', async () => {
        await expect(h.start({ verifier, onRefuse: () => undefined })).rejects.toThrow(TypeError)
      })
    }
  })
}
