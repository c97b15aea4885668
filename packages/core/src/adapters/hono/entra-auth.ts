import type { MiddlewareHandler } from 'hono'
import { basePath } from 'hono/route'
import { toResponse } from '../../http/answer.js'
import { guardRequest } from '../../http/guard.js'
import type { Report } from '../../report/report.js'
import { resolveEntraAuth, type EntraAuthOptions } from '../options.js'

/** The variables the middleware sets: `c.get('auth')` is the verified token's Report. */
export interface EntraAuthEnv {
  Variables: { auth: Report }
}

/**
 * Hono 4 middleware: on success `c.get('auth')` is the Report and the next handler runs; otherwise the RFC 6750
 * answer is returned. `'from-request'` matches the path below the base path of the sub-app it is mounted with
 * (`app.route('/api', sub)`).
 */
export function entraAuth(options: EntraAuthOptions): MiddlewareHandler<EntraAuthEnv> {
  const { verifier, requirement, settings } = resolveEntraAuth(options)
  return async (c, next) => {
    const outcome = await guardRequest(
      verifier,
      {
        method: c.req.method,
        path: c.req.path,
        authorization: c.req.header('authorization'),
      },
      requirement,
      { ...settings, mountPath: basePath(c) },
    )
    if (!outcome.ok) return toResponse(outcome.refusal)
    if (!outcome.preflight) c.set('auth', outcome.report)
    await next()
    return undefined
  }
}
