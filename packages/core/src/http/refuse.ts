import { FINDING_RULES, isFindingCode, type FindingRule } from '../findings/catalogue.js'
import type { Finding } from '../findings/finding.js'
import type { Refusal, RefusalBody } from './answer.js'
import { claimsChallenge } from './auth-context.js'
import { bearerChallenge } from './challenge.js'
import { needsText, type Needs } from './needs.js'

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

/** RFC 6750 §3: error_description is `%x20-21 / %x23-5B / %x5D-7E` — no quote, no backslash, nothing else. */
export function toDescription(sentence: string): string {
  return sentence.replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, "'")
}

/** RFC 6750 §3.1: no credentials, no error code, only the challenge. */
export function noCredentials(s: RefusalSettings): Refusal {
  return refusal(401, bearerChallenge({ realm: s.realm }), {
    error: 'unauthorized',
    finding: null,
    fix: 'Send an access token for this API: Authorization: Bearer <token>.',
  })
}

/** RFC 6750 §3.1 invalid_request: the Authorization header breaks §2.1's grammar; `problem` says how. */
export function invalidRequest(problem: string, s: RefusalSettings): Refusal {
  return refusal(
    400,
    bearerChallenge({ realm: s.realm, error: 'invalid_request', error_description: toDescription(problem) }),
    {
      error: 'invalid_request',
      finding: 'authorization-header-invalid',
      fix: ruleFix('authorization-header-invalid', 'Send one Authorization header: Bearer <token>.'),
    },
  )
}

/** The sentence of an invalid_token answer: the catalogue's title of the finding, never the token's own text. */
function invalidTokenSentence(code: string): string {
  const title = isFindingCode(code) ? FINDING_RULES[code].title : 'Not a usable access token'
  // "Expired" reads as "expired"; an initialism ("ID token …") keeps its case.
  const lower = /^[A-Z][a-z]/.test(title) ? `${title.charAt(0).toLowerCase()}${title.slice(1)}` : title
  return `The access token was refused: ${lower}.`
}

/**
 * The token itself is refused (expired, for another API, malformed, …): 401 invalid_token naming the finding.
 * For an audience finding the fix names the scope of the API that expected the token (the finding's `expected`,
 * which comes from the verifier's configuration, never from the token).
 */
export function invalidToken(finding: Pick<Finding, 'code' | 'expected'>, s: RefusalSettings): Refusal {
  const code = finding.code
  return refusal(
    401,
    bearerChallenge({
      realm: s.realm,
      error: 'invalid_token',
      error_description: toDescription(invalidTokenSentence(code)),
    }),
    { error: 'invalid_token', finding: code, fix: audienceFix(finding) ?? ruleFix(code, NEW_TOKEN) },
  )
}

const NEW_TOKEN = 'Acquire a new access token for this API.'
const AUDIENCE_CODES: ReadonlySet<string> = new Set([
  'audience-mismatch',
  'wrong-api',
  'audience-refused-by-api',
])

function audienceFix(finding: Pick<Finding, 'code' | 'expected'>): string | null {
  if (!AUDIENCE_CODES.has(finding.code)) return null
  const expected = Array.isArray(finding.expected) ? finding.expected[0] : finding.expected
  if (typeof expected !== 'string' || expected.length === 0 || expected.length > 300) return null
  return `Request the token with this API's scope, ${expected.replace(/(?<!\/)\/+$/, '')}/.default.`
}

/**
 * One answer for every refusal before the signature is proven (tenant or app not allowed, signature invalid, key
 * not found): the same header and body whichever it was, so the answers are no oracle of the allow-lists. The
 * Report keeps the detail.
 */
export function notVerified(s: RefusalSettings): Refusal {
  return refusal(
    401,
    bearerChallenge({
      realm: s.realm,
      error: 'invalid_token',
      error_description: 'The access token could not be verified.',
    }),
    { error: 'invalid_token', finding: 'token-not-verified', fix: ruleFix('token-not-verified', NEW_TOKEN) },
  )
}

/**
 * A genuine token without what the operation needs: 403 insufficient_scope. The description and fix say what the
 * engine decided ("needs A and one of B, C"); `scope` is one minimal set that satisfies it (RFC 6750 §3: the scope
 * necessary), present whenever something is needed — kind mismatches included.
 */
export function insufficientScope(
  code: string,
  needs: Needs,
  scope: readonly string[],
  s: RefusalSettings,
): Refusal {
  const sentence =
    needs.length > 0
      ? `This operation needs ${needsText(needs)}.`
      : 'No permission grants this method and path: it is not an operation of this API.'
  const advice = ruleFix(code, '')
  return refusal(
    403,
    bearerChallenge({
      realm: s.realm,
      error: 'insufficient_scope',
      error_description: toDescription(sentence),
      scope: scope.length > 0 ? scope.join(' ') : undefined,
    }),
    { error: 'insufficient_scope', finding: code, fix: `${sentence} ${advice}`.trim() },
  )
}

/** A genuine token from a caller that a caller policy refuses (guest, AI agent, credential type): 403, its code. */
/** What each caller policy refusal says (RFC 6750 §3: a short sentence; the body's `finding` keeps the code). */
const CALLER_SENTENCES: Readonly<Record<string, string>> = {
  'caller-guest-refused': 'This API does not accept guest users.',
  'caller-agent-refused': 'This API does not accept this kind of AI agent caller.',
  'caller-credential-refused': "This API does not accept the calling app's kind of credential.",
  'caller-claim-missing': 'The token lacks an optional claim this API needs to decide who is calling.',
}

export function callerRefused(code: string, s: RefusalSettings): Refusal {
  const sentence = CALLER_SENTENCES[code] ?? 'This caller is not allowed by the API.'
  return refusal(
    403,
    bearerChallenge({
      realm: s.realm,
      error: 'insufficient_scope',
      error_description: toDescription(sentence),
    }),
    {
      error: 'insufficient_scope',
      finding: code,
      fix: ruleFix(code, 'This caller is not allowed by the API.'),
    },
  )
}

/** 403 for a request that matches no operation of the catalog ('from-request'): nothing could grant it. */
export function unknownOperation(s: RefusalSettings): Refusal {
  const sentence = 'No permission grants this method and path: it is not an operation of this API.'
  return refusal(
    403,
    bearerChallenge({ realm: s.realm, error: 'insufficient_scope', error_description: sentence }),
    { error: 'insufficient_scope', finding: 'operation-unknown', fix: sentence },
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
  const sentence = toDescription(`This operation needs authentication context ${authContext}.`)
  if (clientHandlesChallenge) {
    return refusal(
      401,
      bearerChallenge({
        realm: s.realm,
        error: 'insufficient_claims',
        error_description: sentence,
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
    bearerChallenge({ realm: s.realm, error: 'insufficient_claims', error_description: sentence }),
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

/**
 * The verifier could not finish (`verification-failed`: a broken clock, a bug): the API's fault, not the token's,
 * so 500 — never a 401 that makes the client throw a good token away. No challenge: nothing is asked of the client.
 */
export function verifierFailed(): Refusal {
  return refusal(500, null, {
    error: 'server_error',
    finding: 'verification-failed',
    fix: "The API could not check the token; the token is not at fault. Retry later, and tell the API's operator.",
  })
}
