import { isCloudName, type CloudName } from '../entra/clouds.js'
import type { Finding } from '../findings/finding.js'
import { makeFinding } from '../findings/make-finding.js'
import { isRecord, own } from '../lib/records.js'
import { resourceFinding } from '../entra/audience-rule.js'
import { adminConsentLink } from './admin-consent-link.js'
import type { CatalogIndex } from './catalog-index.js'
import { nameKey } from './name-key.js'
import { otherKind } from './names.js'
import { assertKnownKeys } from '../lib/strict-options.js'
import { compileRequirement, type ResolvedRequirement } from './requirement.js'
import { clip, clipList } from './text.js'
import type { PermissionCheck, PermissionKind, PermissionRequirement, PermissionSubject } from './types.js'

/** What the decision reads from a token, read once. */
export interface Grants {
  /** `app-only`, `delegated`, `id-token`, `unknown`, or null for a hand-built subject without a kind. */
  kind: string | null
  roles: readonly string[]
  scopes: readonly string[]
  api: string | null
  audience: string | null
  tenantId: string | null
  appId: string | null
  cloud: CloudName | null
  user: string | null
}

const stringList = (v: unknown): string[] | null =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null
const ownString = (obj: Record<string, unknown>, key: string): string | null => {
  const v = own(obj, key)
  return typeof v === 'string' ? v : null
}

/**
 * Reads a subject (TokenFacts or a hand-built PermissionSubject) into Grants; null when it is not one. roles and
 * scopes come from the facts when present (read once, by the pipeline), else from the payload: roles an array of
 * strings, scp a string split on spaces; anything else grants nothing.
 */
export function readGrants(facts: unknown): Grants | null {
  if (!isRecord(facts)) return null
  const payload = own(facts, 'payload')
  if (!isRecord(payload)) return null
  const rawScp = own(payload, 'scp')
  const roles = stringList(own(facts, 'roles')) ?? stringList(own(payload, 'roles')) ?? []
  const scopes = stringList(own(facts, 'scopes')) ?? (typeof rawScp === 'string' ? rawScp.split(' ') : [])
  const cloud = own(facts, 'cloud')
  return {
    kind: ownString(facts, 'kind') ?? (rawScp !== undefined ? 'delegated' : 'app-only'),
    roles: roles.filter((n) => n.length > 0),
    scopes: scopes.filter((n) => n.length > 0),
    api: ownString(facts, 'api'),
    audience: ownString(facts, 'audience') ?? ownString(payload, 'aud'),
    tenantId: ownString(facts, 'tenantId'),
    appId: ownString(facts, 'appId'),
    cloud: isCloudName(cloud) ? cloud : null,
    user: ownString(facts, 'user'),
  }
}

const KIND_LABEL: Record<string, string> = {
  'app-only': 'app-only',
  delegated: 'delegated',
  'id-token': 'ID',
  unknown: 'unclassified',
}

