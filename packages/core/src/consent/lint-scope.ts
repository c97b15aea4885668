import {
  API_RESOURCES,
  apiForAudience,
  defaultScopeFor,
  isKnownApiId,
  normalizeAudience,
  type KnownApiId,
} from '../entra/apis.js'
import { isCloudName, isGuid, type CloudName } from '../entra/clouds.js'
import type { Finding } from '../findings/finding.js'
import { makeFinding } from '../findings/make-finding.js'

/** The OAuth flow the scope is sent in: the rules differ (client credentials take exactly one `/.default`). */
export type ScopeFlow = 'client-credentials' | 'delegated' | 'admin-consent'
/** `scope` is the v2 endpoints' parameter, `resource` the v1 endpoints'. */
export type ScopeParameter = 'scope' | 'resource'

export interface LintScopeOptions {
  flow: ScopeFlow
  /** Which request parameter carries the value; default `scope`. */
  parameter?: ScopeParameter
  /** The API the request is meant for; used to suggest a correction when the value names no resource. */
  api?: KnownApiId
  cloud?: CloudName
}

export interface ScopeLintResult {
  /** No error findings. */
  ok: boolean
  /** The value split into its space-separated items. */
  items: string[]
  /** The whole value with every correctable mistake corrected; null when nothing needed (or allowed) correcting. */
  corrected: string | null
  /** The distinct resources the value names, as written (the Microsoft Graph URI for bare permission names). */
  resources: string[]
  findings: Finding[]
}

type ItemKind = 'oidc' | 'default' | 'permission' | 'bare-resource' | 'bare-name' | 'malformed'

interface Item {
  raw: string
  kind: ItemKind
  /** The resource part, as written; null for OIDC scopes and unusable items. */
  resource: string | null
  /** The corrected item when the mistake has one obvious repair. */
  corrected: string | null
  /** Why the item is malformed. */
  problem?: string
}

const OIDC_SCOPES: ReadonlySet<string> = new Set(['openid', 'profile', 'email', 'offline_access'])
const GRAPH = API_RESOURCES.graph.resourceByCloud.public ?? 'https://graph.microsoft.com'

/**
 * Checks a token or consent request's scope (or v1 resource) for the mistakes Entra answers with AADSTS70011,
 * 1002012, 700022/28000 and 500011: a missing slash before `.default`, several resources, `/.default` mixed with
 * named scopes, client credentials without `/.default`, and v1 resources and v2 scopes swapped. It does not check
 * that the permissions exist on the resource: only Entra knows a tenant's app registrations.
 */
export function lintScope(scope: string | readonly string[], options: LintScopeOptions): ScopeLintResult {
  if (typeof scope !== 'string' && !Array.isArray(scope))
    throw new TypeError('lintScope expects a string or an array of strings')
  if (!options || !['client-credentials', 'delegated', 'admin-consent'].includes(options.flow)) {
    throw new TypeError("lintScope options.flow must be 'client-credentials', 'delegated' or 'admin-consent'")
  }
  if (options.api !== undefined && !isKnownApiId(options.api))
    throw new TypeError(`lintScope: unknown api ${String(options.api)}`)
  if (options.cloud !== undefined && !isCloudName(options.cloud))
    throw new TypeError(`lintScope: unknown cloud ${String(options.cloud)}`)
  const value = typeof scope === 'string' ? scope : scope.join(' ')
  return (options.parameter ?? 'scope') === 'resource' ? lintResource(value) : lintScopeValue(value, options)
}

// Commas with the whitespace around them become one space. A match starts only where no whitespace precedes it,
// so a long blank run is scanned once, not from each of its positions (the old pattern took 2–5 s for 64 KB).
function commasToSpaces(text: string): string {
  return text.replace(/(?<!\s)\s*,[\s,]*/g, ' ')
}

/** More items than any real request carries (Entra's consent URLs stay well under a few dozen). */
const MAX_SCOPE_ITEMS = 256

