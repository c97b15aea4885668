import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { guardRequest } from '../../http/guard.js'
import { METHOD_OVERRIDE_HEADERS } from '../../http/method-override.js'
import type { Report } from '../../index.js'
import { resolveEntraAuth, type EntraAuthOptions } from '../options.js'
import { fastifyRoutePath } from './route-path.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified token's Report, set by entraAuth() (absent on a CORS preflight). */
    auth?: Report
  }
}

/** A Fastify preHandler hook; `this` is the instance of the route it runs for. */
export type FastifyAuthHook = (
  this: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<FastifyReply | undefined>

/**
 * Fastify 5 preHandler: `{ preHandler: entraAuth(options) }` on a route, or `addHook('preHandler', …)` in a plugin.
 * On success `request.auth` is the Report; otherwise the RFC 6750 answer is sent. `'from-request'` matches the route
 * the router ran, below the prefix of the instance the hook was registered on (route-path.ts). A path under that
 * prefix that no route serves reaches the hook only through the plugin's own not-found handler
 * (`setNotFoundHandler` inside the plugin): then it is refused as an unknown operation (403).
 */
export function entraAuth(options: EntraAuthOptions): FastifyAuthHook {
  const { verifier, requirement, settings } = resolveEntraAuth(options)
  return async function entraAuthPreHandler(
    this: FastifyInstance,
    request: FastifyRequest,
    reply: FastifyReply,
  ) {
    const header = (name: string): string | undefined => {
      const value = request.headers[name]
      return Array.isArray(value) ? value.join(',') : value
    }
    const outcome = await guardRequest(
      verifier,
      {
        method: request.method,
        path: fastifyRoutePath(this, entraAuthPreHandler, request),
        // Node keeps only the first Authorization in `headers`; headersDistinct has them all.
        authorization: request.raw.headersDistinct?.authorization ?? request.headers.authorization,
        methodOverride: METHOD_OVERRIDE_HEADERS.map(header),
      },
      requirement,
      { ...settings, mountPath: '' },
    )
    if (outcome.ok) {
      if (!outcome.preflight) request.auth = outcome.report
      return undefined
    }
    return reply
      .code(outcome.refusal.status)
      .headers(outcome.refusal.headers)
      .send(JSON.stringify(outcome.refusal.body))
  }
}
