import { API_RESOURCES, isKnownApiId, normalizeAudience } from '../entra/apis.js'
import { isCloudName, type CloudName } from '../entra/clouds.js'
import type { Finding } from '../findings/finding.js'
import { makeFinding } from '../findings/make-finding.js'
import { adminConsentLink } from './admin-consent-link.js'
import { BUILTIN_CATALOGS, builtinCatalog } from './builtin.js'
import { canonicalName, findPermissions, nameKey, otherKind } from './names.js'
import { formatOperation, parseOperation, resolveOperation } from './operation.js'
import type { CatalogOperation, PermissionCatalog, PermissionCheck, PermissionKind, PermissionRequirement, PermissionSubject } from './types.js'
import { assertCatalog } from './validate-catalog.js'
import { isRecord, own } from '../lib/records.js'

function ownString(obj: object, key: string): string | null {
  const v = own(obj as Record<string, unknown>, key)
  return typeof v === 'string' ? v : null
}

/** roles: an array of strings or nothing; scp: a string split on single spaces or nothing. Own properties only. */
function readGrants(payload: Record<string, unknown>): { roles: string[]; scopes: string[] } {
  const r = own(payload, 'roles')
  const roles = Array.isArray(r) && r.every((x) => typeof x === 'string') ? (r as string[]).filter((x) => x.length > 0) : []
  const s = own(payload, 'scp')
  const scopes = typeof s === 'string' ? s.split(' ').filter((x) => x.length > 0) : []
  return { roles, scopes }
}

function contextOf(kind: string | null, payload: Record<string, unknown>): PermissionKind {
  if (kind === 'app-only') return 'application'
  if (kind === 'delegated' || kind === 'id-token') return 'delegated'
  return own(payload, 'scp') !== undefined ? 'delegated' : 'application'
}

function validateRequirement(requirement: PermissionRequirement): { catalog: PermissionCatalog | null; require: string[]; operation: string | null } {
  if (!isRecord(requirement)) throw new TypeError('checkPermissions: requirement must be an object')
  const rawRequire = own(requirement, 'require')
  if (rawRequire !== undefined && (!Array.isArray(rawRequire) || !rawRequire.every((r) => typeof r === 'string' && r.length > 0 && !/\s/.test(r)))) {
    throw new TypeError('checkPermissions: require must be an array of permission names (no spaces)')
  }
  const operation = own(requirement, 'operation')
  if (operation !== undefined && typeof operation !== 'string') throw new TypeError('checkPermissions: operation must be a string like "GET /api/alerts"')
  const require = [...((rawRequire as string[] | undefined) ?? [])]
  if (operation === undefined && require.length === 0) throw new TypeError('checkPermissions: give an operation or the required permissions')
  const rawCatalog = own(requirement, 'catalog')
  const api = own(requirement, 'api')
  if (api !== undefined && typeof api !== 'string') throw new TypeError('checkPermissions: api must be a catalog id such as "mde"')
  let catalog: PermissionCatalog | null = null
  if (rawCatalog !== undefined) {
    catalog = assertCatalog(rawCatalog)
    if (api !== undefined && api !== catalog.id) throw new TypeError(`checkPermissions: api "${api}" does not name the given catalog ("${catalog.id}")`)
  } else if (api !== undefined) {
    catalog = builtinCatalog(api)
    if (!catalog) throw new TypeError(`checkPermissions: unknown api "${api}" (built-in: mde, m365d; pass a catalog for others)`)
  }
  return { catalog, require, operation: (operation as string | undefined) ?? null }
}

const KIND_LABEL: Record<string, string> = { 'app-only': 'app-only', delegated: 'delegated', 'id-token': 'ID', unknown: 'unclassified' }

