import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { METHOD_OVERRIDE_HEADERS } from '../../http/method-override.js'
import { answerRefusal, protectRequest } from '../../http/protect.js'
import {
  protectedResourceMetadata,
  resourceMetadataPath,
  type ProtectedResourceMetadataOptions,
} from '../../http/protected-resource.js'
import type { Report } from '../../report/report.js'
import { recallAuth, rememberAuth } from '../auth-store.js'
import { resolveEntraAuth, type EntraAuthOptions } from '../options.js'
import { fastifyRoutePath } from './route-path.js'

/** A Fastify preHandler hook; `this` is the instance of the route it runs for. */
export type FastifyAuthHook = (
  this: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<FastifyReply | undefined>

/**
 * The Report entraAuth set on this request, whatever `requestProperty` is: undefined without one (no token with
 * `credentialsRequired: false`, a CORS preflight, or a route entraAuth does not protect).
 */
export function getAuth(request: FastifyRequest): Report | undefined {
  return recallAuth(request)
}

/**
 * Fastify 5 preHandler: `{ preHandler: entraAuth(options) }` on a route, or `addHook('preHandler', …)` in a plugin.
 * On success `request[requestProperty]` (default `auth`) is the Report; otherwise the RFC 6750 answer is sent.
 * `'from-request'` matches the route the router ran, below the prefix of the instance the hook was registered on
 * (route-path.ts). A path under that prefix that no route serves reaches the hook only through the plugin's own
 * not-found handler (`setNotFoundHandler` inside the plugin): then it is refused as an unknown operation (403).
 */
export function entraAuth(options: EntraAuthOptions<FastifyRequest>): FastifyAuthHook {
  const { verifier, requirement, settings, extras } = resolveEntraAuth<FastifyRequest>(options)
  const { protect, requestProperty } = extras
  return async function entraAuthPreHandler(
    this: FastifyInstance,
    request: FastifyRequest,
    reply: FastifyReply,
  ) {
    const header = (name: string): string | undefined => {
      const value = request.headers[name]
      return Array.isArray(value) ? value.join(',') : value
    }
    const outcome = await protectRequest(
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
      protect,
    )
    if (outcome.ok) {
      if (outcome.report !== null) {
        rememberAuth(request, outcome.report)
        ;(request as unknown as Record<string, unknown>)[requestProperty] = outcome.report
      }
      return undefined
    }
    const answer = await answerRefusal(protect, outcome.refusal, outcome.report, request)
    return reply.code(answer.status).headers(answer.headers).send(answer.body)
  }
}

/**
 * Registers the request property with `decorateRequest` (call it before the server starts): Fastify keeps request
 * objects one shape when the property exists from the start. Pass the same name as `requestProperty`.
 */
export function decorateAuth(fastify: FastifyInstance, requestProperty = 'auth'): void {
  if (!fastify.hasRequestDecorator(requestProperty)) fastify.decorateRequest(requestProperty, null)
}

/** Serves `protectedResourceMetadata(options)`: `fastify.get(handler.path, handler)`. */
export function protectedResourceHandler(
  options: ProtectedResourceMetadataOptions,
): ((request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) & { readonly path: string } {
  const metadata = JSON.stringify(protectedResourceMetadata(options))
  const handler = async (_request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> =>
    reply
      .code(200)
      .headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=3600' })
      .send(metadata)
  return Object.assign(handler, { path: resourceMetadataPath(options.resource) })
}