function lintScopeValue(value: string, options: LintScopeOptions): ScopeLintResult {
  const findings: Finding[] = []
  let text = value
  let corrected = false
  if (text.includes(',')) {
    findings.push(
      makeFinding('scope-malformed', 'Scopes are separated by spaces, not commas.', {
        actual: value,
        expected: (text = commasToSpaces(text)).trim(),
      }),
    )
    corrected = true
  }
  // Split no further than the cap: outside text may hold tens of thousands of items, and judging (or even
  // splitting) them all costs time and says nothing more than this finding.
  const rawItems = text.split(/\s+/, MAX_SCOPE_ITEMS + 2).filter((s) => s !== '')
  if (rawItems.length > MAX_SCOPE_ITEMS) {
    findings.push(
      makeFinding(
        'scope-malformed',
        `The scope has more than ${MAX_SCOPE_ITEMS} items; a request asks for one resource's /.default or a few named scopes.`,
        { actual: value.length > 200 ? `${value.slice(0, 200)}…` : value },
      ),
    )
    return { ok: false, items: rawItems.slice(0, MAX_SCOPE_ITEMS), corrected: null, resources: [], findings }
  }
  if (rawItems.length === 0) {
    findings.push(
      makeFinding('scope-malformed', 'The scope is empty: Entra needs at least one scope.', {
        expected: fallbackDefault(options) ?? '{resource}/.default',
      }),
    )
    return { ok: false, items: [], corrected: fallbackDefault(options), resources: [], findings }
  }
  const items = rawItems.map(analyseItem)

  for (const item of items) {
    if (item.kind === 'malformed') {
      findings.push(
        makeFinding(
          'scope-malformed',
          `"${item.raw}" is not a valid scope: ${item.problem ?? 'malformed'}.`,
          {
            actual: item.raw,
            ...(item.corrected !== null ? { expected: item.corrected, fix: `Use "${item.corrected}".` } : {}),
          },
        ),
      )
    } else if (item.kind === 'bare-resource') {
      findings.push(
        makeFinding(
          'scope-is-resource',
          `"${item.raw}" is a resource identifier (the v1 resource parameter), not a v2 scope.`,
          {
            actual: item.raw,
            ...(item.corrected !== null
              ? {
                  expected: item.corrected,
                  fix: `Use "${item.corrected}" as the scope, or send resource=${item.raw} to the v1 endpoint.`,
                }
              : {}),
          },
        ),
      )
    }
    if (item.corrected !== null) corrected = true
  }

  // From here on, reason about the value as it would be once corrected.
  const effective = items.map((i) => (i.corrected !== null ? analyseItem(i.corrected) : i))
  const resourceKeys = new Map<string, string>()
  for (const item of effective) {
    if (item.resource !== null && !resourceKeys.has(resourceKey(item.resource)))
      resourceKeys.set(resourceKey(item.resource), item.resource)
  }
  const resources = [...resourceKeys.values()]

  if (resources.length > 1 && options.flow !== 'admin-consent') {
    findings.push(
      makeFinding(
        'scope-multiple-resources',
        `The scope names ${resources.length} resources (${resources.join(', ')}); one token is for one resource.`,
        {
          actual: resources,
        },
      ),
    )
  }

  const defaults = effective.filter((i) => i.kind === 'default')
  for (const d of defaults) {
    const key = resourceKey(d.resource ?? '')
    const named = effective.filter(
      (i) =>
        (i.kind === 'permission' || i.kind === 'bare-name') &&
        i.resource !== null &&
        resourceKey(i.resource) === key,
    )
    if (named.length > 0) {
      findings.push(
        makeFinding(
          'scope-default-mixed',
          `"${d.raw}" is combined with named scopes of the same resource (${named.map((n) => n.raw).join(', ')}).`,
          {
            actual: [d.raw, ...named.map((n) => n.raw)],
            expected: d.raw,
          },
        ),
      )
    }
  }

  if (options.flow === 'client-credentials') {
    if (defaults.length === 0) {
      const suggestion = suggestDefault(effective, options)
      findings.push(
        makeFinding(
          'scope-needs-default',
          'A client-credentials request must ask for {resource}/.default; application permissions cannot be requested by name (AADSTS1002012).',
          {
            actual: value,
            ...(suggestion !== null ? { expected: suggestion, fix: `Use "${suggestion}".` } : {}),
          },
        ),
      )
    } else {
      const others = effective.filter((i) => i.kind !== 'default')
      if (others.length > 0 && !findings.some((f) => f.code === 'scope-default-mixed')) {
        findings.push(
          makeFinding(
            'scope-default-mixed',
            `Client credentials take exactly one {resource}/.default and nothing else; remove ${others.map((o) => `"${o.raw}"`).join(', ')}.`,
            {
              actual: effective.map((i) => i.raw),
              expected: defaults[0]?.raw,
            },
          ),
        )
      }
    }
  }

  return {
    ok: !findings.some((f) => f.severity === 'error'),
    items: rawItems,
    corrected: corrected ? effective.map((i) => i.raw).join(' ') : null,
    resources,
    findings,
  }
}