function anyOfText(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? 'nothing')
    : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`
}

function allOfText(parts: readonly string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? 'nothing')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}

function tokenHas(context: PermissionKind, g: Grants): string {
  const list = context === 'application' ? g.roles : g.scopes
  const shown = clipList(list)
  return list.length === 0
    ? `no ${context === 'application' ? 'roles' : 'scp'}`
    : `${context === 'application' ? 'roles' : 'scp'} ${shown.join(context === 'application' ? ', ' : ' ')}`
}

/** The groups of names a check needs, and which of them the token holds. */
interface Evaluation {
  anyOf: string[]
  alsoRequires: string[][]
  allOf: string[]
  granted: string[]
  /** Each unmet need, as its alternatives: [anyOf] when none is held, each unmet group, each missing name. */
  unmet: string[][]
  satisfied: boolean
}

function evaluate(
  held: ReadonlyMap<string, string>,
  r: ResolvedRequirement,
  context: PermissionKind,
  canGrant: boolean,
): Evaluation {
  const index = r.index
  // The catalog's spelling of each name, each name once (compared by nameKey).
  const unique = (names: readonly string[]): string[] => {
    const out: string[] = []
    const seen = new Set<string>()
    for (const n of names) {
      const c = index === null ? n : index.canonical(n)
      const key = nameKey(c)
      if (!seen.has(key)) {
        seen.add(key)
        out.push(c)
      }
    }
    return out
  }
  const op = r.operation
  const anyOf = op ? unique(op[context]) : []
  const groups: string[][] = []
  for (const g of op?.alsoRequires?.[context] ?? []) {
    const u = unique(g)
    if (u.length > 0) groups.push(u)
  }
  const explicit = unique(r.require)
  const needs: string[][] = op ? [anyOf, ...groups] : [...groups]
  for (const n of explicit) needs.push([n])
  const unmet: string[][] = []
  const granted: string[] = []
  for (const alternatives of needs) {
    let met = false
    for (const n of alternatives) {
      const spelled = canGrant ? held.get(nameKey(n)) : undefined
      if (spelled !== undefined) {
        met = true
        if (!granted.includes(spelled)) granted.push(spelled)
      }
    }
    if (!met) unmet.push(alternatives)
  }
  const allOf = [...explicit]
  for (const g of groups)
    if (g.length === 1 && !allOf.some((e) => nameKey(e) === nameKey(g[0] as string)))
      allOf.push(g[0] as string)
  return {
    anyOf,
    alsoRequires: groups,
    allOf,
    granted,
    unmet,
    satisfied: unmet.length === 0 && needs.length > 0,
  }
}

/** "A or B" for one need, joined with "and" across needs. */
function needsText(needs: readonly string[][]): string {
  const parts = needs.slice(0, 5).map((alternatives) => {
    const shown = clipList(alternatives, 5)
    return alternatives.length > 1 ? `one of ${anyOfText(shown)}` : anyOfText(shown)
  })
  return allOfText(needs.length > 5 ? [...parts, `${needs.length - 5} more`] : parts)
}

/**
 * The decision, from a resolved requirement and the token's grants. Never throws. Exact matching only: a
 * permission is granted when the token's roles (app-only) or scp (delegated) hold its value, compared ordinally
 * and ASCII case-insensitively (nameKey); documented misspellings map through the catalog's aliases on the
 * requirement side only. An ID token or an unclassified token never satisfies anything; a delegated token's roles
 * (the user's app-role assignments) never satisfy an application permission.
 */
export function decidePermissions(g: Grants, r: ResolvedRequirement): PermissionCheck {
  const kind = g.kind ?? 'unknown'
  const context: PermissionKind =
    kind === 'app-only'
      ? 'application'
      : kind === 'delegated' || kind === 'id-token'
        ? 'delegated'
        : g.scopes.length > 0
          ? 'delegated'
          : 'application'
  const canGrant = kind === 'app-only' || kind === 'delegated'
  const inContext = context === 'application' ? g.roles : g.scopes
  const held = new Map<string, string>()
  for (const n of inContext) held.set(nameKey(n), n)
  const e = evaluate(held, r, context, canGrant)
  const index: CatalogIndex | null = r.index
  const catalog = index?.catalog ?? null
  const findings: Finding[] = []
  const missing = [...new Set(e.unmet.flat())]
  const required = [...new Set([...e.anyOf, ...e.alsoRequires.flat(), ...e.allOf])]
  const result = (satisfied: boolean, granted: string[]): PermissionCheck => ({
    context,
    api: catalog?.id ?? null,
    operation: r.label,
    source: r.operation?.source ?? null,
    ...(r.operation?.lifecycle ? { lifecycle: r.operation.lifecycle } : {}),
    required,
    anyOf: e.anyOf,
    allOf: e.allOf,
    alsoRequires: e.alsoRequires,
    satisfied,
    granted,
    missing: satisfied ? [] : missing,
    findings,
  })

  if (r.unknown !== null) {
    findings.push(
      makeFinding('operation-unknown', r.unknown.message, {
        expected: 'an operation listed by claimcheck permissions',
        actual: r.unknown.actual,
      }),
    )
    return result(false, e.granted)
  }
  // A token for another resource grants nothing here, whatever its permissions are called.
  const resource = catalog ? resourceFinding(g, catalog) : null
  if (resource) {
    findings.push(resource)
    return result(false, [])
  }
  const subjectText = r.label ?? 'This call'
  const kindText = KIND_LABEL[kind] ?? 'unclassified'
  if (!canGrant) {
    findings.push(
      kind === 'id-token'
        ? makeFinding(
            'id-token-as-access-token',
            `${subjectText} needs ${needsText(e.unmet.length > 0 ? e.unmet : [[...e.anyOf]])}, but this is an ID token: it grants no permission.`,
            { claim: 'aud' },
          )
        : makeFinding(
            'permission-context-unknown',
            `${subjectText} needs ${needsText(e.unmet)}, but the token could not be classified as app-only or delegated, so it grants nothing.`,
            { claim: 'idtyp' },
          ),
    )
    return result(false, [])
  }
  if (e.satisfied) {
    addAdvice(findings, g, r, context, held, e)
    return result(true, e.granted)
  }

  // Texts (and the consent link) are built only here: a granted permission needs none of them.
  const apiName = catalog?.name ?? 'the API'
  const link = adminConsentLink(g.tenantId, g.appId, g.cloud)
  const wanted = needsText(e.unmet)
  const first = clip(e.unmet[0]?.[0] ?? '')
  const other = otherKind(context)
  const op = r.operation
  const otherColumn = op ? op[other].map((n) => index?.canonical(n) ?? n) : []
  const inCatalog = (n: string, k: PermissionKind): boolean => (index ? index.find(n, k).length > 0 : false)
  // The other claim: delegated tokens may carry roles (the user's app roles); app-only tokens never carry scp.
  const otherHeld = (context === 'delegated' ? g.roles : []).filter((n) =>
    otherColumn.some((o) => nameKey(o) === nameKey(n)),
  )
  const wrongKindRequired = missing.filter((n) => !inCatalog(n, context) && inCatalog(n, other))
  const heldOtherKind = inContext.filter(
    (n) =>
      !inCatalog(n, context) &&
      index !== null &&
      index.find(n, other).some((p) => otherColumn.some((o) => nameKey(o) === nameKey(p.value))),
  )
  const claim = context === 'application' ? 'roles' : 'scp'
  const together =
    e.alsoRequires.length > 0 && op
      ? ` (${r.label} needs ${needsText([e.anyOf, ...e.alsoRequires])} together)`
      : ''

  if (op && e.anyOf.length === 0) {
    const alt = otherColumn.length > 0 ? ` It needs ${other} permission ${anyOfText(otherColumn)}.` : ''
    findings.push(
      makeFinding(
        'permission-kind-mismatch',
        `${r.label} cannot be called with ${context} permissions (the page lists none); this is a ${kindText} token.${alt}`,
        {
          claim,
          expected: otherColumn,
          actual: [...inContext],
          fix:
            context === 'delegated'
              ? `Call it app-only: add the application permission ${otherColumn[0] ?? ''} to the app registration, grant admin consent, and use the client-credentials flow.`
              : `Call it as a signed-in user with the delegated permission ${otherColumn[0] ?? ''}.`,
        },
      ),
    )
  } else if (kind === 'app-only' && g.roles.length === 0) {
    findings.push(
      makeFinding(
        'app-only-no-roles',
        `${subjectText} needs ${wanted}${together}, but this app-only token carries no roles: admin consent was not granted in tenant ${clip(g.tenantId ?? '(unknown)')}, or the permission was added after the token was issued.`,
        {
          claim: 'roles',
          expected: missing,
          actual: [],
          fix: `Add the application permission ${first} (${apiName}) to app ${clip(g.appId ?? '(the client app)')}, have an admin of the token's tenant grant admin consent${link ? ` (${link})` : ''}, then acquire a new token: tokens never update.`,
        },
      ),
    )
  } else if (otherHeld.length > 0 || heldOtherKind.length > 0 || wrongKindRequired.length > 0) {
    const names = [...otherHeld, ...heldOtherKind, ...wrongKindRequired]
    findings.push(
      makeFinding(
        'permission-kind-mismatch',
        wrongKindRequired.length > 0 && otherHeld.length === 0 && heldOtherKind.length === 0
          ? `${allOfText(clipList(wrongKindRequired, 5))} ${wrongKindRequired.length > 1 ? 'are' : 'is a'} ${other} permission${wrongKindRequired.length > 1 ? 's' : ''}, but this ${kindText} token carries ${context} permissions (${tokenHas(context, g)}).`
          : `This ${kindText} token holds ${allOfText(clipList(names, 5))} as ${context === 'delegated' && otherHeld.length > 0 ? 'an app role (roles), which delegated calls ignore' : 'the wrong kind of permission'}; ${subjectText} needs the ${context} permission ${wanted}.`,
        {
          claim,
          expected: missing,
          actual: names,
          fix:
            context === 'application'
              ? `Add the application permission ${first} (not the delegated one) to the app registration and grant admin consent${link ? ` (${link})` : ''}, then acquire a new token.`
              : `Add the delegated permission ${first} to the app registration, consent to it, and sign in again.`,
        },
      ),
    )
  } else {
    findings.push(
      makeFinding(
        'permission-missing',
        `${subjectText} needs ${wanted}${together}; this ${kindText} token has ${tokenHas(context, g)}.`,
        {
          claim,
          expected: missing,
          actual: [...inContext],
          fix:
            context === 'application'
              ? `Add the application permission ${first} (${apiName}) to app ${clip(g.appId ?? '(the client app)')} under API permissions, grant admin consent${link ? ` (${link})` : ''}, then acquire a new token.`
              : `Add the delegated permission ${first} (${apiName}) to app ${clip(g.appId ?? '(the client app)')}, consent to it${link ? ` (admin consent: ${link})` : ''}, then sign in again for a new token.`,
        },
      ),
    )
  }
  return result(false, e.granted)
}

