import { API_RESOURCES, isKnownApiId } from '../entra/apis.js'
import { CLOUDS, isCloudName, isGuid, type CloudName } from '../entra/clouds.js'
import { assertKnownKeys } from '../lib/strict-options.js'
import { builtinIndexes } from '../permissions/builtin.js'
import { MC1220762_BROAD_LIFECYCLE } from '../permissions/catalogs/lifecycles.js'
import { describeReplacement, replacementPermissions } from '../permissions/lifecycle/judge.js'
import { retiredApiForHost, retiredApiInBody } from '../permissions/lifecycle/retired-apis.js'
import { lifecycleStateAt } from '../permissions/lifecycle/state.js'
import { formatOperation, parseOperation, resolveIn } from '../permissions/operation.js'
import type {
  LifecycleReplacement,
  OperationLifecycle,
  PermissionKind,
  RateLimit,
} from '../permissions/types.js'
import { inspectToken } from '../token/inspect.js'
import { readClock, type Clock } from '../token/options.js'
import { parseCallList, type ListedCall, type UnreadableCall } from './parse-calls.js'

/** Per call: keeps working, works but its retirement is announced without a date, retiring on a date, retired, or not known. */
export type MigrationOutcome = 'works' | 'announced' | 'retiring' | 'retired' | 'unknown'

export interface MigrationStep {
  /** `METHOD target` as listed (no query string). */
  call: string
  at: number
  format: ListedCall['format']
  outcome: MigrationOutcome
  /** The catalog (`mde`, `m365d`, `graph`) or retired API (`aad-graph`, `mde-siem`, …) that matched, or null. */
  api: string | null
  apiName: string | null
  /** The matched operation as `METHOD template`, or null. */
  operation: string | null
  /** The date it stops (retiring) or stopped (retired), YYYY-MM-DD; null when none. */
  date: string | null
  daysLeft: number | null
  /** True when retired, or retiring within `withinDays`. */
  actionNeeded: boolean
  replacement: LifecycleReplacement | null
  /** What the replacement needs in the app's context (application unless the token is delegated). */
  permissionsToAdd: string[]
  announced: OperationLifecycle['announced'] | null
  rateLimits: readonly RateLimit[]
  /** With a token: whether it grants the listed operation today (null when not judged). */
  tokenGrants: boolean | null
  reason: string
}

export interface MigrationPlan {
  /** The instant the plan was judged at (ISO 8601). */
  now: string
  withinDays: number
  context: PermissionKind
  format: 'lines' | 'har'
  steps: MigrationStep[]
  unreadable: UnreadableCall[]
  /** Per API to add permissions on (Microsoft Graph, usually): what to add, and its admin-consent link. */
  toAdd: { api: string; apiName: string; permissions: string[]; adminConsentUrl: string | null }[]
  summary: Record<MigrationOutcome, number> & { actionNeeded: number; total: number }
  /** Nothing retired and nothing retiring within withinDays: `claimcheck migrate` exits 0. */
  ok: boolean
}

export interface MigrationOptions {
  /** The instant to judge at (default: now). */
  now?: Clock
  /** A retiring call counts as needing action when its date is within this many days (default 90). */
  withinDays?: number
  /** The app's client ID and the customer's tenant (GUID or domain), for the admin-consent link. */
  clientId?: string
  tenant?: string
  cloud?: CloudName
  /** The app's token (optional): its kind picks application or delegated permissions, and each call is checked against it. */
  token?: string
}

const OPTION_KEYS = ['now', 'withinDays', 'clientId', 'tenant', 'cloud', 'token'] as const
export const DEFAULT_WITHIN_DAYS = 90
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i

function apiNameOf(api: string): string {
  return isKnownApiId(api) ? API_RESOURCES[api].name : api
}

/**
 * A deterministic v2 admin-consent link for the replacement API's permissions (`{resource}/.default`): no state and
 * no redirect_uri, so the plan is reproducible (Entra returns to the app's registered reply URL).
 */
function consentUrl(
  api: string,
  clientId: string | undefined,
  tenant: string | undefined,
  cloud: CloudName,
): string | null {
  if (!isKnownApiId(api) || !isGuid(clientId)) return null
  const resource = API_RESOURCES[api].resourceByCloud[cloud]
  if (resource === undefined) return null
  const t = tenant !== undefined && (isGuid(tenant) || DOMAIN.test(tenant)) ? tenant : 'organizations'
  const url = new URL(`${CLOUDS[cloud].authority}/${encodeURIComponent(t)}/v2.0/adminconsent`)
  url.search = new URLSearchParams({ client_id: clientId, scope: `${resource}/.default` }).toString()
  return url.toString()
}

interface Matched {
  api: string
  apiName: string
  operation: string | null
  lifecycle: OperationLifecycle | null
  rateLimits: readonly RateLimit[]
  legacyReplacement: string | null
}

function match(call: ListedCall): Matched | null {
  const parsed = parseOperation(`${call.method} ${call.target}`)
  if (parsed === null) return null
  const retired = retiredApiForHost(parsed.host)
  if (retired)
    return {
      api: retired.id,
      apiName: retired.name,
      operation: null,
      lifecycle: retired.lifecycle,
      rateLimits: [],
      legacyReplacement: null,
    }
  const hit = resolveIn(parsed, builtinIndexes(), null)
  if (hit === null) return null
  const op = hit.operation
  const id = hit.index.catalog.id
  // MC1220762 names the MDE and XDR APIs as a whole: every operation of theirs without its own notice is "announced".
  const lifecycle = op.lifecycle ?? (id === 'mde' || id === 'm365d' ? MC1220762_BROAD_LIFECYCLE : null)
  return {
    api: id,
    apiName: hit.index.catalog.name,
    operation: formatOperation(op),
    lifecycle,
    rateLimits: op.rateLimits ?? [],
    legacyReplacement: op.legacy?.replacement ?? null,
  }
}

