import { isAutonomousAgent, meaningfulScope } from './caller.js'
import { ownValue, type JsonObject } from '../lib/json.js'
import type { KindRule, TokenKind } from '../report/report.js'

export interface Classification {
  kind: TokenKind
  rule: KindRule
  reason: string
}

/** Claims only a signed-in user's token carries (architecture.md, rule 4). Never used for authorization. */
const USER_CLAIMS = [
  'upn',
  'unique_name',
  'preferred_username',
  'name',
  'given_name',
  'family_name',
  'amr',
  'email',
] as const

/**
 * The calling application as the token's version names it: `azp` in v2, `appid` in v1. An `appid` in a v2 token
 * (or `azp` in a v1 token) does not stand in for it. Without a known version either is read, for diagnosis only:
 * such a token already fails the issuer checks.
 */
export function clientOf(payload: JsonObject, version: '1.0' | '2.0' | null): string | undefined {
  const azp = ownValue(payload, 'azp')
  const appid = ownValue(payload, 'appid')
  const value = version === '2.0' ? azp : version === '1.0' ? appid : (appid ?? azp)
  return typeof value === 'string' && value.length > 0 ? value : undefined
}

/**
 * The first rule that applies wins (architecture.md, "Classifying a token", corrected 2026-11-30). `roles` never
 * decides: a user's token carries the user's app-role assignments in `roles` too.
 */
export function classifyToken(payload: JsonObject, version: '1.0' | '2.0' | null): Classification {
  const has = (name: string): boolean => ownValue(payload, name) !== undefined
  const idtyp = ownValue(payload, 'idtyp')
  if (idtyp === 'app')
    return { kind: 'app-only', rule: 'idtyp', reason: 'idtyp is "app": Entra marks app-only tokens so.' }
  if (idtyp === 'user')
    return {
      kind: 'delegated',
      rule: 'idtyp',
      reason: 'idtyp is "user": a token issued for a signed-in user.',
    }
  // Caller facts (architecture.md, 2026-12-07): Microsoft's sample autonomous-agent token has oid != sub; without
  // idtyp it would read as a user's. An empty or "/" scp, which such tokens may carry, grants nothing delegated.
  if (isAutonomousAgent(payload))
    return {
      kind: 'app-only',
      rule: 'agent-autonomous',
      reason:
        'An AI agent acting as itself (xms_sub_fct lists 11, AgentIdentity, or xms_par_app_azp with no user): app-only, whatever oid and sub say.',
    }
  if (meaningfulScope(ownValue(payload, 'scp')))
    return {
      kind: 'delegated',
      rule: 'scp',
      reason: 'scp is present: delegated permissions are only issued for a signed-in user.',
    }
  if (has('nonce'))
    return {
      kind: 'id-token',
      rule: 'nonce',
      reason: 'The payload has a nonce claim, which only ID tokens carry.',
    }
  if (clientOf(payload, version) === undefined) {
    const claim = version === '2.0' ? 'azp' : version === '1.0' ? 'appid' : 'appid or azp'
    return {
      kind: 'id-token',
      rule: 'no-client',
      reason: `The token names no calling app (no ${claim}); every access token does, so this is not one.`,
    }
  }
  const oid = ownValue(payload, 'oid')
  const sub = ownValue(payload, 'sub')
  const userClaims = USER_CLAIMS.filter(has)
  if (userClaims.length > 0) {
    return {
      kind: 'delegated',
      rule: 'user-claims',
      reason: `The token carries user claims (${userClaims.join(', ')}): it was issued for a signed-in user, so its roles are the user's app-role assignments.`,
    }
  }
  if (oid !== undefined && oid !== sub) {
    return {
      kind: 'delegated',
      rule: 'oid-differs',
      reason:
        "oid differs from sub: the token names a user; its roles are the user's app-role assignments, not application permissions.",
    }
  }
  if (oid !== undefined && oid === sub) {
    return {
      kind: 'app-only',
      rule: 'oid-equals-sub',
      reason: 'No scp, no user claims, and oid equals sub: a client-credentials (or managed identity) token.',
    }
  }
  const missing = ['idtyp', 'scp', 'oid', ...(sub === undefined ? ['sub'] : [])]
  return {
    kind: 'unknown',
    rule: 'undecided',
    reason: `Cannot tell app-only from delegated: the token has none of ${missing.join(', ')}.`,
  }
}
