import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { guardRequest } from '../../http/guard.js'
import type { Report } from '../../report/report.js'
import { resolveEntraAuth, type EntraAuthOptions } from '../options.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified token's Report, set by entraAuth() (absent on a CORS preflight). */
    auth?: Report
  }
}

/** A Fastify preHandler hook; `this` is the instance it runs in (its `prefix` is the mount point). */
export type FastifyAuthHook = (
  this: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<FastifyReply | undefined>

/**
 * Fastify 5 preHandler: `{ preHandler: entraAuth(options) }` on a route, or `addHook('preHandler', …)` in a plugin.
 * On success `request.auth` is the Report; otherwise the RFC 6750 answer is sent. `'from-request'` matches the path
 * below the prefix of the plugin the hook runs in.
 */
export function entraAuth(options: EntraAuthOptions): FastifyAuthHook {
  const { verifier, requirement, settings } = resolveEntraAuth(options)
  return async function entraAuthPreHandler(
    this: FastifyInstance,
    request: FastifyRequest,
    reply: FastifyReply,
  ) {
    const query = request.url.indexOf('?')
    const path = query < 0 ? request.url : request.url.slice(0, query)
    const authorization = request.headers.authorization
    const outcome = await guardRequest(
      verifier,
      { method: request.method, path, authorization },
      requirement,
      {
        ...settings,
        mountPath: typeof this?.prefix === 'string' ? this.prefix : '',
      },
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
