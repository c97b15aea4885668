import { FINDING_RULES, isFindingCode, type FindingRule } from '../findings/catalogue.js'
import type { Report } from '../report/report.js'
import type { Refusal, RefusalBody } from './answer.js'
import { claimsChallenge } from './auth-context.js'
import { bearerChallenge } from './challenge.js'

/** How a refusal is worded: the realm of the challenges and the Retry-After of a 503. */
export interface RefusalSettings {
  realm: string | undefined
  retryAfterSeconds: number
}

const BASE_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }

function refusal(
  status: Refusal['status'],
  challenge: string | null,
  body: RefusalBody,
  extra: Record<string, string> = {},
): Refusal {
  return {
    status,
    headers: { ...BASE_HEADERS, ...(challenge === null ? {} : { 'www-authenticate': challenge }), ...extra },
    body,
  }
}

/** The general fix of a finding code: catalogue text, never the finding's own message (which may quote claims). */
function ruleFix(code: string, fallback: string): string {
  const rule: FindingRule | null = isFindingCode(code) ? FINDING_RULES[code] : null
  return rule?.fix ?? fallback
}

/** RFC 6750 §3.1: no credentials, no error code, only the challenge. */
export function noCredentials(s: RefusalSettings): Refusal {
  return refusal(401, bearerChallenge({ realm: s.realm }), {
    error: 'unauthorized',
    finding: null,
    fix: 'Send an access token for this API: Authorization: Bearer <token>.',
  })
}

/** The token itself is refused (expired, forged, another tenant or API, …): 401 invalid_token naming the finding. */
export function invalidToken(code: string, s: RefusalSettings): Refusal {
  return refusal(401, bearerChallenge({ realm: s.realm, error: 'invalid_token', error_description: code }), {
    error: 'invalid_token',
    finding: code,
    fix: ruleFix(code, 'Acquire a new access token for this API.'),
  })
}

/**
 * A genuine token without what the operation needs: 403 insufficient_scope, `scope` naming the permissions that
 * would grant it (any one of the operation's, plus every explicitly required one), as the catalog spells them.
 */
export function insufficientScope(report: Report, code: string, s: RefusalSettings): Refusal {
  const needed = report.permissions.required
  const scope = needed.length > 0 ? needed.join(' ') : undefined
  const fix =
    needed.length > 0
      ? `This operation needs ${needed.length === 1 ? needed[0] : `one of ${needed.join(', ')}`}. ${ruleFix(code, '')}`.trim()
      : ruleFix(code, 'No permission grants this method and path: it is not an operation of this API.')
  return refusal(
    403,
    bearerChallenge({ realm: s.realm, error: 'insufficient_scope', error_description: code, scope }),
    {
      error: 'insufficient_scope',
      finding: code,
      fix,
    },
  )
}

/** 403 for a request that matches no operation of the catalog ('from-request'): nothing could grant it. */
export function unknownOperation(s: RefusalSettings): Refusal {
  return refusal(
    403,
    bearerChallenge({ realm: s.realm, error: 'insufficient_scope', error_description: 'operation-unknown' }),
    {
      error: 'insufficient_scope',
      finding: 'operation-unknown',
      fix: 'No permission grants this method and path: it is not an operation of this API.',
    },
  )
}

/**
 * The token lacks a Conditional Access auth context. A client that declared `cp1` gets Entra's claims challenge
 * (401 insufficient_claims with the base64 claims request, to hand to MSAL as `claims`); any other client could only
 * loop, so it gets a 403 naming the auth context.
 */
export function missingAuthContext(
  authContext: string,
  clientHandlesChallenge: boolean,
  s: RefusalSettings,
): Refusal {
  if (clientHandlesChallenge) {
    return refusal(
      401,
      bearerChallenge({
        realm: s.realm,
        error: 'insufficient_claims',
        error_description: 'auth-context-missing',
        claims: claimsChallenge(authContext),
      }),
      {
        error: 'insufficient_claims',
        finding: 'auth-context-missing',
        fix: `Acquire a new token with the claims request from the WWW-Authenticate header (MSAL: claims), satisfying authentication context ${authContext}.`,
      },
    )
  }
  return refusal(
    403,
    bearerChallenge({
      realm: s.realm,
      error: 'insufficient_claims',
      error_description: 'auth-context-missing',
    }),
    {
      error: 'insufficient_claims',
      finding: 'auth-context-missing',
      fix: `This operation needs authentication context ${authContext} (Conditional Access). Declare the cp1 client capability so the API can send a claims challenge, or acquire a token that satisfies ${authContext}.`,
    },
  )
}

/** Entra's keys could not be had: the token may be good, so 503 and Retry-After, never a 401 that discards it. */
export function keysUnavailable(code: string, s: RefusalSettings): Refusal {
  return refusal(
    503,
    null,
    {
      error: 'temporarily_unavailable',
      finding: code,
      fix: `Entra's signing keys could not be obtained to check the token; retry after ${s.retryAfterSeconds} s with the same token.`,
    },
    { 'retry-after': String(s.retryAfterSeconds) },
  )
}
