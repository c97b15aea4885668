import { FINDING_RULES, isFindingCode } from '../findings/catalogue.js'
import type { Finding } from '../findings/finding.js'
import type { Report } from '../report/report.js'
import type { RequirementOptions } from '../permissions/requirement-options.js'
import type { Refusal } from './answer.js'
import { clientHandlesClaimsChallenge, hasAuthContext } from './auth-context.js'
import { readCredentials } from './credentials.js'
import { overridePending } from './method-override.js'
import { minimalScope, needsFromReport, needsOfKind } from './needs.js'
import { CALLER_POLICY_CODES } from '../token/caller-policy.js'
import {
  callerRefused,
  insufficientScope,
  invalidRequest,
  invalidToken,
  keysUnavailable,
  missingAuthContext,
  noCredentials,
  notVerified,
  unknownOperation,
  verifierFailed,
  type RefusalSettings,
} from './refuse.js'
import type { CheckedRequirement, RouteRequest } from './requirement.js'

/** What authorize and the adapters need from a verifier: `createVerifier(...)` is one. */
export interface ReportVerifier {
  verify(raw: string, request?: RequirementOptions): Promise<Report>
}

/** What a request contributes, read by each framework in its own way. */
export interface IncomingRequest {
  method: string
  /**
   * The path the framework's router ran, below where the guard was registered, without the query string; null when
   * the adapter cannot pin it down (then 'from-request' refuses the request: nothing is judged on a guess).
   */
  path: string | null
  /** Every Authorization header value the request carried: an array when the framework keeps duplicates apart. */
  authorization: string | readonly string[] | null | undefined
  /** The values of the method-override headers (METHOD_OVERRIDE_HEADERS), when the framework can read them. */
  methodOverride?: readonly (string | null | undefined)[]
}

export interface GuardSettings extends RefusalSettings {
  /** Where the protection is mounted: 'from-request' matches the path after it. */
  mountPath: string
}

export type GuardOutcome =
  | { ok: true; preflight: false; report: Report }
  /** A CORS preflight (OPTIONS without credentials): passed through untouched, nothing verified. */
  | { ok: true; preflight: true; report: null }
  /** `report` is null when no bearer token was sent. */
  | { ok: false; report: Report | null; refusal: Refusal }

const areaOf = (f: Finding): string | null => (isFindingCode(f.code) ? FINDING_RULES[f.code].area : null)

/**
 * The findings an API never names in its answer: every refusal before the signature is proven reads
 * `token-not-verified`, so the answers are no oracle of which tenants, clouds or apps are allowed.
 */
const UNVERIFIED_CODES: ReadonlySet<string> = new Set([
  'tenant-not-allowed',
  'client-app-not-allowed',
  'cloud-not-allowed',
])
const unverified = (f: Finding): boolean => UNVERIFIED_CODES.has(f.code) || areaOf(f) === 'signature'

/**
 * The whole decision for one request, as data. Order matters: a malformed Authorization header → 400; no
 * credentials → 401 bare challenge; a verifier that could not finish → 500; a token that is not good → 401
 * invalid_token; keys unavailable → 503; then what the operation needs → 403; then the auth context.
 */
export async function guardRequest(
  verifier: ReportVerifier,
  incoming: IncomingRequest,
  /** A function when compiling it is deferred until a request carries credentials (authorize()). */
  requirement: CheckedRequirement | (() => CheckedRequirement),
  settings: GuardSettings,
): Promise<GuardOutcome> {
  const credentials = readCredentials(incoming.authorization)
  if (credentials.kind === 'malformed')
    return { ok: false, report: null, refusal: invalidRequest(credentials.problem, settings) }
  if (credentials.kind === 'none') {
    if (incoming.method.toUpperCase() === 'OPTIONS') return { ok: true, preflight: true, report: null }
    return { ok: false, report: null, refusal: noCredentials(settings) }
  }
  if (overridePending(incoming.method, incoming.methodOverride ?? [])) {
    const problem =
      'The request carries a method-override header the API had not applied when it checked the token.'
    return { ok: false, report: null, refusal: invalidRequest(problem, settings) }
  }
  const checked = typeof requirement === 'function' ? requirement() : requirement
  const resolved = checked.forRequest(incoming.method, incoming.path, settings.mountPath)
  const report = await verifier.verify(credentials.token, resolved.request)
  const refusal = judge(report, resolved, checked, settings)
  return refusal === null ? { ok: true, preflight: false, report } : { ok: false, report, refusal }
}

