import type { Report } from '../report/report.js'
import type { Refusal } from './answer.js'
import { readCredentials } from './credentials.js'
import {
  guardRequest,
  type GuardOutcome,
  type GuardSettings,
  type IncomingRequest,
  type ReportVerifier,
} from './guard.js'
import {
  resolveProtectedResource,
  withResourceMetadata,
  type ProtectedResourceMetadataOptions,
  type ProtectedResourceOptions,
  type ResolvedProtectedResource,
} from './protected-resource.js'
import type { CheckedRequirement } from './requirement.js'
import { checkRouteChecks, routeCheckRefusal, type RouteCheck } from './route-checks.js'

/** The refusal `onRefused` sees: the answer about to be sent, and the Report (null when no token was sent). */
export interface RefusalEvent extends Refusal {
  report: Report | null
}

/** What `onRefused` may return instead of the default answer: a Fetch Response, or status, headers and body. */
export type RefusalReplacement =
  Response | { status: number; headers?: Readonly<Record<string, string>>; body?: unknown }

/**
 * Called before a refusal is sent (log it, count it, word it your way). `undefined` keeps the default answer;
 * a returned value replaces it. A throw goes to the framework's error handling.
 */
export type OnRefused<Req> = (
  refusal: RefusalEvent,
  request: Req,
) => RefusalReplacement | undefined | void | Promise<RefusalReplacement | undefined | void>

/** The options entraAuth (every adapter) and authorize share beyond the requirement and the wording. */
export interface ProtectOptions<Req> {
  /** See OnRefused. */
  onRefused?: OnRefused<Req>
  /**
   * false: a request without bearer credentials continues unauthenticated (no Report); a bad token is still
   * refused. Default true.
   */
  credentialsRequired?: boolean
  /** Per-route checks without a catalog (requireScopes, requireRoles, requireClaims), after the requirement. */
  checks?: readonly RouteCheck[]
  /** RFC 9728: every 401 challenge names this resource's metadata URL (`resource_metadata`). */
  protectedResource?: ProtectedResourceOptions
}

/** The names above: what the adapters and authorize take out of their options before anything else reads them. */
export const PROTECT_KEYS: readonly string[] = [
  'onRefused',
  'credentialsRequired',
  'checks',
  'protectedResource',
]

export interface ResolvedProtect<Req> {
  onRefused: OnRefused<Req> | undefined
  credentialsRequired: boolean
  checks: readonly RouteCheck[]
  protectedResource: ResolvedProtectedResource | null
}

/** Checks the options once, at creation (TypeError on misuse). `context` feeds the metadata's defaults. */
export function resolveProtect<Req>(
  options: ProtectOptions<Req>,
  context: Omit<ProtectedResourceMetadataOptions, 'resource' | 'scopes' | 'authorizationServers'> = {},
): ResolvedProtect<Req> {
  const { onRefused, credentialsRequired = true, checks = [], protectedResource } = options
  if (onRefused !== undefined && typeof onRefused !== 'function')
    throw new TypeError('onRefused must be a function (refusal, request) => response | undefined')
  if (typeof credentialsRequired !== 'boolean')
    throw new TypeError('credentialsRequired must be true or false')
  return {
    onRefused,
    credentialsRequired,
    checks: checkRouteChecks(checks),
    protectedResource:
      protectedResource === undefined ? null : resolveProtectedResource(protectedResource, context),
  }
}

/** guardRequest's outcome, plus the unauthenticated pass of `credentialsRequired: false`. */
export type ProtectOutcome = GuardOutcome | { ok: true; preflight: false; report: null }

/**
 * guardRequest with the options above: no credentials may pass (`credentialsRequired: false`; a CORS preflight is
 * still a preflight), the route checks run on a token that passed, and 401 challenges carry `resource_metadata`.
 */
export async function protectRequest<Req>(
  verifier: ReportVerifier,
  incoming: IncomingRequest,
  requirement: CheckedRequirement | (() => CheckedRequirement),
  settings: GuardSettings,
  extras: ResolvedProtect<Req>,
): Promise<ProtectOutcome> {
  if (
    !extras.credentialsRequired &&
    incoming.method.toUpperCase() !== 'OPTIONS' &&
    readCredentials(incoming.authorization).kind === 'none'
  )
    return { ok: true, preflight: false, report: null }
  const outcome = await guardRequest(verifier, incoming, requirement, settings)
  if (outcome.ok) {
    if (outcome.preflight) return outcome
    const refusal = routeCheckRefusal(outcome.report, extras.checks, settings)
    return refusal === null ? outcome : { ok: false, report: outcome.report, refusal }
  }
  return { ...outcome, refusal: withResourceMetadata(outcome.refusal, extras.protectedResource) }
}

/** A refusal or its replacement, ready to write: status, headers, body text. */
export interface Answer {
  status: number
  headers: Readonly<Record<string, string>>
  body: string
}

/** Runs `onRefused` and gives what to send: the default refusal, or what the hook returned. */
export async function answerRefusal<Req>(
  extras: ResolvedProtect<Req>,
  refusal: Refusal,
  report: Report | null,
  request: Req,
): Promise<Answer> {
  const fallback: Answer = {
    status: refusal.status,
    headers: refusal.headers,
    body: JSON.stringify(refusal.body),
  }
  if (extras.onRefused === undefined) return fallback
  const replaced = await extras.onRefused({ ...refusal, report }, request)
  if (replaced === undefined || replaced === null) return fallback
  if (replaced instanceof Response) {
    return {
      status: replaced.status,
      headers: Object.fromEntries(replaced.headers),
      body: await replaced.text(),
    }
  }
  if (typeof replaced !== 'object' || !Number.isInteger(replaced.status))
    throw new TypeError('onRefused must return undefined, a Response, or { status, headers?, body? }')
  const { status, headers = {}, body } = replaced
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)
  const json = typeof body === 'object' && body !== null
  return {
    status,
    headers:
      json && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')
        ? { 'content-type': 'application/json; charset=utf-8', ...headers }
        : headers,
    body: text,
  }
}

/** An Answer as a Fetch API Response. */
export function answerResponse(answer: Answer): Response {
  const empty = answer.status === 204 || answer.status === 304
  return new Response(empty ? null : answer.body, { status: answer.status, headers: answer.headers })
}

/** Splits an options object into ProtectOptions and the rest (which other readers check strictly). */
export function splitProtectOptions<T extends object, Req>(
  options: T & ProtectOptions<Req>,
): { protect: ProtectOptions<Req>; rest: Omit<T, keyof ProtectOptions<Req>> } {
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object')
  const protect: Record<string, unknown> = {}
  const rest: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(options)) (PROTECT_KEYS.includes(k) ? protect : rest)[k] = v
  return { protect: protect as ProtectOptions<Req>, rest: rest as Omit<T, keyof ProtectOptions<Req>> }
}
