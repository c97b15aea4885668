/* global process, console, fetch, Response */
// The installed package serving real requests on 127.0.0.1 through each adapter and through authorize(), with
// tokens and Entra's endpoints from the package's own testing kit (no network).
import { createServer } from 'node:http'
import { createAdaptorServer } from '@hono/node-server'
import { createVerifier } from '@claimcheck/core'
import { entraAuth as expressAuth } from '@claimcheck/core/express'
import { entraAuth as fastifyAuth } from '@claimcheck/core/fastify'
import { entraAuth as honoAuth } from '@claimcheck/core/hono'
import { authorize } from '@claimcheck/core/http'
import { createTestTenant } from '@claimcheck/core/testing'
import express from 'express'
import Fastify from 'fastify'
import { Hono } from 'hono'

const tenant = await createTestTenant()
const audience = 'api://orders'
const catalog = {
  id: 'orders',
  name: 'Orders',
  appId: null,
  identifierUris: [audience],
  hosts: [],
  permissions: [{ value: 'Orders.Read.All', kind: 'application', id: null }],
  operations: [{ method: 'GET', path: '/orders/{id}', application: ['Orders.Read.All'], delegated: [] }],
}
const verifier = createVerifier({ audience, tenants: [tenant.tenantId], fetch: tenant.fetch })
const options = { verifier, requirement: 'from-request', catalog }

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
const servers = {}
const e = express()
e.use('/api', expressAuth(options))
e.get('/api/orders/:id', (req, res) => {
  res.json({ verdict: req.auth?.verdict })
})
servers.express = await listen(createServer(e))
const f = Fastify()
await f.register(
  async (api) => {
    api.addHook('preHandler', fastifyAuth(options))
    api.get('/orders/:id', async (request) => ({ verdict: request.auth?.verdict }))
    // A route Fastify knows but the catalog does not list (Fastify answers 404 for unknown routes before any hook).
    api.get('/orders', async () => ({ listed: false }))
  },
  { prefix: '/api' },
)
await f.listen({ port: 0, host: '127.0.0.1' })
servers.fastify = f.server
const sub = new Hono()
sub.use('*', honoAuth(options))
sub.get('/orders/:id', (c) => c.json({ verdict: c.get('auth').verdict }))
const h = new Hono().route('/api', sub)
servers.hono = await listen(createAdaptorServer({ fetch: h.fetch }))
servers.fetch = await listen(
  createAdaptorServer({
    fetch: async (request) => {
      const result = await authorize(
        verifier,
        request,
        { catalog, operation: 'from-request' },
        { mountPath: '/api' },
      )
      return result.ok ? Response.json({ verdict: result.report?.verdict }) : result.response
    },
  }),
)

const good = await tenant.issueToken({ api: { audience }, roles: ['Orders.Read.All'] })
let failed = false
for (const [name, server] of Object.entries(servers)) {
  const origin = `http://127.0.0.1:${server.address().port}`
  const checks = [
    ['good token', '/api/orders/1', good, 200],
    ['no token', '/api/orders/1', undefined, 401],
    ['unlisted route', '/api/orders', good, 403],
  ]
  for (const [what, path, token, status] of checks) {
    const res = await fetch(origin + path, { headers: token ? { authorization: `Bearer ${token}` } : {} })
    const body = await res.text()
    const ok = res.status === status && !body.includes(good.split('.')[2])
    failed ||= !ok
    console.log(`${ok ? 'ok' : 'FAIL'} ${name}: ${what} -> ${res.status}`)
  }
}
await f.close()
for (const server of [servers.express, servers.hono, servers.fetch]) server.close()
if (failed) process.exit(1)
