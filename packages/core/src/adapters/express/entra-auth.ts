import type { Refusal } from '../../http/answer.js'
import { guardRequest } from '../../http/guard.js'
import type { Report } from '../../report/report.js'
import { resolveEntraAuth, type EntraAuthOptions } from '../options.js'

/** The parts of Express's request the middleware reads and writes (typed structurally: express is not imported). */
export interface ExpressAuthRequest {
  method: string
  /** Relative to where the router is mounted (Express strips `req.baseUrl`). */
  path: string
  headers: { authorization?: string | undefined }
  auth?: Report
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

declare global {
  // Express declares its Request in this global namespace; merging `auth` here types `req.auth` in handlers.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The verified token's Report, set by entraAuth() (absent on a CORS preflight). */
      auth?: Report
    }
  }
}

function send(res: ExpressAuthResponse, refusal: Refusal): void {
  if (res.headersSent) return
  res.statusCode = refusal.status
  for (const [name, value] of Object.entries(refusal.headers)) res.setHeader(name, value)
  res.end(JSON.stringify(refusal.body))
}

/**
 * Express middleware (4 and 5): verifies the bearer token against what the route needs; on success `req.auth` is the
 * Report and the next handler runs, otherwise the RFC 6750 answer is sent. `'from-request'` matches `req.path`, which
 * Express makes relative to the router's mount point.
 */
export function entraAuth(options: EntraAuthOptions): ExpressAuthMiddleware {
  const { verifier, requirement, settings } = resolveEntraAuth(options)
  return (req, res, next) => {
    guardRequest(
      verifier,
      { method: req.method, path: req.path, authorization: req.headers.authorization },
      requirement,
      { ...settings, mountPath: '' },
    ).then((outcome) => {
      if (!outcome.ok) return send(res, outcome.refusal)
      if (!outcome.preflight) req.auth = outcome.report
      next()
    }, next)
  }
}
