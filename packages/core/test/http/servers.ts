/**
 * The same protected API on each framework, for the HTTP matrix: a `/api` mount with the guard registered on it,
 * a nested `/admin` router/plugin/sub-app, and a `/t/:tenant` mount (a prefix with a parameter). Every handler
 * answers which route ran, so a test can hold the operation judged against the handler that ran.
 */
import { request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import type expressType from 'express'
import Fastify, { type FastifyInstance } from 'fastify'
import { Hono } from 'hono'
import { entraAuth as expressAuth } from '../../src/adapters/express/index.js'
import { entraAuth as fastifyAuth, getAuth as fastifyGetAuth } from '../../src/adapters/fastify/index.js'
import { entraAuth as honoAuth, type EntraAuthEnv } from '../../src/adapters/hono/index.js'
import type { EntraAuthOptions } from '../../src/adapters/options.js'
import { authorize } from '../../src/http/index.js'
import type { Report } from '../../src/index.js'

export type Framework = 'express' | 'fastify' | 'hono' | 'fetch'
export const FRAMEWORKS: readonly Framework[] = ['express', 'fastify', 'hono', 'fetch']

export interface Answer {
  status: number
  headers: Record<string, string>
  body: string
}

export interface Call {
  method?: string
  path: string
  /** Header lines in order; a name may repeat (two Authorization headers). */
  headers?: readonly (readonly [string, string])[]
}

export interface RunningApp {
  call(c: Call): Promise<Answer>
  close(): Promise<void>
}

/** The routes, as `handler name → catalog operation it serves` (what the judged operation must be). */
const ran = (name: string, report: Report | undefined) =>
  JSON.stringify({ ran: name, judged: report?.permissions.operation ?? null })

/** Fastify router options the router-path matrix turns on. */
export interface FastifyRouting {
  useSemicolonDelimiter?: boolean
  ignoreTrailingSlash?: boolean
  caseSensitive?: boolean
}

/** What runs before the guard: a method-override applied by the app (as Express's method-override does). */
export interface AppShape {
  overrideBeforeGuard?: boolean
  fastify?: FastifyRouting
}

function nodeCall(base: string, c: Call): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(c.path, base)
    const req = httpRequest(url, { method: c.method ?? 'GET' }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => {
        const headers: Record<string, string> = {}
        for (const [k, v] of Object.entries(res.headers))
          headers[k] = Array.isArray(v) ? v.join(', ') : (v ?? '')
        resolve({ status: res.statusCode ?? 0, headers, body })
      })
    })
    req.on('error', reject)
    // Repeated names are sent as separate header lines (an array value), as a client or proxy might.
    const grouped = new Map<string, string[]>()
    for (const [k, v] of c.headers ?? []) grouped.set(k, [...(grouped.get(k) ?? []), v])
    for (const [k, v] of grouped) req.setHeader(k, v.length === 1 ? (v[0] as string) : v)
    req.end()
  })
}

async function fetchAnswer(res: Response): Promise<Answer> {
  const headers: Record<string, string> = {}
  res.headers.forEach((v, k) => (headers[k] = v))
  return { status: res.status, headers, body: await res.text() }
}

function fetchRequest(c: Call): Request {
  const headers = new Headers()
  for (const [k, v] of c.headers ?? []) headers.append(k, v)
  return new Request(new URL(c.path, 'http://api.test'), { method: c.method ?? 'GET', headers })
}

const applyOverride = (method: string, header: string | null | undefined): string =>
  method === 'POST' && typeof header === 'string' && header !== '' ? header.toUpperCase() : method

/**
 * Express through Node's require, with one repair: this package's vitest conditions include 'import' (for its own
 * ESM sources), and Node applies them to CommonJS packages too, so Express's router would require() is-promise's
 * ESM build and get no function (examples/protected-api/vite.config.ts leaves 'import' out for this reason). The
 * CommonJS build is put in the require cache under the path the router resolves.
 */
