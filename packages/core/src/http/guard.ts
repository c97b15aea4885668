import { FINDING_RULES, isFindingCode } from '../findings/catalogue.js'
import type { Finding } from '../findings/finding.js'
import { formatOperation, matchOperation, parseOperation } from '../permissions/operation.js'
import type { CatalogOperation } from '../permissions/types.js'
import type { Report } from '../report/report.js'
import type { RequirementOptions } from '../permissions/requirement-options.js'
import type { Refusal } from './answer.js'
import { clientHandlesClaimsChallenge, hasAuthContext } from './auth-context.js'
import { readCredentials } from './credentials.js'
import { operationForRequest } from './from-request.js'
import {
  insufficientScope,
  invalidToken,
  keysUnavailable,
  missingAuthContext,
  noCredentials,
  unknownOperation,
  type RefusalSettings,
} from './refuse.js'
import { operationAuthContext, type CheckedRequirement } from './requirement.js'

/** What authorize and the adapters need from a verifier: `createVerifier(...)` is one. */
export interface ReportVerifier {
  verify(raw: string, request?: RequirementOptions): Promise<Report>
}

/** The three things a request contributes, read by each framework in its own way. */
export interface IncomingRequest {
  method: string
  /** The URL path, without the query string. */
  path: string
  authorization: string | null | undefined
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

interface Resolved {
  request: RequirementOptions
  /** 'from-request' found no catalog operation for this method and path. */
  unmatched: boolean
  authContext: string | undefined
}

/** The verifier's request for this HTTP request: only api, catalog, operation and require ever reach verify(). */
function resolve(requirement: CheckedRequirement, incoming: IncomingRequest, mountPath: string): Resolved {
  const { api, verifyCatalog, require, source } = requirement
  const base: RequirementOptions = {
    ...(api !== undefined ? { api } : {}),
    ...(verifyCatalog !== undefined ? { catalog: verifyCatalog } : {}),
    ...(require !== undefined ? { require } : {}),
  }
  let matched: CatalogOperation | null = null
  let operation = requirement.operation
  if (requirement.fromRequest) {
    matched = source === null ? null : operationForRequest(source, incoming.method, incoming.path, mountPath)
    if (matched === null) return { request: base, unmatched: true, authContext: requirement.authContext }
    operation = formatOperation(matched)
  } else if (operation !== undefined && source !== null) {
    // Only to read the operation's own auth context; the verifier matches the operation itself.
    const parsed = parseOperation(operation)
    matched = parsed === null ? null : matchOperation(source, parsed)
  }
  return {
    request: operation === undefined ? base : { ...base, operation },
    unmatched: false,
    authContext: requirement.authContext ?? (matched === null ? undefined : operationAuthContext(matched)),
  }
}

const areaOf = (f: Finding): string | null => (isFindingCode(f.code) ? FINDING_RULES[f.code].area : null)

/**
 * The whole decision for one request, as data. Order matters: no credentials → 401 bare challenge; a token that is
 * not good → 401 invalid_token; keys unavailable → 503; then what the operation needs → 403; then the auth context.
 */
export async function guardRequest(
  verifier: ReportVerifier,
  incoming: IncomingRequest,
  requirement: CheckedRequirement,
  settings: GuardSettings,
): Promise<GuardOutcome> {
  const credentials = readCredentials(incoming.authorization)
  if (credentials.kind === 'none') {
    if (incoming.method.toUpperCase() === 'OPTIONS') return { ok: true, preflight: true, report: null }
    return { ok: false, report: null, refusal: noCredentials(settings) }
  }
  const resolved = resolve(requirement, incoming, settings.mountPath)
  const report = await verifier.verify(credentials.token, resolved.request)
  const refusal = judge(report, resolved, requirement, settings)
  return refusal === null ? { ok: true, preflight: false, report } : { ok: false, report, refusal }
}

function judge(
  report: Report,
  resolved: Resolved,
  requirement: CheckedRequirement,
  settings: RefusalSettings,
): Refusal | null {
  const errors = report.findings.filter((f) => f.severity === 'error')
  const tokenError = errors.find((f) => areaOf(f) !== 'permissions')
  if (report.token === null || tokenError !== undefined)
    return invalidToken(tokenError?.code ?? errors[0]?.code ?? 'token-malformed', settings)

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
    return invalidToken(cause?.code ?? 'signature-not-checked', settings)
  }

  // A genuine token. Fail closed on the operation: one the catalog does not list is granted by nothing, whether the
  // verifier reports it as an error (operation-unknown) or not.
  if (resolved.unmatched) return unknownOperation(settings)
  if (errors.length > 0) return insufficientScope(report, errors[0]?.code ?? 'permission-missing', settings)
  if (
    (requirement.operation !== undefined || requirement.fromRequest) &&
    report.permissions.operation === null
  )
    return unknownOperation(settings)
  if (report.verdict !== 'works') {
    const cause = report.findings.find((f) => f.severity !== 'info' && areaOf(f) === 'permissions')
    return insufficientScope(report, cause?.code ?? 'permission-missing', settings)
  }

  const authContext = resolved.authContext
  if (
    authContext !== undefined &&
    report.token !== null &&
    !hasAuthContext(report.token.payload, authContext)
  ) {
    return missingAuthContext(authContext, clientHandlesClaimsChallenge(report.token.payload), settings)
  }
  return null
}
