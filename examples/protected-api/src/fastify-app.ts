import type { Verifier } from '@claimcheck/core'
import { decorateAuth, entraAuth } from '@claimcheck/core/fastify'
// Opt-in typing of request.auth (the property entraAuth writes by default); getAuth(request) needs no augmentation.
import '@claimcheck/core/fastify/augment'
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify'
import { ORDERS_CATALOG } from './catalog.js'
import { orderBody, refundBody } from './orders.js'

/**
 * Fastify 5: the orders routes are a plugin whose preHandler hook is the protection; the plugin is registered under
 * two prefixes (/api and /v2/api), and 'from-request' matches the path below the prefix.
 */
export function createFastifyApp(verifier: Verifier): FastifyInstance {
  const app = Fastify({ logger: false })
  decorateAuth(app)
  const protect = entraAuth({ verifier, requirement: 'from-request', catalog: ORDERS_CATALOG })
  const orders: FastifyPluginAsync = async (api) => {
    api.addHook('preHandler', protect)
    api.get<{ Params: { id: string } }>('/orders', async (request) => [orderBody('1', request.auth)])
    api.get<{ Params: { id: string } }>('/orders/:id', async (request) =>
      orderBody(request.params.id, request.auth),
    )
    api.post<{ Params: { id: string } }>('/orders/:id/refund', async (request) =>
      refundBody(request.params.id, request.auth),
    )
    api.get('/admin/export', async () => ({ exported: true }))
    // Fastify runs no route hook for a path no route serves: the plugin's own not-found handler brings the guard
    // there, so an unknown path under /api is refused as an unknown operation (403), as on Express and Hono.
    api.setNotFoundHandler(async (_request, reply) => reply.code(404).send({ error: 'not_found' }))
  }
  void app.register(orders, { prefix: '/api' })
  void app.register(orders, { prefix: '/v2/api' })
  app.get('/me', { preHandler: entraAuth({ verifier }) }, async (request) => ({
    caller: request.auth?.token?.appId ?? null,
  }))
  app.get('/health', async () => ({ ok: true }))
  return app
}
