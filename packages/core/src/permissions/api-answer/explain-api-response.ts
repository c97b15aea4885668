import { explainAadsts, type AadstsExplanation } from '../../consent/explain-aadsts.js'
import { API_RESOURCES, isKnownApiId, type ApiId, type KnownApiId } from '../../entra/apis.js'
import { inspectToken } from '../../token/inspect.js'
import { readClock, type Clock } from '../../token/options.js'
import type { TokenFacts } from '../../report/report.js'
import { adminConsentLink } from '../admin-consent-link.js'
import { builtinIndexes } from '../builtin.js'
import { nameKey } from '../name-key.js'
import type { PermissionKind } from '../types.js'
import { readPermissionStatement, type ApiAnswerForm } from './answer-forms.js'
import { claimsChallengeAdvice, readClaimsChallenge, type ClaimsChallenge } from './claims-challenge.js'
import { DOCUMENTED_RATE_LIMITS, isTooManyRequests, readRetryAfter } from './rate-limits.js'
import { bodyOf, readStatusLine } from './status-line.js'
import { challengeText, parseChallenge } from './www-authenticate.js'

export type { ApiAnswerForm } from './answer-forms.js'
export type { ClaimsChallenge } from './claims-challenge.js'

export interface ExplainApiResponseOptions {
  /** The token the call was made with (raw, `Bearer …` or a whole Authorization header): the advice then names the fix for it. */
  token?: string
  /** The instant to judge the token's lifetime at (default: the system clock). */
  now?: Clock
}

/** The permission to add, when the answer names what is missing and the token tells whose app and tenant it is. */
export interface PermissionToAdd {
  permission: string
  kind: PermissionKind
  /** The API the permission belongs to, when known (`mde`, `m365d`, `graph`). */
  api: string | null
  /** The admin-consent link for the token's tenant and app, or null (no token, or IDs that are not GUIDs). */
  consentLink: string | null
  /** The token already holds one of the required permissions: the answer came from another token or another call. */
  alreadyInToken: boolean
}

export interface ApiResponseExplanation {
  /** The text was one of the known answer forms. */
  recognized: boolean
  form: ApiAnswerForm | null
  /** The status such an answer comes with (the pasted status line's, when there is one). */
  status: 400 | 401 | 403 | 429 | null
  /** The answer's own error code (`Forbidden`, `InvalidAuthenticationToken`, `invalid_token`, …). */
  errorCode: string | null
  /** The answer's own message (at most 1,000 characters). */
  message: string | null
  /** What the API says it needs (one of these is enough). */
  required: string[]
  /** The kind the API says it wants: application (roles) or delegated (scp). */
  kind: PermissionKind | null
  /** What the API says the token had; null when it did not say. */
  tokenHad: string[] | null
  /** The WWW-Authenticate challenge's parameters, for that form. */
  challenge: { scheme: string; params: Record<string, string> } | null
  /**
   * Whose answer it is. The answer decides (its wording, its WWW-Authenticate challenge, the API whose catalog
   * defines the names it quotes); the token is used only when the answer does not tell (`apiFrom` says which).
   */
  api: KnownApiId | null
  /** What decided `api`: the answer itself, or (only when the answer did not tell) the token. */
  apiFrom: 'answer' | 'token' | null
  /** With a token: the API the token is for (`other` for any other resource), to compare with `api`. */
  tokenApi: ApiId | null
  /** The answer came from one API and the token is for another: the first advice says which token to request. */
  tokenForAnotherApi: boolean
  /** For an `insufficient_claims` challenge: what it asks for, decoded (CAE revocation or authentication context). */
  claimsChallenge: ClaimsChallenge | null
  /** For a 429: the Retry-After the answer gave, in seconds; null when it gave none. */
  retryAfterSeconds: number | null
  /** For a 429: the API's documented limits (sentences). */
  rateLimits: string[]
  /** For an Entra error pasted as the answer: its explanation (the same as explainAadsts gives). */
  aadsts: AadstsExplanation | null
  /** With a token: the permission to add. */
  add: PermissionToAdd | null
  /** What to do, most important first. Plain sentences; the wording may improve over time. */
  advice: string[]
}

const MAX_INPUT = 64 * 1024

function bounded(s: string, limit = 1000): string {
  return s.length > limit ? `${s.slice(0, limit)}…` : s
}

