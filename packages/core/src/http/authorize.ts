import type { Report } from '../index.js'
import { toResponse } from './answer.js'
import type { ReportVerifier } from './guard.js'
import {
  answerRefusal,
  answerResponse,
  protectRequest,
  resolveProtect,
  splitProtectOptions,
  type ProtectOptions,
} from './protect.js'
import { checkRequirement, type HttpRequirement } from './requirement.js'
import { resolveSettings, type AuthorizeOptions } from './settings.js'

export type AuthorizeResult =
  | { ok: true; preflight: false; report: Report }
  /** A CORS preflight (OPTIONS without credentials) passes through untouched: answer it with your CORS handling. */
  | { ok: true; preflight: true; report: null }
  /** Send `response` as it is. `report` is null when no bearer token was sent. */
  | { ok: false; report: Report | null; response: Response }

/** With `credentialsRequired: false`, a request without bearer credentials also passes, with no Report. */
export type OptionalAuthorizeResult = AuthorizeResult | { ok: true; preflight: false; report: null }

/**
 * Protects one request in any Fetch API runtime (Workers, Deno, Bun, Next.js route handlers): verifies its bearer
 * token against what the route needs and, when the answer is no, builds the RFC 6750 response. The token is never
 * echoed in that response, and nothing is logged. Misconfiguration (a bad requirement or option) rejects with a
 * TypeError; a bad token never does.
 */
export async function authorize(
  verifier: ReportVerifier,
  request: Request,
  requirement: HttpRequirement | undefined,
  // Any boolean that is not known to be true may let a request through with no Report.
  options: AuthorizeOptions & ProtectOptions<Request> & { credentialsRequired: boolean },
): Promise<OptionalAuthorizeResult>
export async function authorize(
  verifier: ReportVerifier,
  request: Request,
  requirement?: HttpRequirement,
  options?: AuthorizeOptions & ProtectOptions<Request> & { credentialsRequired?: true },
): Promise<AuthorizeResult>
export async function authorize(
  verifier: ReportVerifier,
  request: Request,
  requirement: HttpRequirement = {},
  options: AuthorizeOptions & ProtectOptions<Request> = {},
): Promise<OptionalAuthorizeResult> {
  const checked = checkRequirement(requirement)
  const { protect, rest } = splitProtectOptions<AuthorizeOptions, Request>(options)
  const settings = resolveSettings(rest)
  const extras = resolveProtect(protect, checked.source === null ? {} : { catalog: checked.source })
  const outcome = await protectRequest(
    verifier,
    {
      method: request.method,
      path: new URL(request.url).pathname,
      authorization: request.headers.get('authorization'),
    },
    checked,
    settings,
    extras,
  )
  if (outcome.ok) return outcome
  const response =
    extras.onRefused === undefined
      ? toResponse(outcome.refusal)
      : answerResponse(await answerRefusal(extras, outcome.refusal, outcome.report, request))
  return { ok: false, report: outcome.report, response }
}
