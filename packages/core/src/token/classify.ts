import { ownValue, type JsonObject } from './json.js'
import type { KindRule, TokenKind } from './report.js'

export interface Classification {
  kind: TokenKind
  rule: KindRule
  reason: string
}

const USER_CLAIMS = ['upn', 'unique_name', 'preferred_username', 'name', 'amr'] as const

/** The first rule that applies wins (architecture.md, "Classifying a token"). */
export function classifyToken(payload: JsonObject): Classification {
  const has = (name: string): boolean => ownValue(payload, name) !== undefined
  const idtyp = ownValue(payload, 'idtyp')
  if (idtyp === 'app') return { kind: 'app-only', rule: 'idtyp', reason: 'idtyp is "app": Entra marks app-only tokens so.' }
  if (idtyp === 'user') return { kind: 'delegated', rule: 'idtyp', reason: 'idtyp is "user": a token issued for a signed-in user.' }
  if (has('scp')) return { kind: 'delegated', rule: 'scp', reason: 'scp is present: delegated permissions are only issued for a signed-in user.' }
  if (has('nonce')) return { kind: 'id-token', rule: 'nonce', reason: 'The payload has a nonce claim, which only ID tokens carry.' }
  const client = ownValue(payload, 'appid') ?? ownValue(payload, 'azp')
  const userClaims = USER_CLAIMS.filter(has)
  if (client === undefined && userClaims.length > 0) {
    return { kind: 'id-token', rule: 'no-client-with-user-claims', reason: `No appid or azp (every access token names its client) but user claims (${userClaims.join(', ')}): the shape of an ID token.` }
  }
  const aud = ownValue(payload, 'aud')
  if (client !== undefined && aud === client && !has('roles') && userClaims.length > 0) {
    return { kind: 'id-token', rule: 'aud-is-client', reason: 'aud is the client itself and the token carries user claims but no permissions: the shape of an ID token.' }
  }
  if (has('roles')) return { kind: 'app-only', rule: 'roles', reason: 'roles without scp: application permissions of an app-only token.' }
  const oid = ownValue(payload, 'oid')
  if (userClaims.length === 0 && oid !== undefined && oid === ownValue(payload, 'sub')) {
    return { kind: 'app-only', rule: 'oid-equals-sub', reason: 'No scp, no roles, no user claims, and oid equals sub: a client-credentials (or managed identity) token with no permissions assigned.' }
  }
  const missing = ['idtyp', 'scp', 'roles', ...(oid === undefined ? ['oid'] : []), ...(has('sub') ? [] : ['sub'])]
  return { kind: 'unknown', rule: 'undecided', reason: `Cannot tell the kind: the token has none of ${missing.join(', ')}${oid !== undefined ? ', and oid differs from sub' : ''}.` }
}
