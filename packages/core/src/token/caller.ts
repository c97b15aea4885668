import { ownValue, type JsonObject } from '../lib/json.js'
import type { TokenKind } from '../report/report.js'

/** Who an AI agent's token is for (architecture.md, "Caller facts"); null when the token is not an agent's. */
export type AgentMode = 'autonomous' | 'on-behalf-of-user' | 'agent-user'

/** How the caller relates to the tenant, from `xms_idrel` (Microsoft's optional-claims reference). */
export type CallerRelation =
  | 'member'
  | 'guest'
  | 'service-principal'
  | 'gdap-user'
  | 'sp-less-application'
  | 'mto-member'
  | 'mto-user'
  | 'dap-user'
  | 'managed-identity'

/** How the calling app authenticated, from `appidacr`/`azpacr` (and `xms_mirid` for managed identities). */
export type CallerCredential =
  'public-client' | 'secret' | 'certificate-or-managed-identity' | 'managed-identity'

export interface CallerFacets {
  /** `xms_sub_fct`: facets of the token's subject. */
  subject: number[]
  /** `xms_act_fct`: facets of the actor (who performs the call). */
  actor: number[]
  /** `xms_tnt_fct`: facets of the tenant. */
  tenant: number[]
}

/** What the token says about its caller, beside `kind`. Shown and logged; policies read it, permissions never do. */
export interface CallerFacts {
  agent: AgentMode | null
  /** The agent identity's application ID (`appid`/`azp`) when the caller is an agent. */
  agentId: string | null
  /** `xms_par_app_azp`: the agent's parent (blueprint) app. Shown, never used to authorize. */
  blueprint: string | null
  facets: CallerFacets
  relation: CallerRelation | null
  credential: CallerCredential | null
  /** The managed identity's resource ID (`xms_mirid`), when there is one. */
  managedIdentity: string | null
  /** One sentence in words: "AI agent … acting for user …", "AI agent … acting as itself", … */
  summary: string
}

/** Facet numbers (Agent ID docs, agent-token-claims): 11 AgentIdentity, 13 AgentIDUser. */
export const FACET_AGENT_IDENTITY = 11
export const FACET_AGENT_USER = 13

/** `xms_idrel` values, as the optional-claims reference lists them; unknown values are ignored. */
const RELATIONS: Readonly<Record<number, CallerRelation>> = {
  1: 'member',
  5: 'guest',
  7: 'service-principal',
  11: 'gdap-user',
  13: 'sp-less-application',
  27: 'mto-member',
  29: 'mto-user',
  31: 'dap-user',
  33: 'managed-identity',
}

const CREDENTIALS: Readonly<Record<string, CallerCredential>> = {
  '0': 'public-client',
  '1': 'secret',
  '2': 'certificate-or-managed-identity',
}

/**
 * A facet or relation claim as read: absent, unreadable (present but not a list of numbers: a policy must not treat
 * it as absent of meaning, it fails closed), or its numbers. Microsoft writes space-separated numbers in any order
 * ("9 3 11"); any whitespace between them, a single JSON number or an array of numbers read the same.
 */
export function numberListState(payload: JsonObject, claim: string): 'absent' | 'unreadable' | number[] {
  const value = ownValue(payload, claim)
  if (value === undefined) return 'absent'
  const parts: unknown[] =
    typeof value === 'string' ? value.trim().split(/\s+/) : Array.isArray(value) ? value : [value]
  const numbers: number[] = []
  for (const part of parts) {
    const text = typeof part === 'number' ? String(part) : part
    if (typeof text !== 'string' || !/^\d{1,4}$/.test(text)) return 'unreadable'
    numbers.push(Number(text))
  }
  return numbers.length === 0 ? 'unreadable' : numbers
}

/** The numbers of a facet or relation claim; none when it is absent or unreadable (see numberListState). */
export function readNumberList(payload: JsonObject, claim: string): number[] {
  const state = numberListState(payload, claim)
  return Array.isArray(state) ? state : []
}

/** Whether a relation number is one Microsoft documents (RELATIONS). */
export function isKnownRelation(n: number): boolean {
  return Object.hasOwn(RELATIONS, n)
}

/**
 * `scp` of `""` or `"/"` (an autonomous agent's token) counts as absent: it grants nothing delegated. Any other
 * present value counts (a non-string scp is still a delegated token's claim, reported as claim-type-invalid).
 */
export function meaningfulScope(value: unknown): boolean {
  if (value === undefined) return false
  return typeof value !== 'string' || (value.trim() !== '' && value.trim() !== '/')
}

function readString(payload: JsonObject, claim: string): string | null {
  const v = ownValue(payload, claim)
  return typeof v === 'string' && v.length > 0 ? v : null
}