/** error.code / error.message from a JSON body (Graph and the Defender APIs both use { error: { code, message } }). */
function readJsonError(text: string): { code: string | null; message: string | null } {
  const start = text.indexOf('{')
  const end = text.lastIndexOf('}')
  if (start < 0 || end <= start) return { code: null, message: null }
  try {
    const v: unknown = JSON.parse(text.slice(start, end + 1))
    const obj = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {}
    const err =
      typeof obj.error === 'object' && obj.error !== null ? (obj.error as Record<string, unknown>) : obj
    return {
      code: typeof err.code === 'string' ? err.code : null,
      message: typeof err.message === 'string' ? err.message : null,
    }
  } catch {
    // Python-style dicts and log lines: read the code by pattern.
    const code = /['"]code['"]\s*:\s*['"]([A-Za-z_]{1,64})['"]/.exec(text)
    return { code: code ? (code[1] as string) : null, message: null }
  }
}

/** The known APIs whose catalog defines every name (of that kind). */
function apisDefining(required: readonly string[], kind: PermissionKind | null): KnownApiId[] {
  if (required.length === 0) return []
  const out: KnownApiId[] = []
  for (const index of builtinIndexes()) {
    const id = index.catalog.id
    if (isKnownApiId(id) && required.every((n) => index.find(n, kind ?? undefined).length > 0)) out.push(id)
  }
  return out
}

/** Graph's error bodies carry innerError with request-id and date; the Defender APIs' carry target. */
function apiOfBodyShape(text: string): KnownApiId | null {
  if (/"innerError"\s*:|'innerError'\s*:|"request-id"\s*:/.test(text)) return 'graph'
  return null
}

/**
 * Whose answer a permission statement is: the API whose catalog defines the names it quotes (Graph's role names are
 * Graph's alone); when several define them, or none, the wording and the body's shape decide.
 */
function apiOfStatement(
  form: ApiAnswerForm,
  required: readonly string[],
  kind: PermissionKind | null,
  text: string,
) {
  const wording: KnownApiId | null =
    form === 'missing-scope-permissions' ? 'graph' : form === 'missing-required-permissions' ? 'mde' : null
  const shape = apiOfBodyShape(text)
  const defining = apisDefining(required, kind)
  if (defining.length === 1) return defining[0] as KnownApiId
  const hint = shape ?? wording
  if (defining.length > 1) return hint !== null && defining.includes(hint) ? hint : null
  return hint
}

function tokenFacts(options: ExplainApiResponseOptions): TokenFacts | null {
  if (typeof options.token !== 'string' || options.token.trim() === '') return null
  return inspectToken(options.token, options.now === undefined ? {} : { now: options.now }).token
}

function unrecognized(): ApiResponseExplanation {
  return {
    recognized: false,
    form: null,
    status: null,
    errorCode: null,
    message: null,
    required: [],
    kind: null,
    tokenHad: null,
    challenge: null,
    api: null,
    apiFrom: null,
    tokenApi: null,
    tokenForAnotherApi: false,
    claimsChallenge: null,
    retryAfterSeconds: null,
    rateLimits: [],
    aadsts: null,
    add: null,
    advice: [],
  }
}

/**
 * Explains a Defender for Endpoint, Defender XDR or Microsoft Graph answer: a 401/403 body (JSON, or the message
 * alone), its WWW-Authenticate header (a claims challenge decoded: CAE revocation or authentication context), a 429
 * (Retry-After and the documented limits), a bare status line, or an Entra (AADSTS) error pasted in its place. The
 * answer decides which API answered; the token, when given, is only compared with it ("this answer came from
 * Microsoft Graph; your token is for Defender for Endpoint") and names the exact permission to add, of which kind,
 * with the admin-consent link for the token's tenant. Pure and offline; never throws; linear in the input.
 * `recognized` is false for anything else.
 */
export function explainApiResponse(
  text: string,
  options: ExplainApiResponseOptions = {},
): ApiResponseExplanation {
  if (typeof text !== 'string' || text.trim() === '') return unrecognized()
  const input = text.length > MAX_INPUT ? text.slice(0, MAX_INPUT) : text
  const opts = options ?? {}
  const facts = tokenFacts(opts)
  const answer = readAnswer(input, facts, opts.now)
  if (!answer.recognized) return answer
  const compared = compareWithToken(answer, facts)
  return namesPermissions(compared) ? withPermissionAdvice(compared, facts) : compared
}

const PERMISSION_FORMS: ReadonlySet<ApiAnswerForm | null> = new Set<ApiAnswerForm | null>([
  'missing-application-roles',
  'missing-required-permissions',
  'missing-scope-permissions',
])

/** The answers that say a permission is missing: their advice names it (and, with a token, where to add it). */
function namesPermissions(out: ApiResponseExplanation): boolean {
  return (
    PERMISSION_FORMS.has(out.form) ||
    (out.form === 'www-authenticate' && out.errorCode === 'insufficient_scope')
  )
}

/** What the answer itself says, before the token is compared with it. */
function readAnswer(input: string, facts: TokenFacts | null, now: Clock | undefined): ApiResponseExplanation {
  const status = readStatusLine(input)
  const header = challengeText(input)
  if (header !== null) return explainChallenge(header, facts)

  const body = bodyOf(input)
  const json = readJsonError(body)
  const message = json.message ?? body.trim()
  const statement =
    readPermissionStatement(message) ?? (json.message === null ? null : readPermissionStatement(body))
  if (statement !== null) {
    const out: ApiResponseExplanation = {
      ...unrecognized(),
      recognized: true,
      form: statement.form,
      status: 403,
      errorCode: json.code ?? 'Forbidden',
      message: bounded(message),
      required: statement.required,
      kind: statement.kind,
      tokenHad: statement.tokenHad,
      api: apiOfStatement(statement.form, statement.required, statement.kind, body),
    }
    return out
  }
  const code = json.code
  if (isTooManyRequests(message, code, status)) return explainTooManyRequests(input, code, message, now)
  if (
    code === 'InvalidAuthenticationToken' ||
    /Access token validation failure|CompactToken parsing failed|Access token (?:has expired|is empty)/i.test(
      message,
    )
  ) {
    const advice = /Invalid audience/i.test(message)
      ? [
          `Graph refused the token's audience: request the token with scope ${API_RESOURCES.graph.resourceByCloud.public}/.default (a token for another API never works on Graph).`,
        ]
      : /expired|not yet valid/i.test(message)
        ? ['The token has expired (or is not yet valid): acquire a new one; tokens are not renewed in place.']
        : /CompactToken/i.test(message)
          ? [
              'The token is not a JWT Graph can read: send the access_token from the token response (not the id_token, not a refresh token), whole.',
            ]
          : /empty/i.test(message)
            ? ['No token was sent: add the header Authorization: Bearer <access token>.']
            : ['Graph refused the token itself (401): inspect it with claimcheck inspect to see why.']
    return {
      ...unrecognized(),
      recognized: true,
      form: 'invalid-authentication-token',
      status: 401,
      errorCode: code ?? 'InvalidAuthenticationToken',
      message: bounded(message),
      api: 'graph',
      advice,
    }
  }
  if (
    code === 'Authorization_RequestDenied' ||
    /Insufficient privileges to complete the operation/i.test(message)
  ) {
    return {
      ...unrecognized(),
      recognized: true,
      form: 'insufficient-privileges',
      status: 403,
      errorCode: code ?? 'Authorization_RequestDenied',
      message: bounded(message),
      api: 'graph',
      advice: [
        "Graph's directory API refused the call: the app lacks the Graph permission (or the signed-in user the directory role) this resource needs. The answer does not name it: look the operation up on its Graph page.",
      ],
    }
  }
  if (/Authorization has been denied for this request/i.test(message)) {
    return {
      ...unrecognized(),
      recognized: true,
      form: 'authorization-denied',
      status: 401,
      errorCode: code ?? 'Unauthorized',
      message: bounded(message),
      advice: [
        'The API refused the token itself (401), before looking at permissions: usually the wrong audience (request https://api.securitycenter.microsoft.com/.default for Defender for Endpoint, https://api.security.microsoft.com/.default for Defender XDR), an expired token, or a tenant without the product. Inspect the token with claimcheck inspect.',
      ],
    }
  }
  const aadsts = /AADSTS\d{3,}|"error_codes"\s*:/i.test(input) ? explainAadsts(input) : null
  if (aadsts !== null) {
    return {
      ...unrecognized(),
      recognized: true,
      form: 'aadsts',
      status: status === 401 ? 401 : 400,
      errorCode: aadsts.code,
      message: aadsts.description === null ? null : bounded(aadsts.description),
      aadsts,
      advice: [
        `Entra refused the token request (${aadsts.code}${aadsts.name ? `, ${aadsts.name}` : ''}): ${aadsts.meaning}`,
        aadsts.fix,
      ],
    }
  }
  if (status === 401 || status === 403) return explainStatusOnly(status, code, message)
  return unrecognized()
}

const SHORT_NAME: Readonly<Record<KnownApiId, string>> = {
  graph: 'Graph',
  mde: 'Defender for Endpoint',
  m365d: 'Defender XDR',
}

/**
 * The token, when given, only compared with the answer: its API fills `api` when the answer did not tell, and a
 * token for another API than the one that answered leads the advice with the token to request instead.
 */
function compareWithToken(out: ApiResponseExplanation, facts: TokenFacts | null): ApiResponseExplanation {
  if (facts === null) return { ...out, apiFrom: out.api === null ? null : 'answer' }
  const tokenApi: ApiId | null = facts.api
  if (out.api === null) {
    const api = tokenApi !== null && isKnownApiId(tokenApi) ? tokenApi : null
    return { ...out, tokenApi, api, apiFrom: api === null ? null : 'token' }
  }
  const tokenForAnotherApi = out.form !== 'aadsts' && tokenApi !== null && tokenApi !== out.api
  if (!tokenForAnotherApi) return { ...out, tokenApi, apiFrom: 'answer' }
  const api = out.api
  const resource =
    API_RESOURCES[api].resourceByCloud[facts.cloud ?? 'public'] ?? API_RESOURCES[api].resourceByCloud.public
  const tokenIs =
    tokenApi !== null && isKnownApiId(tokenApi)
      ? API_RESOURCES[tokenApi].name.replace(/^Microsoft /, '')
      : `another API (aud ${bounded(facts.audience ?? 'none', 200)})`
  const first = out.required[0]
  const lead = `This answer came from ${API_RESOURCES[api].name}; your token is for ${tokenIs} — request a ${SHORT_NAME[api]} token (${resource}/.default)${first !== undefined ? ` with ${first}` : ''}.`
  return { ...out, tokenApi, apiFrom: 'answer', tokenForAnotherApi, advice: [lead, ...out.advice] }
}

function explainTooManyRequests(
  input: string,
  code: string | null,
  message: string,
  now: Clock | undefined,
): ApiResponseExplanation {
  const retryAfterSeconds = readRetryAfter(input, readClock(now))
  const api = apiOfBodyShape(input) ?? (/"target"\s*:/.test(input) ? 'mde' : null)
  const wait =
    retryAfterSeconds === null
      ? 'The answer gave no Retry-After: back off exponentially (for example 1, 2, 4… seconds, with jitter) before retrying.'
      : `Wait the ${retryAfterSeconds} second(s) Retry-After says before retrying; retrying sooner only extends the throttling.`
  return {
    ...unrecognized(),
    recognized: true,
    form: 'too-many-requests',
    status: 429,
    errorCode: code ?? 'TooManyRequests',
    message: bounded(message),
    api,
    retryAfterSeconds,
    rateLimits: api === null ? [] : [...DOCUMENTED_RATE_LIMITS[api]],
    advice: [
      `The API is throttling this app (429): the token and its permissions are fine. ${wait}`,
      'Spread calls out (batch, page with $top/$skip, cache results); a multi-tenant app shares per-app limits across its customers.',
    ],
  }
}

function explainStatusOnly(status: 401 | 403, code: string | null, message: string): ApiResponseExplanation {
  return {
    ...unrecognized(),
    recognized: true,
    form: 'http-status',
    status,
    errorCode: code,
    message: message.trim() === '' ? null : bounded(message.trim(), 200),
    advice: [
      status === 401
        ? "A 401 means the API refused the token itself, before permissions: none was sent, the wrong audience (a token for another API), expired, or a tenant without the product. Inspect the token with claimcheck inspect, and paste the answer's body or WWW-Authenticate header for a precise answer."
        : 'A 403 means the token was accepted but lacks a permission (or the user a role) the call needs. Paste the answer\'s body for the missing permission, or check the operation with claimcheck inspect --operation "<METHOD> <path>".',
    ],
  }
}

function explainChallenge(header: string, facts: TokenFacts | null): ApiResponseExplanation {
  const challenge = parseChallenge(header)
  const p = challenge.params
  const error = p.error ?? null
  const api: KnownApiId | null =
    p.client_id === API_RESOURCES.graph.appId
      ? 'graph'
      : p.client_id === API_RESOURCES.mde.appId
        ? 'mde'
        : p.client_id === API_RESOURCES.m365d.appId
          ? 'm365d'
          : null
  const base: ApiResponseExplanation = {
    ...unrecognized(),
    recognized: true,
    form: 'www-authenticate',
    status: error === 'insufficient_scope' ? 403 : 401,
    errorCode: error,
    message: p.error_description !== undefined ? bounded(p.error_description) : null,
    challenge: { scheme: challenge.scheme, params: { ...p } },
    api,
  }
  if (error === 'insufficient_scope') {
    // RFC 6750: scope lists what the call needs; full scope URIs keep their permission after the last slash.
    const required = (p.scope ?? '')
      .split(' ')
      .filter((s) => s.length > 0)
      .map((s) => s.slice(s.lastIndexOf('/') + 1))
      .slice(0, 64)
    const kind: PermissionKind | null =
      facts?.kind === 'app-only' ? 'application' : facts?.kind === 'delegated' ? 'delegated' : null
    return { ...base, required, kind }
  }
  if (error === 'insufficient_claims') {
    const claimsChallenge = readClaimsChallenge(p.claims)
    return { ...base, claimsChallenge, advice: claimsChallengeAdvice(claimsChallenge) }
  }
  if (error === 'invalid_token') {
    return {
      ...base,
      advice: [
        `The API refused the token itself (401)${p.error_description ? `: ${bounded(p.error_description, 200)}` : ''}. Inspect it with claimcheck inspect; acquire a new token with the API's /.default scope.`,
      ],
    }
  }
  return {
    ...base,
    advice: [
      'No usable token reached the API (a challenge without an error means no credentials were sent): add the header Authorization: Bearer <access token>.',
    ],
  }
}

/** Adds the permission to add (with a token) and the advice sentences to a permission-form explanation. */
function withPermissionAdvice(out: ApiResponseExplanation, facts: TokenFacts | null): ApiResponseExplanation {
  const kind = out.kind
  const first = out.required[0]
  const kindText =
    kind === 'application'
      ? 'application permission'
      : kind === 'delegated'
        ? 'delegated permission'
        : 'permission'
  const apiName = out.api !== null ? API_RESOURCES[out.api].name : 'the API'
  if (first === undefined) {
    out.advice.push(
      'The answer says a permission is missing but names none: look the operation up with claimcheck permissions.',
    )
    return out
  }
  const list = out.required.length > 1 ? `one of ${out.required.join(', ')}` : first
  if (facts === null) {
    out.advice.push(
      `Add the ${kindText} ${first} (${apiName}; the API accepts ${list}) to the app registration, grant admin consent, then acquire a new token.`,
    )
    if (out.tokenHad !== null)
      out.advice.push(
        out.tokenHad.length === 0
          ? 'The token carried no permissions of that kind at all: admin consent was never granted, or the token predates it.'
          : `The token carried ${out.tokenHad.join(', ')}.`,
      )
    return out
  }
  const held = facts.kind === 'app-only' ? facts.roles : facts.kind === 'delegated' ? facts.scopes : []
  // A token for another API holds that API's permissions: none of them can be the one this API asks for.
  const heldKeys = new Set(out.tokenForAnotherApi ? [] : held.map(nameKey))
  const alreadyInToken = out.required.some((n) => heldKeys.has(nameKey(n)))
  const tokenKind: PermissionKind | null =
    facts.kind === 'app-only' ? 'application' : facts.kind === 'delegated' ? 'delegated' : null
  const addKind: PermissionKind = kind ?? tokenKind ?? 'application'
  const consentLink = adminConsentLink(facts.tenantId, facts.appId, facts.cloud)
  out.add = { permission: first, kind: addKind, api: out.api, consentLink, alreadyInToken }
  if (kind !== null && tokenKind !== null && kind !== tokenKind) {
    out.advice.push(
      `The API wants ${kind} permissions but this token is ${facts.kind}: ${kind === 'application' ? 'call it app-only (client credentials) with the application permission' : 'call it as a signed-in user with the delegated permission'} ${first}.`,
    )
  }
  if (alreadyInToken) {
    out.advice.push(
      `This token already holds ${out.required.filter((n) => heldKeys.has(nameKey(n))).join(', ')}: the answer came from another token, or the call needs another permission together with it (the API names only what is missing). Check the token that was actually sent.`,
    )
    return out
  }
  out.advice.push(
    `Add the ${addKind === 'application' ? 'application' : 'delegated'} permission ${first} (${apiName}) to app ${facts.appId ?? '(the client app)'}${out.required.length > 1 ? ` (any of ${out.required.join(', ')} works; ${first} is the one the API lists first)` : ''}, ${addKind === 'application' ? `have an admin of tenant ${facts.tenantId ?? '(unknown)'} grant admin consent` : 'consent to it'}${consentLink ? ` (${consentLink})` : ''}, then acquire a new token: tokens never update.`,
  )
  return out
}