/** Info findings on a granted check: a narrower permission would do; the signed-in user needs a product role too. */
function addAdvice(
  findings: Finding[],
  g: Grants,
  r: ResolvedRequirement,
  context: PermissionKind,
  held: ReadonlyMap<string, string>,
  e: Evaluation,
): void {
  const index = r.index
  if (r.operation && index) {
    const anyHeld = e.anyOf.filter((n) => held.has(nameKey(n)))
    const narrower = e.anyOf.filter(
      (n) =>
        !held.has(nameKey(n)) &&
        anyHeld.some((h) =>
          index
            .find(h, context)
            .some((p) => (p.includes ?? []).some((i) => nameKey(index.canonical(i)) === nameKey(n))),
        ),
    )
    if (narrower.length > 0) {
      findings.push(
        makeFinding(
          'permission-broader-than-needed',
          `${r.label as string} is granted by ${allOfText(anyHeld)}, which allows more than this call needs; ${anyOfText(narrower)} is enough for it.`,
          {
            expected: narrower,
            actual: anyHeld,
            fix: `If the app needs no more than this, grant ${narrower[0] as string} instead of ${anyHeld[0] as string}.`,
          },
        ),
      )
    }
  }
  if (context === 'delegated' && index?.catalog.delegatedNeedsUserRole === true) {
    const role = r.operation?.userRole ? ` (the page names "${r.operation.userRole}")` : ''
    findings.push(
      makeFinding(
        'delegated-needs-user-role',
        `This delegated token acts as ${clip(g.user ?? 'the signed-in user')}: ${index.catalog.name} also checks that user's own role${role} and device-group scope, so a 403 is still possible.`,
        {
          fix: 'Make sure the signed-in user can perform the action in the Microsoft Defender portal (role and device groups).',
        },
      ),
    )
  }
}

