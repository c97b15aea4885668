import { METHOD_OVERRIDE_HEADERS } from '../../http/method-override.js'
import { answerRefusal, protectRequest, type Answer } from '../../http/protect.js'
import {
  protectedResourceMetadata,
  resourceMetadataPath,
  type ProtectedResourceMetadataOptions,
} from '../../http/protected-resource.js'
import type { Report } from '../../report/report.js'
import { recallAuth, rememberAuth } from '../auth-store.js'
import { resolveEntraAuth, type EntraAuthOptions } from '../options.js'
import { expressRoutePath } from './route-path.js'

/** The parts of Express's request the middleware reads and writes (typed structurally: express is not imported). */
export interface ExpressAuthRequest {
  method: string
  /** Relative to where the router is mounted (Express strips `req.baseUrl`). */
  path: string
  headers: { authorization?: string | undefined; [name: string]: string | string[] | undefined }
  /** Node ≥ 18.3 keeps repeated headers apart here (`headers` keeps only the first Authorization). */
  headersDistinct?: Record<string, string[] | undefined>
}

/** The parts of Node's ServerResponse the middleware uses to refuse. */
export interface ExpressAuthResponse {
  headersSent: boolean
  statusCode: number
  setHeader(name: string, value: string): unknown
  end(chunk: string): unknown
}

export type ExpressAuthMiddleware = (
  req: ExpressAuthRequest,
  res: ExpressAuthResponse,
  next: (err?: unknown) => void,
) => void

function send(res: ExpressAuthResponse, answer: Answer): void {
  if (res.headersSent) return
  res.statusCode = answer.status
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value)
  res.end(answer.body)
}

const headerText = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value.join(',') : value

/**
 * The Report entraAuth set on this request, whatever `requestProperty` is: undefined without one (no token with
 * `credentialsRequired: false`, a CORS preflight, or a route entraAuth does not protect).
 */
export function getAuth(req: object): Report | undefined {
  return recallAuth(req)
}

/**
 * Express middleware (4 and 5): verifies the bearer token against what the route needs; on success `req.auth` is the
 * Report and the next handler runs, otherwise the RFC 6750 answer is sent. `'from-request'` matches the path below
 * where the middleware is registered (route-path.ts).
 */
export function entraAuth<Req extends ExpressAuthRequest = ExpressAuthRequest>(
  options: EntraAuthOptions<Req>,
): ExpressAuthMiddleware {
  const { verifier, requirement, settings, extras } = resolveEntraAuth<Req>(options)
  const { protect, requestProperty } = extras
  return (req, res, next) => {
    protectRequest(
      verifier,
      {
        method: req.method,
        path: expressRoutePath(req),
        authorization: req.headersDistinct?.authorization ?? req.headers.authorization,
        methodOverride: METHOD_OVERRIDE_HEADERS.map((h) => headerText(req.headers[h])),
      },
      requirement,
      { ...settings, mountPath: '' },
      protect,
    )
      .then(async (outcome) => {
        if (!outcome.ok)
          return send(res, await answerRefusal(protect, outcome.refusal, outcome.report, req as Req))
        if (outcome.report !== null) {
          rememberAuth(req, outcome.report)
          ;(req as unknown as Record<string, unknown>)[requestProperty] = outcome.report
        }
        next()
      })
      .catch(next)
  }
}

/** A handler for the RFC 9728 metadata; mount it at its `path`: `app.get(handler.path, handler)`. */
export type ExpressMetadataHandler = ((req: unknown, res: ExpressAuthResponse) => void) & {
  readonly path: string
}

/** Serves `protectedResourceMetadata(options)` as JSON (checked once, here: misconfiguration throws TypeError). */
export function protectedResourceHandler(options: ProtectedResourceMetadataOptions): ExpressMetadataHandler {
  const metadata = JSON.stringify(protectedResourceMetadata(options))
  const handler = (_req: unknown, res: ExpressAuthResponse): void => {
    res.statusCode = 200
    res.setHeader('content-type', 'application/json; charset=utf-8')
    res.setHeader('cache-control', 'max-age=3600')
    res.end(metadata)
  }
  return Object.assign(handler, { path: resourceMetadataPath(options.resource) })
}