function judge(
  report: Report,
  resolved: RouteRequest,
  requirement: CheckedRequirement,
  settings: RefusalSettings,
): Refusal | null {
  const errors = report.findings.filter((f) => f.severity === 'error')
  if (errors.some((f) => f.code === 'verification-failed')) {
    // The verifier's fault, or Entra's when its keys could not be had on the way: never the token's (no 401).
    return report.findings.some((f) => f.code === 'jwks-unavailable')
      ? keysUnavailable('jwks-unavailable', settings)
      : verifierFailed()
  }
  const tokenErrors = errors.filter((f) => areaOf(f) !== 'permissions' && !CALLER_POLICY_CODES.has(f.code))
  // What the token shows by itself (format, lifetime, audience, issuer shape) may be named; what depends on the
  // allow-lists or on the keys may not, whichever order the checks ran in.
  const specific = tokenErrors.find((f) => !unverified(f))
  if (specific !== undefined) return invalidToken(specific, settings)
  if (tokenErrors.length > 0) return notVerified(settings)
  if (report.token === null) return invalidToken(errors[0] ?? { code: 'token-malformed' }, settings)

  const signature = report.signature.status
  if (signature === 'error' || signature === 'not-checked') {
    return keysUnavailable(
      report.findings.find((f) => f.code === 'jwks-unavailable')?.code ?? 'jwks-unavailable',
      settings,
    )
  }
  if (signature !== 'valid') {
    // Unverifiable (a Graph token): only its own API can check it, so for this API it is not a good token.
    const cause = report.findings.find((f) => f.severity === 'warning' && areaOf(f) !== 'permissions')
    return cause === undefined ? notVerified(settings) : invalidToken(cause, settings)
  }

  // A genuine token from a caller the verifier's caller policy refuses (guest, agent, credential): 403, its code.
  const policy = errors.find((f) => CALLER_POLICY_CODES.has(f.code))
  if (policy !== undefined) return callerRefused(policy.code, settings)

  // A genuine token. Fail closed on the operation: one the catalog does not list is granted by nothing, whether the
  // verifier reports it as an error (operation-unknown) or not.
  if (resolved.unmatched) return unknownOperation(settings)
  if (errors.some((f) => f.code === 'operation-unknown')) return unknownOperation(settings)
  if (errors.length > 0)
    return scopeRefusal(report, errors[0]?.code ?? 'permission-missing', resolved, requirement, settings)
  if (
    (requirement.operation !== undefined || requirement.fromRequest) &&
    report.permissions.operation === null
  )
    return unknownOperation(settings)
  if (report.verdict !== 'works') {
    const cause = report.findings.find((f) => f.severity !== 'info' && areaOf(f) === 'permissions')
    return scopeRefusal(report, cause?.code ?? 'permission-missing', resolved, requirement, settings)
  }

  // An auth context is satisfied by a user's sign-in: an app-only token never satisfies one, whatever acrs it carries
  // (and no client could answer a claims challenge for it).
  const authContext = resolved.authContext
  if (authContext !== undefined && report.token !== null) {
    const user = report.token.kind === 'delegated'
    if (!user || !hasAuthContext(report.token.payload, authContext))
      return missingAuthContext(
        authContext,
        user && clientHandlesClaimsChallenge(report.token.payload),
        settings,
      )
  }
  return null
}

/**
 * 403 insufficient_scope saying what the engine decided. A token of the wrong kind is told what the other kind
 * needs (an app-only token where only delegated permissions exist, and the reverse), so `scope` is never empty.
 */
function scopeRefusal(
  report: Report,
  code: string,
  resolved: RouteRequest,
  requirement: CheckedRequirement,
  settings: RefusalSettings,
): Refusal {
  const p = report.permissions
  let needs = needsFromReport(p)
  if (code === 'permission-kind-mismatch' && resolved.operation !== null && p.context !== null) {
    needs = needsOfKind(resolved.operation, p.context === 'application' ? 'delegated' : 'application', p)
  } else if (code === 'permission-kind-mismatch') {
    const expected = report.findings.find((f) => f.code === code)?.expected
    if (Array.isArray(expected) && expected.length > 0)
      needs = [expected.filter((e) => typeof e === 'string')]
  }
  return insufficientScope(
    code,
    needs,
    minimalScope(needs, requirement.compiled.catalog?.index.catalog ?? null),
    settings,
  )
}
