import type { Report } from '../index.js'
import { toResponse } from './answer.js'
import { guardRequest, type GuardOutcome, type GuardSettings, type ReportVerifier } from './guard.js'
import { METHOD_OVERRIDE_HEADERS } from './method-override.js'
import { checkRequirement, type CheckedRequirement, type HttpRequirement } from './requirement.js'
import { resolveSettings, type AuthorizeOptions } from './settings.js'

export type AuthorizeResult =
  | { ok: true; preflight: false; report: Report }
  /** A CORS preflight (OPTIONS without credentials) passes through untouched: answer it with your CORS handling. */
  | { ok: true; preflight: true; report: null }
  /** Send `response` as it is. `report` is null when no bearer token was sent. */
  | { ok: false; report: Report | null; response: Response }

/** authorize() and createAuthorizer() protect one request; the explicit compiled form is reusable. */
export type Authorizer = (request: Request) => Promise<AuthorizeResult>

/**
 * Requirements authorize() has compiled, by content key (a catalog object stands for its content because it is
 * deep-frozen when first compiled). Bounded: a server has a few routes, not thousands.
 */
const MAX_REMEMBERED = 256
const remembered = new Map<string, CheckedRequirement>()

function checkedOnce(requirement: HttpRequirement): CheckedRequirement {
  const checked = checkRequirement(requirement, 'authorize requirement')
  const known = remembered.get(checked.compiled.key)
  if (known !== undefined) return known
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string)
  remembered.set(checked.compiled.key, checked)
  return checked
}

async function answer(
  verifier: ReportVerifier,
  request: Request,
  requirement: CheckedRequirement | (() => CheckedRequirement),
  settings: GuardSettings,
): Promise<AuthorizeResult> {
  const outcome: GuardOutcome = await guardRequest(
    verifier,
    {
      method: request.method,
      path: new URL(request.url).pathname,
      authorization: request.headers.get('authorization'),
      methodOverride: METHOD_OVERRIDE_HEADERS.map((h) => request.headers.get(h)),
    },
    requirement,
    settings,
  )
  return outcome.ok ? outcome : { ok: false, report: outcome.report, response: toResponse(outcome.refusal) }
}

/**
 * Protects one request in any Fetch API runtime (Workers, Deno, Bun, Next.js route handlers): verifies its bearer
 * token against what the route needs and, when the answer is no, builds the RFC 6750 response. The token is never
 * echoed in that response, and nothing is logged. Misconfiguration (a bad requirement or option) rejects with a
 * TypeError; a bad token never does. A request without credentials is answered before the requirement is read.
 *
 * authorize has no creation step, so a catalog is compiled once per catalog object and that object is deep-frozen
 * on first use: pass a new object to change a catalog. createAuthorizer is the explicit compiled form.
 */
export async function authorize(
  verifier: ReportVerifier,
  request: Request,
  requirement: HttpRequirement = {},
  options: AuthorizeOptions = {},
): Promise<AuthorizeResult> {
  const settings = resolveSettings(options)
  return answer(verifier, request, () => checkedOnce(requirement), settings)
}

/**
 * authorize() with its requirement and options checked and compiled once, here: misconfiguration throws a TypeError
 * at once, and each request then only matches its path against the catalog's prebuilt index.
 */
export function createAuthorizer(
  verifier: ReportVerifier,
  requirement: HttpRequirement = {},
  options: AuthorizeOptions = {},
): Authorizer {
  if (typeof verifier?.verify !== 'function')
    throw new TypeError('createAuthorizer: verifier must be what createVerifier returns')
  const checked = checkRequirement(requirement, 'createAuthorizer requirement')
  const settings = resolveSettings(options, 'createAuthorizer options')
  return (request) => answer(verifier, request, checked, settings)
}
