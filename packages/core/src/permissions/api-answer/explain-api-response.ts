import { API_RESOURCES, isKnownApiId, type KnownApiId } from '../../entra/apis.js'
import { inspectToken } from '../../token/inspect.js'
import type { Clock } from '../../token/options.js'
import type { TokenFacts } from '../../report/report.js'
import { adminConsentLink } from '../admin-consent-link.js'
import { builtinIndexes } from '../builtin.js'
import { nameKey } from '../name-key.js'
import type { PermissionKind } from '../types.js'
import { readPermissionStatement, type ApiAnswerForm } from './answer-forms.js'
import { challengeText, parseChallenge } from './www-authenticate.js'

export type { ApiAnswerForm } from './answer-forms.js'

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
  /** The status such an answer comes with. */
  status: 401 | 403 | null
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
  /** Whose answer it is, when the names, the challenge or the token tell. */
  api: KnownApiId | null
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

/** The known API whose catalog defines every name of that kind, or null. */
function apiOfNames(required: readonly string[], kind: PermissionKind | null): KnownApiId | null {
  if (required.length === 0) return null
  for (const index of builtinIndexes()) {
    const id = index.catalog.id
    if (isKnownApiId(id) && required.every((n) => index.find(n, kind ?? undefined).length > 0)) return id
  }
  return null
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
    add: null,
    advice: [],
  }
}

/**
 * Explains a Defender for Endpoint, Defender XDR or Microsoft Graph 401/403 answer: its body (JSON, or the message
 * alone) or its WWW-Authenticate header. Pulls out what the API says it needs and what the token had; with the
 * token, names the exact permission to add, of which kind, with the admin-consent link for the token's tenant.
 * Pure and offline; never throws. `recognized` is false for anything else.
 */
export function explainApiResponse(
  text: string,
  options: ExplainApiResponseOptions = {},
): ApiResponseExplanation {
  if (typeof text !== 'string' || text.trim() === '') return unrecognized()
  const input = text.length > MAX_INPUT ? text.slice(0, MAX_INPUT) : text
  const facts = tokenFacts(options ?? {})
  const header = challengeText(input)
  if (header !== null) return explainChallenge(header, facts)

  const json = readJsonError(input)
  const message = json.message ?? input.trim()
  const statement =
    readPermissionStatement(message) ?? (json.message === null ? null : readPermissionStatement(input))
  if (statement !== null) {
    const api =
      facts?.api !== undefined && facts?.api !== null && isKnownApiId(facts.api)
        ? facts.api
        : (apiOfNames(statement.required, statement.kind) ??
          (statement.form === 'missing-scope-permissions' ? 'graph' : null))
    const out: ApiResponseExplanation = {
      recognized: true,
      form: statement.form,
      status: 403,
      errorCode: json.code ?? 'Forbidden',
      message: bounded(message),
      required: statement.required,
      kind: statement.kind,
      tokenHad: statement.tokenHad,
      challenge: null,
      api,
      add: null,
      advice: [],
    }
    return withPermissionAdvice(out, facts)
  }
  const code = json.code
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
      api: facts?.api !== undefined && facts?.api !== null && isKnownApiId(facts.api) ? facts.api : null,
      advice: [
        'The API refused the token itself (401), before looking at permissions: usually the wrong audience (request https://api.securitycenter.microsoft.com/.default for Defender for Endpoint, https://api.security.microsoft.com/.default for Defender XDR), an expired token, or a tenant without the product. Inspect the token with claimcheck inspect.',
      ],
    }
  }
  return unrecognized()
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
          : facts?.api !== undefined && facts?.api !== null && isKnownApiId(facts.api)
            ? facts.api
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
    return withPermissionAdvice({ ...base, required, kind }, facts)
  }
  if (error === 'insufficient_claims') {
    let needs = 'a claims challenge (Conditional Access or continuous access evaluation)'
    try {
      const claims = JSON.parse(atob((p.claims ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as {
        access_token?: { acrs?: { value?: unknown; values?: unknown } }
      }
      const acrs = claims.access_token?.acrs
      const value = acrs?.value ?? acrs?.values
      if (value !== undefined)
        needs = `the Conditional Access authentication context ${JSON.stringify(value)}`
    } catch {
      // An unreadable claims value still is a claims challenge.
    }
    return {
      ...base,
      advice: [
        `The API needs ${needs}: the client must request a new token passing this claims value (MSAL: claims request parameter), after the user satisfies the policy.`,
      ],
    }
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
  const heldKeys = new Set(held.map(nameKey))
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