function anyOfText(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? 'nothing') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`
}

function allOfText(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? 'nothing') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

function tokenHas(context: PermissionKind, roles: string[], scopes: string[]): string {
  const list = context === 'application' ? roles : scopes
  const claim = context === 'application' ? 'roles' : 'scp'
  return list.length === 0 ? `no ${claim}` : `${claim} ${list.join(context === 'application' ? ', ' : ' ')}`
}

function wantedText(anyOf: string[], allOf: string[]): string {
  const parts = [anyOf.length > 0 ? anyOfText(anyOf) : null, allOf.length > 0 ? allOfText(allOf) : null].filter((p): p is string => p !== null)
  return parts.join(', and ')
}

function defaultScope(catalog: PermissionCatalog, cloud: CloudName | null): string | null {
  const resource = catalog.resourceByCloud?.[cloud ?? 'public'] ?? catalog.identifierUris[0]
  return resource === undefined ? null : `${resource.replace(/\/+$/, '')}/.default`
}

/** Is the token for this catalog's API? Returns the finding that says why not, or null. */
function resourceFinding(subject: PermissionSubject, catalog: PermissionCatalog): Finding | null {
  const aud = typeof subject.audience === 'string' ? subject.audience : ownString(subject.payload, 'aud')
  if (aud === null) return null // audience-not-single already says so
  const n = normalizeAudience(aud)
  if (catalog.identifierUris.some((u) => normalizeAudience(u) === n) || (catalog.appId !== null && normalizeAudience(catalog.appId) === n)) return null
  const tokenApi = typeof subject.api === 'string' ? subject.api : null
  const cloud = isCloudName(subject.cloud) ? subject.cloud : null
  const scope = defaultScope(catalog, cloud)
  const fix = scope === null ? {} : { fix: `Request the token with scope ${scope}.` }
  if (tokenApi !== null && isKnownApiId(tokenApi) && tokenApi !== catalog.id) {
    return makeFinding('wrong-api', `The token is for ${API_RESOURCES[tokenApi].name} (aud ${aud}), but the call goes to ${catalog.name}.`, { claim: 'aud', expected: catalog.identifierUris[0], actual: aud, ...fix })
  }
  return makeFinding('audience-mismatch', `aud is ${aud}; ${catalog.name} accepts ${catalog.identifierUris.join(' or ')}.`, { claim: 'aud', expected: [...catalog.identifierUris], actual: aud, ...fix })
}

interface Evaluation {
  anyOf: string[]
  allOf: string[]
  granted: string[]
  missing: string[]
  /** The operation's alternatives when none is held (else empty). */
  anyMissing: string[]
  /** Explicitly required permissions the token lacks. */
  allMissing: string[]
  satisfied: boolean
}

/** A requirement resolved once: validated, its operation looked up in the catalogs, its names made canonical. */
interface RequirementPlan {
  /** The catalog that decides (after resolving the operation), or the given one when the operation is unknown. */
  catalog: PermissionCatalog | null
  operation: CatalogOperation | null
  label: string | null
  require: string[]
  /** The operation-unknown finding's text when the operation is in no catalog. */
  unknown: { message: string; actual: string } | null
}

const PLAN_LIMIT = 256
const MAX_REMEMBERED_KEY = 2_048
// Validated requirements, resolved: keyed by the catalog (by identity), the required names, the operation and the
// token's API (it decides which catalog is tried first). Only requirements that resolved are kept.
const PLANS = new Map<string, RequirementPlan>()
const catalogIds = new WeakMap<PermissionCatalog, number>()
let nextCatalogId = 1

function planFor(requirement: PermissionRequirement, tokenApi: string | null): RequirementPlan {
  const { catalog: given, require, operation: operationText } = validateRequirement(requirement)
  let id = 0
  if (given !== null) {
    id = catalogIds.get(given) ?? nextCatalogId++
    catalogIds.set(given, id)
  }
  const key = JSON.stringify([id, require, operationText, tokenApi])
  const memo = PLANS.get(key)
  if (memo) return memo
  let plan: RequirementPlan
  if (operationText !== null) {
    const parsed = parseOperation(operationText)
    if (parsed === null) throw new TypeError(`checkPermissions: operation "${operationText}" is not "METHOD /path" or "METHOD https://host/path"`)
    const candidates = given ? [given] : Object.values(BUILTIN_CATALOGS)
    const match = resolveOperation(parsed, candidates, tokenApi)
    if (!match) {
      const where = parsed.host !== null && !candidates.some((c) => c.hosts.some((h) => h.toLowerCase() === parsed.host))
        ? `${parsed.host} is not a host of ${candidates.map((c) => c.name).join(' or ')}`
        : `it is not in the ${candidates.map((c) => c.name).join(' or ')} catalog`
      plan = { catalog: given, operation: null, label: null, require, unknown: { message: `Cannot check ${operationText.trim()}: ${where}.`, actual: operationText.trim() } }
    } else {
      plan = { catalog: match.catalog, operation: match.operation, label: formatOperation(match.operation), require, unknown: null }
    }
  } else {
    const catalog = given === null && tokenApi !== null ? builtinCatalog(tokenApi) : given
    plan = { catalog, operation: null, label: null, require, unknown: null }
  }
  // Long requests (an operation built from a request URL, say) are resolved every time rather than kept.
  if (key.length <= MAX_REMEMBERED_KEY) {
    if (PLANS.size >= PLAN_LIMIT) PLANS.delete(PLANS.keys().next().value as string)
    PLANS.set(key, plan)
  }
  return plan
}

function evaluate(held: Map<string, string>, operation: CatalogOperation | null, context: PermissionKind, catalog: PermissionCatalog | null, require: string[]): Evaluation {
  const anyOf = operation ? operation[context].map((n) => canonicalName(catalog, n)) : []
  const allOf = [...new Set(require.map((n) => canonicalName(catalog, n)))]
  const anyHeld = anyOf.filter((n) => held.has(nameKey(n)))
  const allHeld = allOf.filter((n) => held.has(nameKey(n)))
  const opOk = operation === null || anyHeld.length > 0
  const allMissing = allOf.filter((n) => !held.has(nameKey(n)))
  const granted = [...new Set([...anyHeld, ...allHeld].map((n) => held.get(nameKey(n)) as string))]
  const anyMissing = opOk ? [] : anyOf
  return { anyOf, allOf, granted, missing: [...anyMissing, ...allMissing.filter((n) => !anyMissing.includes(n))], anyMissing, allMissing, satisfied: opOk && allMissing.length === 0 }
}

/**
 * Does this token carry what the operation (and/or the explicit requirement) needs? Exact matching only: a
 * permission is granted when the token's roles (app-only) or scp (delegated) contain its value, compared
 * case-insensitively; documented misspellings are mapped through the catalog's aliases on the requirement side
 * only. Does NOT check the signature, lifetime or the signed-in user's own product roles.
 */
export function checkPermissions(facts: PermissionSubject, requirement: PermissionRequirement): PermissionCheck {
  if (!isRecord(facts) || !isRecord(own(facts, 'payload'))) throw new TypeError('checkPermissions: facts must be token facts (an object with a payload object)')
  const subject = facts as PermissionSubject
  const payload = own(facts, 'payload') as Record<string, unknown>
  const tokenApi = ownString(facts, 'api')
  const plan = planFor(requirement, tokenApi)
  const kind = ownString(facts, 'kind')
  const context = contextOf(kind, payload)
  const { roles, scopes } = readGrants(payload)
  const inContext = context === 'application' ? roles : scopes
  const held = new Map<string, string>()
  for (const n of inContext) held.set(nameKey(n), n)
  const findings: Finding[] = []

  if (plan.unknown !== null) {
    findings.push(makeFinding('operation-unknown', plan.unknown.message, { expected: 'an operation listed by claimcheck permissions', actual: plan.unknown.actual }))
    const e = evaluate(held, null, context, plan.catalog, plan.require)
    return { context, api: plan.catalog?.id ?? null, operation: null, source: null, required: e.allOf, anyOf: [], allOf: e.allOf, satisfied: false, granted: e.granted, missing: e.missing, findings }
  }
  const { catalog, operation, label } = plan
  const api = catalog?.id ?? null
  const source = operation?.source ?? null
  const e = evaluate(held, operation, context, catalog, plan.require)
  // Written out rather than spread: V8's spread-then-add path costs more than the whole check here.
  const result = (satisfied: boolean, granted: string[]): PermissionCheck =>
    ({ context, api, operation: label, source, required: [...e.anyOf, ...e.allOf.filter((n) => !e.anyOf.some((a) => nameKey(a) === nameKey(n)))], anyOf: e.anyOf, allOf: e.allOf, satisfied, granted, missing: satisfied ? [] : e.missing, findings })

  // A token for another resource grants nothing here, whatever its permissions are called.
  const resource = catalog ? resourceFinding(subject, catalog) : null
  if (resource) {
    findings.push(resource)
    return result(false, [])
  }

  const subjectText = operation ? label as string : 'This call'
  const kindText = KIND_LABEL[kind ?? 'unknown'] ?? 'unclassified'
  const apiName = catalog?.name ?? 'the API'

  if (!e.satisfied) {
    // Texts (and the consent link) are built only here: a granted permission needs none of them.
    const appId = ownString(facts, 'appId')
    const link = adminConsentLink(ownString(facts, 'tenantId'), appId, isCloudName(subject.cloud) ? subject.cloud : null)
    const wanted = wantedText(e.anyMissing, e.allMissing)
    const other = otherKind(context)
    const otherColumn = operation ? operation[other].map((n) => canonicalName(catalog, n)) : []
    // The other claim: delegated tokens may carry roles (the user's app roles); app-only tokens never carry scp.
    const otherHeld = (context === 'delegated' ? roles : []).filter((n) => otherColumn.some((o) => nameKey(o) === nameKey(n)))
    const wrongKindRequired = catalog ? e.allMissing.filter((n) => findPermissions(catalog as PermissionCatalog, n, context).length === 0 && findPermissions(catalog as PermissionCatalog, n, other).length > 0) : []
    const heldOtherKind = catalog ? inContext.filter((n) => findPermissions(catalog as PermissionCatalog, n, context).length === 0 && findPermissions(catalog as PermissionCatalog, n, other).some((p) => otherColumn.some((o) => nameKey(o) === nameKey(p.value)))) : []

    if (operation && e.anyOf.length === 0) {
      const alt = otherColumn.length > 0 ? ` It needs ${other} permission ${anyOfText(otherColumn)}.` : ''
      findings.push(makeFinding('permission-kind-mismatch', `${label} cannot be called with ${context} permissions (the page lists none); this is a ${kindText} token.${alt}`, {
        claim: context === 'application' ? 'roles' : 'scp', expected: otherColumn, actual: inContext,
        fix: context === 'delegated'
          ? `Call it app-only: add the application permission ${otherColumn[0] ?? ''} to the app registration, grant admin consent, and use the client-credentials flow.`
          : `Call it as a signed-in user with the delegated permission ${otherColumn[0] ?? ''}.`,
      }))
    } else if (kind === 'app-only' && roles.length === 0) {
      findings.push(makeFinding('app-only-no-roles', `${subjectText} needs ${wanted || 'an application permission'}, but this app-only token carries no roles: admin consent was not granted in tenant ${ownString(facts, 'tenantId') ?? '(unknown)'}, or the permission was added after the token was issued.`, {
        claim: 'roles', expected: e.missing, actual: [],
        fix: `Add the application permission ${e.missing[0] ?? ''} (${apiName}) to app ${appId ?? '(the client app)'}, have an admin of the token's tenant grant admin consent${link ? ` (${link})` : ''}, then acquire a new token: tokens never update.`,
      }))
    } else if (otherHeld.length > 0 || heldOtherKind.length > 0 || wrongKindRequired.length > 0) {
      const names = [...otherHeld, ...heldOtherKind, ...wrongKindRequired]
      findings.push(makeFinding('permission-kind-mismatch', wrongKindRequired.length > 0 && otherHeld.length === 0 && heldOtherKind.length === 0
        ? `${allOfText(wrongKindRequired)} ${wrongKindRequired.length > 1 ? 'are' : 'is a'} ${other} permission${wrongKindRequired.length > 1 ? 's' : ''}, but this ${kindText} token carries ${context} permissions (${tokenHas(context, roles, scopes)}).`
        : `This ${kindText} token holds ${allOfText(names)} as ${context === 'delegated' && otherHeld.length > 0 ? 'an app role (roles), which delegated calls ignore' : `the wrong kind of permission`}; ${subjectText} needs the ${context} permission ${wanted}.`, {
        claim: context === 'application' ? 'roles' : 'scp', expected: e.missing, actual: names,
        fix: context === 'application'
          ? `Add the application permission ${e.missing[0] ?? ''} (not the delegated one) to the app registration and grant admin consent${link ? ` (${link})` : ''}, then acquire a new token.`
          : `Add the delegated permission ${e.missing[0] ?? ''} to the app registration, consent to it, and sign in again.`,
      }))
    } else {
      findings.push(makeFinding('permission-missing', `${subjectText} needs ${wanted}; this ${kindText} token has ${tokenHas(context, roles, scopes)}.`, {
        claim: context === 'application' ? 'roles' : 'scp', expected: e.missing, actual: inContext,
        fix: context === 'application'
          ? `Add the application permission ${e.missing[0] ?? ''} (${apiName}) to app ${appId ?? '(the client app)'} under API permissions, grant admin consent${link ? ` (${link})` : ''}, then acquire a new token.`
          : `Add the delegated permission ${e.missing[0] ?? ''} (${apiName}) to app ${appId ?? '(the client app)'}, consent to it${link ? ` (admin consent: ${link})` : ''}, then sign in again for a new token.`,
      }))
    }
    return result(false, e.granted)
  }

  if (operation && catalog) {
    const anyHeld = e.anyOf.filter((n) => held.has(nameKey(n)))
    const narrower = e.anyOf.filter((n) => !held.has(nameKey(n)) && anyHeld.some((h) => findPermissions(catalog, h, context).some((p) => (p.includes ?? []).some((i) => nameKey(canonicalName(catalog, i)) === nameKey(n)))))
    if (narrower.length > 0) {
      findings.push(makeFinding('permission-broader-than-needed', `${label} is granted by ${allOfText(anyHeld)}, which allows more than this call needs; ${anyOfText(narrower)} is enough for it.`, {
        expected: narrower, actual: anyHeld,
        fix: `If the app needs no more than this, grant ${narrower[0] as string} instead of ${anyHeld[0] as string}.`,
      }))
    }
  }
  if (context === 'delegated' && catalog?.delegatedNeedsUserRole === true) {
    const role = operation?.userRole ? ` (the page names "${operation.userRole}")` : ''
    findings.push(makeFinding('delegated-needs-user-role', `This delegated token acts as ${ownString(facts, 'user') ?? 'the signed-in user'}: ${apiName} also checks that user's own role${role} and device-group scope, so a 403 is still possible.`, {
      fix: 'Make sure the signed-in user can perform the action in the Microsoft Defender portal (role and device groups).',
    }))
  }
  return result(true, e.granted)
}