function loadExpress(): typeof expressType {
  const fromCore = createRequire(import.meta.url)
  const fromExpress = createRequire(fromCore.resolve('express'))
  const fromRouter = createRequire(fromExpress.resolve('router'))
  const resolved = fromRouter.resolve('is-promise')
  const cjs = resolved.replace(/index\.mjs$/, 'index.js')
  if (resolved !== cjs) {
    const isPromise = fromRouter(cjs) as unknown
    const cache = fromRouter.cache as Record<string, unknown>
    cache[resolved] = {
      id: resolved,
      filename: resolved,
      loaded: true,
      exports: isPromise,
      children: [],
      paths: [],
    }
  }
  return fromCore('express') as typeof expressType
}
const express = loadExpress()

export async function startExpress(options: EntraAuthOptions, shape: AppShape = {}): Promise<RunningApp> {
  const app = express()
  if (shape.overrideBeforeGuard) {
    app.use((req, _res, next) => {
      req.method = applyOverride(req.method, req.get('x-http-method-override'))
      next()
    })
  }
  const guard = expressAuth(options)
  const api = express.Router()
  api.use(guard)
  api.get('/orders/export', (req, res) => void res.send(ran('GET /orders/export', req.auth)))
  api.get('/orders/:id', (req, res) => void res.send(ran('GET /orders/{id}', req.auth)))
  api.delete('/orders/:id', (req, res) => void res.send(ran('DELETE /orders/{id}', req.auth)))
  api.post(
    '/orders/:id/quarantine',
    (req, res) => void res.send(ran('POST /orders/{id}/quarantine', req.auth)),
  )
  api.get('/reports/:id', (req, res) => void res.send(ran('GET /reports/{id}', req.auth)))
  api.post('/orders/:id/refund', (req, res) => void res.send(ran('POST /orders/{id}/refund', req.auth)))
  const admin = express.Router()
  admin.get('/orders/:id', (req, res) => void res.send(ran('GET /admin/orders/{id}', req.auth)))
  api.use('/admin', admin)
  app.use('/api', api)
  const tenant = express.Router()
  tenant.use(guard)
  tenant.get('/orders/:id', (req, res) => void res.send(ran('GET /orders/{id}', req.auth)))
  app.use('/t/:tenant', tenant)
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    call: (c) => nodeCall(base, c),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export async function startFastify(options: EntraAuthOptions, shape: AppShape = {}): Promise<RunningApp> {
  const routing = shape.fastify ?? {}
  const app: FastifyInstance = Fastify({ routerOptions: { ...routing } })
  // No override-before-the-guard shape here: Fastify routes before its first hook, so an override in a hook would
  // run another method's handler whatever the guard judged. Fastify apps refuse the header (400) instead.
  const guard = fastifyAuth(options)
  await app.register(
    async (api) => {
      api.addHook('preHandler', guard)
      api.get('/orders/export', async (req) => ran('GET /orders/export', fastifyGetAuth(req)))
      api.get('/orders/:id', async (req) => ran('GET /orders/{id}', fastifyGetAuth(req)))
      api.delete('/orders/:id', async (req) => ran('DELETE /orders/{id}', fastifyGetAuth(req)))
      api.post('/orders/:id/quarantine', async (req) =>
        ran('POST /orders/{id}/quarantine', fastifyGetAuth(req)),
      )
      api.get('/reports/:id', async (req) => ran('GET /reports/{id}', fastifyGetAuth(req)))
      api.post('/orders/:id/refund', async (req) => ran('POST /orders/{id}/refund', fastifyGetAuth(req)))
      await api.register(
        async (admin) => {
          admin.get('/orders/:id', async (req) => ran('GET /admin/orders/{id}', fastifyGetAuth(req)))
        },
        { prefix: '/admin' },
      )
      // Fastify runs no route hook for a path no route serves; the plugin's own not-found handler brings the
      // guard to those paths, so they are answered as unknown operations (403) as on the other frameworks.
      api.setNotFoundHandler(async (_req, reply) => reply.code(404).send('not found'))
    },
    { prefix: '/api' },
  )
  await app.register(
    async (t) => {
      t.get('/orders/:id', { preHandler: guard }, async (req) => ran('GET /orders/{id}', fastifyGetAuth(req)))
    },
    { prefix: '/t/:tenant' },
  )
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  return { call: (c) => nodeCall(base, c), close: () => app.close() }
}

export async function startHono(options: EntraAuthOptions, shape: AppShape = {}): Promise<RunningApp> {
  const app = new Hono<EntraAuthEnv>()
  const guard = honoAuth(options)
  const api = new Hono<EntraAuthEnv>()
  api.use('*', guard)
  api.get('/orders/export', (c) => c.text(ran('GET /orders/export', c.get('auth'))))
  api.get('/orders/:id', (c) => c.text(ran('GET /orders/{id}', c.get('auth'))))
  api.delete('/orders/:id', (c) => c.text(ran('DELETE /orders/{id}', c.get('auth'))))
  api.post('/orders/:id/quarantine', (c) => c.text(ran('POST /orders/{id}/quarantine', c.get('auth'))))
  api.get('/reports/:id', (c) => c.text(ran('GET /reports/{id}', c.get('auth'))))
  api.post('/orders/:id/refund', (c) => c.text(ran('POST /orders/{id}/refund', c.get('auth'))))
  const admin = new Hono<EntraAuthEnv>()
  admin.get('/orders/:id', (c) => c.text(ran('GET /admin/orders/{id}', c.get('auth'))))
  api.route('/admin', admin)
  app.route('/api', api)
  const tenant = new Hono<EntraAuthEnv>()
  tenant.use('*', guard)
  tenant.get('/orders/:id', (c) => c.text(ran('GET /orders/{id}', c.get('auth'))))
  app.route('/t/:tenant', tenant)
  const fetchApp = shape.overrideBeforeGuard
    ? (r: Request) =>
        app.fetch(
          new Request(r, { method: applyOverride(r.method, r.headers.get('x-http-method-override')) }),
        )
    : (r: Request) => app.fetch(r)
  return { call: async (c) => fetchAnswer(await fetchApp(fetchRequest(c))), close: async () => undefined }
}

/**
 * A Fetch-API handler over `authorize`, mounted at `/api` (mountPath): it judges the URL path below the mount,
 * and (as a route handler would) names the route it serves by the operation judged.
 */
export async function startFetch(options: EntraAuthOptions): Promise<RunningApp> {
  const {
    requirement,
    catalog,
    api: _api,
    realm,
    retryAfterSeconds,
    ...rest
  } = options as unknown as Record<string, unknown>
  void _api
  const settings = {
    mountPath: '/api',
    ...(typeof realm === 'string' ? { realm } : {}),
    ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
  }
  const verifier =
    'verifier' in rest
      ? (rest.verifier as Parameters<typeof authorize>[0])
      : (await import('../../src/index.js')).createVerifier(rest as never)
  const http = requirement === 'from-request' ? { operation: 'from-request', catalog } : (requirement ?? {})
  return {
    async call(c) {
      const result = await authorize(verifier, fetchRequest(c), http as never, settings)
      if (!result.ok) return fetchAnswer(result.response)
      return {
        status: 200,
        headers: {},
        body: ran(result.report?.permissions.operation ?? '?', result.report ?? undefined),
      }
    },
    close: async () => undefined,
  }
}

export function start(
  framework: Framework,
  options: EntraAuthOptions,
  shape: AppShape = {},
): Promise<RunningApp> {
  switch (framework) {
    case 'express':
      return startExpress(options, shape)
    case 'fastify':
      return startFastify(options, shape)
    case 'hono':
      return startHono(options, shape)
    case 'fetch':
      return startFetch(options)
  }
}