function lintResource(value: string): ScopeLintResult {
  const findings: Finding[] = []
  const text = value.trim()
  const parts = text.split(/\s+/).filter((s) => s !== '')
  if (parts.length !== 1) {
    findings.push(
      makeFinding(
        'scope-malformed',
        parts.length === 0
          ? 'The resource is empty.'
          : 'The v1 resource parameter takes exactly one resource identifier.',
        { actual: value },
      ),
    )
    return { ok: false, items: parts, corrected: null, resources: parts, findings }
  }
  const [only] = parts as [string]
  if (OIDC_SCOPES.has(only.toLowerCase())) {
    findings.push(
      makeFinding('scope-malformed', `"${only}" is an OpenID Connect scope, not a resource.`, {
        actual: only,
      }),
    )
    return { ok: false, items: parts, corrected: null, resources: [], findings }
  }
  const item = analyseItem(only)
  let resource = only
  if (item.kind === 'default' || (item.kind === 'malformed' && item.corrected !== null)) {
    const base = analyseItem(item.corrected ?? only).resource
    if (base !== null) resource = base
  } else if (item.kind === 'permission' && item.resource !== null && apiForAudience(item.resource) !== null) {
    // A custom resource may have a path of its own; only a known API's identifier followed by a name is surely a scope.
    resource = item.resource
  }
  if (resource !== only) {
    findings.push(
      makeFinding(
        'resource-is-scope',
        `"${only}" is a v2 scope; the v1 resource parameter takes the resource identifier "${resource}".`,
        {
          actual: only,
          expected: resource,
          fix: `Send resource=${resource}, or call the v2 endpoint with scope=${resource}/.default.`,
        },
      ),
    )
  }
  return {
    ok: findings.length === 0,
    items: parts,
    corrected: resource !== only ? resource : null,
    resources: [resource],
    findings,
  }
}

function analyseItem(raw: string): Item {
  const lower = raw.toLowerCase()
  if (OIDC_SCOPES.has(lower)) return { raw, kind: 'oidc', resource: null, corrected: null }
  if (lower === '.default' || lower === '/.default') {
    return {
      raw,
      kind: 'malformed',
      resource: null,
      corrected: null,
      problem: '/.default needs the resource in front of it',
    }
  }
  if (lower.endsWith('/.default')) {
    const resource = raw.slice(0, -'/.default'.length)
    return { raw, kind: 'default', resource, corrected: null }
  }
  // The typos, most specific first: "…./default" (dot and slash swapped), "….default" (slash missing, as in the
  // Defender partner docs' curl example), "…/default" (dot missing).
  for (const [suffix, problem] of [
    ['./default', 'the dot and the slash are swapped'],
    ['.default', 'the slash before .default is missing'],
    ['/default', 'the dot before default is missing'],
  ] as const) {
    if (lower.endsWith(suffix) && raw.length > suffix.length) {
      const base = raw.slice(0, -suffix.length).replace(/[./]$/, '')
      return {
        raw,
        kind: 'malformed',
        resource: null,
        corrected: `${canonicalResource(base)}/.default`,
        problem,
      }
    }
  }
  if (isGuid(raw)) return { raw, kind: 'bare-resource', resource: raw, corrected: `${raw}/.default` }
  const known = apiForAudience(raw)
  if (known !== null && isUriLike(raw))
    return { raw, kind: 'bare-resource', resource: raw, corrected: `${canonicalResource(raw)}/.default` }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(raw)
  if (scheme) {
    const rest = scheme[2] ?? ''
    const slash = rest.lastIndexOf('/')
    if (slash < 0 || (slash === rest.length - 1 && rest.indexOf('/') === slash)) {
      // https://host or https://host/ : a resource with no permission.
      return { raw, kind: 'bare-resource', resource: raw, corrected: `${raw.replace(/\/$/, '')}/.default` }
    }
    const resource = raw.slice(0, raw.length - (rest.length - slash))
    return { raw, kind: 'permission', resource, corrected: null }
  }
  const slash = raw.indexOf('/')
  if (slash > 0) {
    const resource = raw.slice(0, slash)
    return { raw, kind: 'permission', resource, corrected: null }
  }
  // The v2 endpoint reads a permission name without a resource as a Microsoft Graph permission.
  return { raw, kind: 'bare-name', resource: GRAPH, corrected: null }
}

function isUriLike(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value)
}

/** Known APIs are written without a trailing slash; other resources keep theirs (Entra's rule gives "…//.default"). */
function canonicalResource(resource: string): string {
  return apiForAudience(resource) !== null ? resource.replace(/(?<!\/)\/+$/, '') : resource
}

function resourceKey(resource: string): string {
  return apiForAudience(resource) ?? normalizeAudience(resource)
}

function fallbackDefault(options: LintScopeOptions): string | null {
  return options.api !== undefined ? defaultScopeFor(options.api, options.cloud ?? 'public') : null
}

function suggestDefault(items: readonly Item[], options: LintScopeOptions): string | null {
  const resources = [...new Set(items.map((i) => i.resource).filter((r): r is string => r !== null))]
  if (resources.length === 1 && resources[0] !== undefined) {
    const only = resources[0]
    // Bare names mean Graph to Entra, but a caller who named the API meant that API.
    if (only === GRAPH && options.api !== undefined && options.api !== 'graph')
      return fallbackDefault(options)
    return `${canonicalResource(only)}/.default`
  }
  return fallbackDefault(options)
}
