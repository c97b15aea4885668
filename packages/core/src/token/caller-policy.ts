import type { Finding } from '../findings/finding.js'
import { assertKnownKeys } from '../lib/strict-options.js'
import { hasErrors, makeFinding, sortFindings } from '../findings/make-finding.js'
import { isKnownRelation, numberListState, type CallerCredential } from './caller.js'
import { ownValue } from '../lib/json.js'
import type { Report } from '../report/report.js'
import { verdictOf } from './verdict.js'

/** Which AI agents may call: all (true, the default), none (false), or only one mode. */
export type AgentPolicy = boolean | 'autonomous-only' | 'on-behalf-of-user-only'

/**
 * The `callers` option of createVerifier: who may call, beyond the token's tenant, audience and permissions.
 * Every field is optional; an absent one allows everything it would restrict.
 */
export interface CallerPolicyOptions {
  /** false refuses guests (`xms_idrel` 5). */
  guests?: boolean
  /** Refuse AI agents, or allow only autonomous agents or only agents acting for a user. */
  agents?: AgentPolicy
  /** The credentials an app-only caller may have authenticated with (e.g. ['certificate-or-managed-identity']). */
  credentials?: readonly CallerCredential[]
  /** Apply `credentials` to delegated tokens too (their clients are often public: single-page and mobile apps). */
  delegated?: boolean
  /** What a policy does when the token lacks the optional claim it needs. Default 'refuse'. */
  onMissingClaim?: 'refuse' | 'allow'
}

/** The policy as compiled at creation: frozen, every default applied. */
export interface CallerPolicy {
  guests: boolean
  agents: AgentPolicy
  credentials: readonly CallerCredential[] | null
  delegated: boolean
  onMissingClaim: 'refuse' | 'allow'
}

const KEYS = ['guests', 'agents', 'credentials', 'delegated', 'onMissingClaim'] as const
const CREDENTIALS: readonly CallerCredential[] = [
  'public-client',
  'secret',
  'certificate-or-managed-identity',
  'managed-identity',
]

/** Reads `callers` strictly (unknown keys and wrong types throw TypeError at creation); undefined → no policy. */
export function readCallerPolicy(input: unknown): CallerPolicy | null {
  if (input === undefined) return null
  assertKnownKeys('createVerifier callers', input, KEYS)
  const o = input as CallerPolicyOptions
  const bool = (name: 'guests' | 'delegated', value: unknown): boolean => {
    if (value === undefined) return name === 'guests'
    if (typeof value !== 'boolean') throw new TypeError(`callers.${name} must be true or false`)
    return value
  }
  const agents = o.agents ?? true
  if (typeof agents !== 'boolean' && agents !== 'autonomous-only' && agents !== 'on-behalf-of-user-only')
    throw new TypeError("callers.agents must be true, false, 'autonomous-only' or 'on-behalf-of-user-only'")
  let credentials: readonly CallerCredential[] | null = null
  if (o.credentials !== undefined) {
    if (
      !Array.isArray(o.credentials) ||
      o.credentials.length === 0 ||
      !o.credentials.every((c) => CREDENTIALS.includes(c))
    )
      throw new TypeError(`callers.credentials must be a non-empty list of ${CREDENTIALS.join(', ')}`)
    credentials = Object.freeze([...o.credentials])
  }
  const onMissingClaim = o.onMissingClaim ?? 'refuse'
  if (onMissingClaim !== 'refuse' && onMissingClaim !== 'allow')
    throw new TypeError("callers.onMissingClaim must be 'refuse' or 'allow'")
  return Object.freeze({
    guests: bool('guests', o.guests),
    agents,
    credentials,
    delegated: bool('delegated', o.delegated),
    onMissingClaim,
  })
}

/** The finding codes caller policies produce: the HTTP layer answers them 403, not 401 (the token is genuine). */
export const CALLER_POLICY_CODES: ReadonlySet<string> = new Set([
  'caller-guest-refused',
  'caller-agent-refused',
  'caller-credential-refused',
  'caller-claim-missing',
])

function missing(
  policy: CallerPolicy,
  what: string,
  claims: string,
  state: 'absent' | 'unreadable' | number[] = 'absent',
): Finding {
  const refuse = policy.onMissingClaim === 'refuse'
  const how =
    state === 'absent'
      ? 'which this token does not carry'
      : state === 'unreadable'
        ? 'which this token carries in a form that cannot be read'
        : 'which names no value Microsoft documents'
  return makeFinding(
    'caller-claim-missing',
    `The ${what} policy needs the optional claim ${claims}, ${how}; ${refuse ? 'refused' : "allowed (onMissingClaim: 'allow')"}.`,
    {
      claim: claims,
      severity: refuse ? 'error' : 'warning',
      fix: `Add the optional claim ${claims} to the access token in your API's app registration (Token configuration, or optionalClaims.accessToken in the manifest).`,
    },
  )
}

