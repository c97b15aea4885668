import type { Context, Handler, MiddlewareHandler } from 'hono'
import { basePath } from 'hono/route'
import { toResponse } from '../../http/answer.js'
import { METHOD_OVERRIDE_HEADERS } from '../../http/method-override.js'
import { answerRefusal, answerResponse, protectRequest } from '../../http/protect.js'
import {
  protectedResourceMetadata,
  resourceMetadataPath,
  type ProtectedResourceMetadataOptions,
} from '../../http/protected-resource.js'
import type { Report } from '../../report/report.js'
import { recallAuth, rememberAuth } from '../auth-store.js'
import { resolveEntraAuth, type EntraAuthOptions } from '../options.js'
import { honoRoutePath } from './route-path.js'

/** The variables the middleware sets: `c.get('auth')` is the verified token's Report. */
export interface EntraAuthEnv {
  Variables: { auth: Report }
}

/**
 * The Report entraAuth set on this context, whatever `requestProperty` is: undefined without one (no token with
 * `credentialsRequired: false`, a CORS preflight, or a route entraAuth does not protect).
 */
export function getAuth(c: Context): Report | undefined {
  return recallAuth(c)
}

/**
 * Hono 4 middleware: on success `c.get(requestProperty)` (default `auth`) is the Report and the next handler runs;
 * otherwise the RFC 6750 answer is returned. `'from-request'` matches the path below the base path of the sub-app
 * it is mounted with (`app.route('/api', sub)`).
 */
export function entraAuth(options: EntraAuthOptions<Context>): MiddlewareHandler<EntraAuthEnv> {
  const { verifier, requirement, settings, extras } = resolveEntraAuth<Context>(options)
  const { protect, requestProperty } = extras
  return async (c, next) => {
    const outcome = await protectRequest(
      verifier,
      {
        method: c.req.method,
        path: honoRoutePath(c.req.path, basePath(c)),
        // Fetch's Headers joins repeated headers with ', ': the credentials reader refuses that.
        authorization: c.req.header('authorization'),
        methodOverride: METHOD_OVERRIDE_HEADERS.map((h) => c.req.header(h)),
      },
      requirement,
      { ...settings, mountPath: '' },
      protect,
    )
    if (!outcome.ok) {
      if (protect.onRefused === undefined) return toResponse(outcome.refusal)
      return answerResponse(await answerRefusal(protect, outcome.refusal, outcome.report, c))
    }
    if (outcome.report !== null) {
      rememberAuth(c, outcome.report)
      c.set(requestProperty as 'auth', outcome.report)
    }
    await next()
    return undefined
  }
}

/** Serves `protectedResourceMetadata(options)`: `app.get(handler.path, handler)`. */
export function protectedResourceHandler(
  options: ProtectedResourceMetadataOptions,
): Handler & { readonly path: string } {
  const metadata = JSON.stringify(protectedResourceMetadata(options))
  const handler: Handler = () =>
    new Response(metadata, {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=3600' },
    })
  return Object.assign(handler, { path: resourceMetadataPath(options.resource) })
}
