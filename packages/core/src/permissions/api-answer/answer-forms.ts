import type { PermissionKind } from '../types.js'

/**
 * The 401/403 answers ClaimCheck recognises. Each form is documented in docs/permissions.md with public examples;
 * test/permissions/api-answer/fixtures.ts holds them with their sources.
 */
export type ApiAnswerForm =
  /** Graph (and Defender for Endpoint behind some relays): "Missing application roles. API required roles: A,B, application roles: C." */
  | 'missing-application-roles'
  /** Defender for Endpoint: "The application does not have any of the required application permissions (A, B) to access the resource." */
  | 'missing-required-permissions'
  /** Graph, delegated: "Missing scope permissions on the request. API requires one of 'A, B'. Scopes on the request 'C'" */
  | 'missing-scope-permissions'
  /** Graph 401: code InvalidAuthenticationToken ("Access token validation failure. Invalid audience.", "…expired…"). */
  | 'invalid-authentication-token'
  /** Graph directory APIs: Authorization_RequestDenied, "Insufficient privileges to complete the operation." */
  | 'insufficient-privileges'
  /** Defender APIs' 401: "Authorization has been denied for this request." */
  | 'authorization-denied'
  /** An RFC 6750 / Entra WWW-Authenticate challenge. */
  | 'www-authenticate'
  /** 429: Graph's TooManyRequests, a Defender API's throttling answer, or a 429 status line (with Retry-After). */
  | 'too-many-requests'
  /** An Entra (AADSTS) error pasted where an API answer was expected: a token endpoint's JSON or an error text. */
  | 'aadsts'
  /** Only a status line (`HTTP/1.1 401 Unauthorized`): what that status means for a call with a token. */
  | 'http-status'

/** What a message of a permission form says: what the API needs (any one), of which kind, what the token had. */
export interface PermissionStatement {
  form: ApiAnswerForm
  kind: PermissionKind | null
  required: string[]
  tokenHad: string[] | null
}

const LIST_LIMIT = 64

function names(list: string): string[] {
  return list
    .split(/[,\s]+/)
    .map((n) => n.trim())
    .filter((n) => n.length > 0 && n.length <= 200)
    .slice(0, LIST_LIMIT)
}

/** Where a message quoted inside JSON, a Python dict or a log line ends. */
function untilQuote(s: string): string {
  const end = s.search(/["'}\r\n]/)
  return end < 0 ? s : s.slice(0, end)
}

/** Reads the permission statement from an API message, or null when the message is none of the known forms. */
export function readPermissionStatement(message: string): PermissionStatement | null {
  const req = message.indexOf('API required roles:')
  if (/Missing application roles/i.test(message) && req >= 0) {
    const afterReq = message.slice(req + 'API required roles:'.length)
    const had = afterReq.search(/application roles:/i)
    const requiredText = had < 0 ? untilQuote(afterReq) : afterReq.slice(0, had)
    const hadText =
      had < 0 ? null : untilQuote(afterReq.slice(had + 'application roles:'.length)).replace(/\.\s*$/, '')
    return {
      form: 'missing-application-roles',
      kind: 'application',
      required: names(requiredText),
      tokenHad: hadText === null ? null : names(hadText),
    }
  }
  const mde = /required (application|delegated) permissions \(([^)]{0,4000})\)/i.exec(message)
  if (mde) {
    return {
      form: 'missing-required-permissions',
      kind: (mde[1] as string).toLowerCase() as PermissionKind,
      required: names(mde[2] as string),
      tokenHad: null,
    }
  }
  const scopes =
    /API requires one of '([^']{0,4000})'(?:\.?\s*Scopes on the request '([^']{0,8000})')?/i.exec(message)
  if (scopes) {
    return {
      form: 'missing-scope-permissions',
      kind: 'delegated',
      required: names(scopes[1] as string),
      tokenHad: scopes[2] === undefined ? null : names(scopes[2]),
    }
  }
  return null
}
