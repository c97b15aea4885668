import type { Report } from '../report/report.js'
import { toResponse } from './answer.js'
import { guardRequest, type ReportVerifier } from './guard.js'
import { checkRequirement, type HttpRequirement } from './requirement.js'
import { resolveSettings, type AuthorizeOptions } from './settings.js'

export type AuthorizeResult =
  | { ok: true; preflight: false; report: Report }
  /** A CORS preflight (OPTIONS without credentials) passes through untouched: answer it with your CORS handling. */
  | { ok: true; preflight: true; report: null }
  /** Send `response` as it is. `report` is null when no bearer token was sent. */
  | { ok: false; report: Report | null; response: Response }

/**
 * Protects one request in any Fetch API runtime (Workers, Deno, Bun, Next.js route handlers): verifies its bearer
 * token against what the route needs and, when the answer is no, builds the RFC 6750 response. The token is never
 * echoed in that response, and nothing is logged. Misconfiguration (a bad requirement or option) rejects with a
 * TypeError; a bad token never does.
 */
export async function authorize(
  verifier: ReportVerifier,
  request: Request,
  requirement: HttpRequirement = {},
  options: AuthorizeOptions = {},
): Promise<AuthorizeResult> {
  const checked = checkRequirement(requirement)
  const settings = resolveSettings(options)
  const outcome = await guardRequest(
    verifier,
    {
      method: request.method,
      path: new URL(request.url).pathname,
      authorization: request.headers.get('authorization'),
    },
    checked,
    settings,
  )
  return outcome.ok ? outcome : { ok: false, report: outcome.report, response: toResponse(outcome.refusal) }
}