/**
 * Whether the token is an autonomous agent's: the agent is the subject (`xms_sub_fct` lists 11), or — with no facet
 * claims — `xms_par_app_azp` is present and nothing names a user. Read before classification rules 2 and 4, so an
 * agent's token with `oid` ≠ `sub`, no `idtyp` and `scp` of "" or "/" is app-only.
 */
export function isAutonomousAgent(payload: JsonObject): boolean {
  // Never when anything names a user: a delegated permission or a user claim keeps the token a user's, so a user's
  // app-role assignments can never pass as an agent's application permissions.
  if (meaningfulScope(ownValue(payload, 'scp')) || hasUserClaim(payload)) return false
  const subject = readNumberList(payload, 'xms_sub_fct')
  if (subject.includes(FACET_AGENT_USER)) return false
  if (subject.includes(FACET_AGENT_IDENTITY)) return true
  return readString(payload, 'xms_par_app_azp') !== null && ownValue(payload, 'xms_sub_fct') === undefined
}

function hasUserClaim(payload: JsonObject): boolean {
  return ['upn', 'unique_name', 'preferred_username', 'given_name', 'family_name', 'email'].some(
    (c) => ownValue(payload, c) !== undefined,
  )
}

function agentMode(payload: JsonObject, kind: TokenKind): AgentMode | null {
  const subject = readNumberList(payload, 'xms_sub_fct')
  const actor = readNumberList(payload, 'xms_act_fct')
  if (subject.includes(FACET_AGENT_USER)) return 'agent-user'
  const agent =
    subject.includes(FACET_AGENT_IDENTITY) ||
    actor.includes(FACET_AGENT_IDENTITY) ||
    readString(payload, 'xms_par_app_azp') !== null
  if (!agent) return null
  if (kind === 'delegated') return 'on-behalf-of-user'
  return 'autonomous'
}

function credentialOf(payload: JsonObject, version: '1.0' | '2.0' | null): CallerCredential | null {
  if (readString(payload, 'xms_mirid') !== null) return 'managed-identity'
  const claim = version === '2.0' ? 'azpacr' : version === '1.0' ? 'appidacr' : null
  const value =
    claim === null ? (ownValue(payload, 'appidacr') ?? ownValue(payload, 'azpacr')) : ownValue(payload, claim)
  return typeof value === 'string' ? (CREDENTIALS[value] ?? null) : null
}

function relationOf(payload: JsonObject): CallerRelation | null {
  for (const n of readNumberList(payload, 'xms_idrel')) {
    const relation = RELATIONS[n]
    if (relation !== undefined) return relation
  }
  return null
}

function summaryOf(facts: Omit<CallerFacts, 'summary'>, user: string | null, kind: TokenKind): string {
  const agent = `AI agent ${facts.agentId ?? '(no app ID)'}`
  const blueprint = facts.blueprint === null ? '' : ` (blueprint ${facts.blueprint})`
  if (facts.agent === 'autonomous') return `${agent}${blueprint} acting as itself`
  if (facts.agent === 'on-behalf-of-user')
    return `${agent}${blueprint} acting for user ${user ?? '(unnamed user)'}`
  if (facts.agent === 'agent-user')
    return (
      `${agent}${blueprint} signed in as its own user account ${user ?? ''}`.trimEnd() + ' (not a person)'
    )
  const who =
    facts.credential === 'managed-identity'
      ? 'A managed identity'
      : kind === 'app-only'
        ? 'An application acting as itself'
        : kind === 'delegated'
          ? `User ${user ?? '(unnamed)'}`
          : 'The caller'
  const relation =
    facts.relation === 'guest'
      ? ', a guest in the tenant'
      : facts.relation === 'gdap-user' || facts.relation === 'dap-user'
        ? ', a partner (GDAP/DAP) administrator'
        : ''
  return `${who}${relation}`
}

/** Reads the caller facts; `kind` is the classification's (agents never change it except through isAutonomousAgent). */
export function readCallerFacts(
  payload: JsonObject,
  kind: TokenKind,
  version: '1.0' | '2.0' | null,
  appId: string | null,
  user: string | null,
): CallerFacts {
  const agent = agentMode(payload, kind)
  const facts = {
    agent,
    agentId: agent === null ? null : appId,
    blueprint: readString(payload, 'xms_par_app_azp'),
    facets: {
      subject: readNumberList(payload, 'xms_sub_fct'),
      actor: readNumberList(payload, 'xms_act_fct'),
      tenant: readNumberList(payload, 'xms_tnt_fct'),
    },
    relation: relationOf(payload),
    credential: credentialOf(payload, version),
    managedIdentity: readString(payload, 'xms_mirid'),
  }
  return { ...facts, summary: summaryOf(facts, user, kind) }
}