/** xms_idrel 5: a guest (B2B) user. */
const RELATION_GUEST = 5

const has = (report: Report, claim: string): boolean =>
  report.token !== null && ownValue(report.token.payload, claim) !== undefined

/** Every policy the token breaks, as findings; none for a token that no policy concerns. Pure. */
export function callerPolicyFindings(report: Report, policy: CallerPolicy): Finding[] {
  const t = report.token
  if (t === null) return []
  const out: Finding[] = []
  const { caller, kind } = t

  const payload = t.payload
  if (!policy.guests && kind !== 'app-only') {
    // Fails closed: a relation claim that cannot be read, or names no relation Microsoft documents, is as good as
    // missing; any listed 5 is a guest, whatever else is listed.
    const idrel = numberListState(payload, 'xms_idrel')
    if (!Array.isArray(idrel) || !idrel.some(isKnownRelation))
      out.push(missing(policy, 'guests', 'xms_idrel', idrel))
    else if (idrel.includes(RELATION_GUEST))
      out.push(
        makeFinding(
          'caller-guest-refused',
          `The caller ${t.user ?? t.objectId ?? ''} is a guest in the tenant (xms_idrel 5); guests are refused.`.replace(
            '  ',
            ' ',
          ),
          {
            claim: 'xms_idrel',
            actual: 'guest',
          },
        ),
      )
  }

  if (policy.agents !== true) {
    const subject = numberListState(payload, 'xms_sub_fct')
    const actor = numberListState(payload, 'xms_act_fct')
    // The blueprint's presence marks an agent (Microsoft's downstream-API guide), whatever its value.
    const blueprint = has(report, 'xms_par_app_azp')
    if (subject === 'unreadable' || actor === 'unreadable')
      out.push(missing(policy, 'agents', 'xms_sub_fct and xms_act_fct', 'unreadable'))
    else if (caller.agent !== null || blueprint) {
      const allowed =
        (policy.agents === 'autonomous-only' && caller.agent === 'autonomous') ||
        (policy.agents === 'on-behalf-of-user-only' && caller.agent === 'on-behalf-of-user')
      if (!allowed)
        out.push(
          makeFinding(
            'caller-agent-refused',
            `${caller.summary}: ${policy.agents === false ? 'AI agents are refused' : `only ${policy.agents === 'autonomous-only' ? 'autonomous agents' : 'agents acting for a user'} are allowed`}.`,
            { claim: 'xms_sub_fct', actual: caller.agent ?? 'agent', expected: policy.agents },
          ),
        )
    } else if (subject === 'absent' && actor === 'absent')
      out.push(missing(policy, 'agents', 'xms_sub_fct and xms_act_fct', 'absent'))
  }

  if (policy.credentials !== null && (kind === 'app-only' || (policy.delegated && kind === 'delegated'))) {
    const claim = t.version === '2.0' ? 'azpacr' : 'appidacr'
    const credential = caller.credential
    // A managed identity authenticates with a certificate Azure holds: it satisfies that credential class too.
    const ok =
      credential !== null &&
      (policy.credentials.includes(credential) ||
        (credential === 'managed-identity' && policy.credentials.includes('certificate-or-managed-identity')))
    if (credential === null) out.push(missing(policy, 'credentials', claim))
    else if (!ok)
      out.push(
        makeFinding(
          'caller-credential-refused',
          `The calling app ${t.appId ?? ''} authenticated with ${credential === 'secret' ? 'a client secret' : credential === 'public-client' ? 'no credential (public client)' : credential}; allowed: ${policy.credentials.join(', ')}.`,
          { claim, actual: credential, expected: [...policy.credentials] },
        ),
      )
  }
  return out
}

/**
 * The Report with the caller policies applied: a new object (a remembered Report is frozen and shared), its
 * findings, `ok` and verdict recomputed. Called on every verification, cached or not.
 */
export function applyCallerPolicy(report: Report, policy: CallerPolicy | null): Report {
  if (policy === null || report.token === null) return report
  const added = callerPolicyFindings(report, policy)
  if (added.length === 0) return report
  const findings = sortFindings([...report.findings, ...added])
  return {
    ...report,
    ok: report.ok && !hasErrors(findings),
    verdict: verdictOf({
      token: report.token,
      signature: report.signature,
      permissions: report.permissions,
      findings,
    }),
    findings,
  }
}