/**
 * Does this token carry what the operation (and/or the explicit requirement) needs? See decidePermissions for the
 * rules. Does NOT check the signature, lifetime or the signed-in user's own product roles.
 *
 * API misuse throws TypeError: facts that are not token facts, or a requirement that is not usable (not an
 * object, an unknown api, an invalid catalog, an unparseable operation, a require that is not a list of
 * permission names). The verifier and inspectToken never throw for these: they report `requirement-invalid`.
 */
const REQUIREMENT_KEYS: ReadonlySet<string> = new Set(['api', 'catalog', 'operation', 'require'])

export function checkPermissions(
  facts: PermissionSubject,
  requirement: PermissionRequirement,
): PermissionCheck {
  const grants = readGrants(facts)
  if (grants === null)
    throw new TypeError('checkPermissions: facts must be token facts (an object with a payload object)')
  assertKnownKeys('checkPermissions requirement', requirement, REQUIREMENT_KEYS)
  const compiled = compileRequirement(requirement)
  if (!compiled.ok) throw new TypeError(`checkPermissions: ${compiled.problem.message}`)
  if (compiled.value.asksNothing)
    throw new TypeError('checkPermissions: give an operation or the required permissions')
  return decidePermissions(grants, compiled.value.resolve(grants.api))
}