/**
 * Plans an app's move off retiring APIs: for each call it makes (see parseCallList), whether it keeps working, is
 * retiring (on which date, to which replacement, with which permission), is retired, or is not known; then the
 * permissions to add per replacement API with their admin-consent link. Pure and offline; never throws on bad input
 * (unreadable entries are listed); options are read strictly.
 */
export function planMigration(input: string, options: MigrationOptions = {}): MigrationPlan {
  assertKnownKeys('planMigration', options, OPTION_KEYS)
  const nowDate = readClock(options.now)
  const nowMs = nowDate.getTime()
  if (!Number.isFinite(nowMs)) throw new TypeError('planMigration: now is not a valid date')
  const withinDays = options.withinDays ?? DEFAULT_WITHIN_DAYS
  if (!Number.isSafeInteger(withinDays) || withinDays < 0)
    throw new TypeError('planMigration: withinDays must be a whole number of days, 0 or more')
  const cloud = options.cloud ?? 'public'
  if (!isCloudName(cloud)) throw new TypeError(`planMigration: unknown cloud ${String(cloud)}`)

  const token = typeof options.token === 'string' && options.token.length > 0 ? options.token : null
  const facts = token === null ? null : inspectToken(token, { now: nowDate }).token
  const context: PermissionKind = facts?.kind === 'delegated' ? 'delegated' : 'application'
  const clientId = options.clientId ?? facts?.appId ?? undefined
  const tenant = options.tenant ?? facts?.tenantId ?? undefined

  const list = parseCallList(input)
  const steps = list.calls.map((call): MigrationStep => {
    const m = match(call)
    const feature = retiredApiInBody(call.body)
    const lifecycle = feature?.lifecycle ?? m?.lifecycle ?? null
    const state = lifecycleStateAt(lifecycle, nowMs)
    const outcome: MigrationOutcome =
      m === null && feature === null ? 'unknown' : state.state === 'working' ? 'works' : state.state
    const replacement = lifecycle?.replacement ?? null
    const date = state.state === 'retiring' || state.state === 'retired' ? state.date : null
    const daysLeft = state.state === 'retiring' ? state.daysLeft : null
    const actionNeeded = outcome === 'retired' || (outcome === 'retiring' && (daysLeft ?? 0) <= withinDays)
    const tokenGrants =
      token === null || m?.operation == null
        ? null
        : inspectToken(token, { now: nowDate, operation: `${call.method} ${call.target}` }).permissions
            .satisfied
    const name = feature?.name ?? m?.apiName ?? null
    const reason =
      outcome === 'unknown'
        ? 'no catalog of ClaimCheck has this call (check the method, host and path)'
        : outcome === 'works'
          ? `no retirement announced${m?.legacyReplacement ? `; its documentation points to ${m.legacyReplacement}` : ''}`
          : outcome === 'announced'
            ? `retirement announced without a date for this call (${lifecycle?.announced?.note ?? 'scope unclear'})`
            : outcome === 'retiring'
              ? `works today; stops on ${date} (${daysLeft} days left)${replacement ? ` → ${describeReplacement(replacement, context)}` : ''}`
              : `retired${date ? ` on ${date}` : ''}${feature ? ` (${feature.name})` : ''}${replacement ? ` → ${describeReplacement(replacement, context)}` : ''}`
    return {
      call: `${call.method} ${call.target}`,
      at: call.at,
      format: call.format,
      outcome,
      api: feature?.id ?? m?.api ?? null,
      apiName: name,
      operation: m?.operation ?? null,
      date,
      daysLeft,
      actionNeeded,
      replacement,
      // Any one of the replacement's permissions grants it; the first is the narrowest, the one to add.
      permissionsToAdd: [...replacementPermissions(replacement ?? undefined, context)].slice(0, 1),
      announced: lifecycle?.announced ?? null,
      rateLimits: m?.rateLimits ?? [],
      tokenGrants,
      reason,
    }
  })

  const byApi = new Map<string, Set<string>>()
  for (const s of steps)
    if (
      (s.outcome === 'retiring' || s.outcome === 'retired') &&
      s.replacement &&
      s.permissionsToAdd.length > 0
    ) {
      const set = byApi.get(s.replacement.api) ?? new Set<string>()
      for (const p of s.permissionsToAdd) set.add(p)
      byApi.set(s.replacement.api, set)
    }
  const toAdd = [...byApi].map(([api, perms]) => ({
    api,
    apiName: apiNameOf(api),
    permissions: [...perms].sort(),
    adminConsentUrl: consentUrl(api, clientId, tenant, cloud),
  }))
  const summary = {
    works: 0,
    announced: 0,
    retiring: 0,
    retired: 0,
    unknown: 0,
    actionNeeded: 0,
    total: steps.length,
  }
  for (const s of steps) {
    summary[s.outcome]++
    if (s.actionNeeded) summary.actionNeeded++
  }
  return {
    now: nowDate.toISOString(),
    withinDays,
    context,
    format: list.format,
    steps,
    unreadable: list.unreadable,
    toAdd,
    summary,
    ok: summary.actionNeeded === 0,
  }
}
