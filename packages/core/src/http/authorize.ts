import type { Report } from '../report/report.js'
import type { PermissionCatalog } from '../permissions/types.js'
import { toResponse } from './answer.js'
import type { GuardSettings, ReportVerifier } from './guard.js'
import { METHOD_OVERRIDE_HEADERS } from './method-override.js'
import {
  answerRefusal,
  answerResponse,
  protectRequest,
  resolveProtect,
  splitProtectOptions,
  type ProtectOptions,
  type ResolvedProtect,
} from './protect.js'
import { checkRequirement, type CheckedRequirement, type HttpRequirement } from './requirement.js'
import { resolveSettings, type AuthorizeOptions } from './settings.js'

export type AuthorizeResult =
  | { ok: true; preflight: false; report: Report }
  /** A CORS preflight (OPTIONS without credentials) passes through untouched: answer it with your CORS handling. */
  | { ok: true; preflight: true; report: null }
  /** Send `response` as it is. `report` is null when no bearer token was sent. */
  | { ok: false; report: Report | null; response: Response }

/** With `credentialsRequired: false`, a request without bearer credentials also passes, with no Report. */
export type OptionalAuthorizeResult = AuthorizeResult | { ok: true; preflight: false; report: null }

/** authorize() and createAuthorizer() protect one request; the explicit compiled form is reusable. */
export type Authorizer = (request: Request) => Promise<OptionalAuthorizeResult>

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

/** What RFC 9728's metadata defaults read from the route's catalog. */
function catalogContext(checked: CheckedRequirement): { catalog?: PermissionCatalog } {
  const catalog = checked.compiled.catalog?.index.catalog
  return catalog === undefined ? {} : { catalog }
}

async function answer(
  verifier: ReportVerifier,
  request: Request,
  requirement: CheckedRequirement | (() => CheckedRequirement),
  settings: GuardSettings,
  extras: ResolvedProtect<Request>,
): Promise<OptionalAuthorizeResult> {
  const outcome = await protectRequest(
    verifier,
    {
      method: request.method,
      path: new URL(request.url).pathname,
      authorization: request.headers.get('authorization'),
      methodOverride: METHOD_OVERRIDE_HEADERS.map((h) => request.headers.get(h)),
    },
    requirement,
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
  const { protect, rest } = splitProtectOptions<AuthorizeOptions, Request>(options)
  const settings = resolveSettings(rest)
  const lazy = (): CheckedRequirement => checkedOnce(requirement)
  // Only RFC 9728's defaults need the catalog before the request is read.
  const extras = resolveProtect(
    protect,
    protect.protectedResource === undefined ? {} : catalogContext(lazy()),
  )
  return answer(verifier, request, lazy, settings, extras)
}

/**
 * authorize() with its requirement and options checked and compiled once, here: misconfiguration throws a TypeError
 * at once, and each request then only matches its path against the catalog's prebuilt index.
 */
export function createAuthorizer(
  verifier: ReportVerifier,
  requirement: HttpRequirement = {},
  options: AuthorizeOptions & ProtectOptions<Request> = {},
): Authorizer {
  if (typeof verifier?.verify !== 'function')
    throw new TypeError('createAuthorizer: verifier must be what createVerifier returns')
  const checked = checkRequirement(requirement, 'createAuthorizer requirement')
  const { protect, rest } = splitProtectOptions<AuthorizeOptions, Request>(options)
  const settings = resolveSettings(rest, 'createAuthorizer options')
  const extras = resolveProtect(protect, catalogContext(checked))
  return (request) => answer(verifier, request, checked, settings, extras)
}
