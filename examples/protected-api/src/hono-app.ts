import type { Verifier } from '@claimcheck/core'
import { entraAuth, type EntraAuthEnv } from '@claimcheck/core/hono'
import { Hono } from 'hono'
import { ORDERS_CATALOG } from './catalog.js'
import { orderBody, refundBody } from './orders.js'

/**
 * Hono 4: the orders sub-app is protected as a whole and mounted twice with app.route (/api and /v2/api);
 * 'from-request' matches the path below the sub-app's base path. Runs on Node (@hono/node-server), Workers, Deno, Bun.
 */
export function createHonoApp(verifier: Verifier): Hono<EntraAuthEnv> {
  const api = new Hono<EntraAuthEnv>()
  api.use('*', entraAuth({ verifier, requirement: 'from-request', catalog: ORDERS_CATALOG }))
  api.get('/orders', (c) => c.json([orderBody('1', c.get('auth'))]))
  api.get('/orders/:id', (c) => c.json(orderBody(c.req.param('id'), c.get('auth'))))
  api.post('/orders/:id/refund', (c) => c.json(refundBody(c.req.param('id'), c.get('auth'))))
  api.get('/admin/export', (c) => c.json({ exported: true }))

  const app = new Hono<EntraAuthEnv>()
  app.route('/api', api)
  app.route('/v2/api', api)
  app.get('/me', entraAuth({ verifier }), (c) => c.json({ caller: c.get('auth').token?.appId ?? null }))
  app.get('/health', (c) => c.json({ ok: true }))
  return app
}
