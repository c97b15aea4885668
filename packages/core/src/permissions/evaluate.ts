import { API_RESOURCES, isKnownApiId } from '../entra/apis.js'
import type { Finding } from '../findings/finding.js'
import { makeFinding } from '../findings/make-finding.js'
import type { RequirementOptions } from '../token/options.js'
import type { PermissionReport, TokenFacts } from '../token/report.js'
import { adminConsentLink } from './admin-consent-link.js'
import { decidePermissions, readGrants, type Grants } from './check.js'
import { resolveRequirement } from './requirement.js'
import { clip } from './text.js'
import { NO_PERMISSION_CHECK } from './no-check.js'
import type { PermissionCheck } from './types.js'

// The audience check may already have said the token is not for the called API (in its own words); the permission
// step then does not say it again. Likewise for an ID token.
const RESOURCE_CODES: ReadonlySet<string> = new Set([
  'wrong-api',
  'audience-mismatch',
  'audience-refused-by-api',
])
const saidEarlier = (code: string, earlier: readonly Finding[]): boolean =>
  RESOURCE_CODES.has(code)
    ? earlier.some((f) => RESOURCE_CODES.has(f.code))
    : code === 'id-token-as-access-token' && earlier.some((f) => f.code === code)

const MEMBERS = ['api', 'operation', 'require', 'catalog'] as const

/** What the request asks, read once as own data properties: an accessor (a getter) is refused, never called. */
function readRequest(
  options: unknown,
): { ok: true; value: Record<(typeof MEMBERS)[number], unknown> } | { ok: false; member: string } {
  const value = { api: undefined, operation: undefined, require: undefined, catalog: undefined } as Record<
    (typeof MEMBERS)[number],
    unknown
  >
  if (typeof options !== 'object' || options === null) return { ok: true, value }
  for (const m of MEMBERS) {
    const d = Object.getOwnPropertyDescriptor(options, m)
    if (d === undefined) continue
    if (!('value' in d)) return { ok: false, member: m }
    value[m] = d.value
  }
  return { ok: true, value }
}

function toReport(check: PermissionCheck): PermissionReport {
  // alsoRequires rides along for --json and the page; PermissionReport gains the field at merge (see the report).
  const report = {
    required: check.required,
    satisfied: check.satisfied,
    granted: check.granted,
    missing: check.missing,
    context: check.context,
    operation: check.operation,
    api: check.api,
    anyOf: check.anyOf,
    allOf: check.allOf,
    alsoRequires: check.alsoRequires,
    source: check.source,
  }
  return report
}

/** Nothing could be checked, and the request is refused for it (fail closed). */
const REFUSED: PermissionReport = Object.freeze({
  ...NO_PERMISSION_CHECK,
  satisfied: false,
  alsoRequires: [],
})

/**
 * With nothing asked, a token for a known API that can grant nothing is refused on its own: an app-only token
 * without roles (no admin consent) or a delegated token without scp (the user consented to nothing; its roles, if
 * any, are the user's app-role assignments, which the API ignores).
 */
function emptyGrantFindings(facts: TokenFacts, g: Grants): Finding[] {
  if (facts.api === null || !isKnownApiId(facts.api)) return []
  const noRoles = facts.kind === 'app-only' && g.roles.length === 0
  const noScopes = facts.kind === 'delegated' && g.scopes.length === 0
  if (!noRoles && !noScopes) return []
  // Texts and the consent link are built only for a token that gets a finding.
  const resource = API_RESOURCES[facts.api]
  const scope = `${(resource.resourceByCloud[facts.cloud ?? 'public'] ?? resource.identifierUris[0] ?? '').replace(/(?<!\/)\/+$/, '')}/.default`
  const link = adminConsentLink(g.tenantId, g.appId, g.cloud)
  if (noRoles) {
    return [
      makeFinding(
        'app-only-no-roles',
        `This app-only token for ${resource.name} carries no roles, so every call is refused: admin consent was not granted in tenant ${clip(g.tenantId ?? '(unknown)')}, or the permissions were added after the token was issued.`,
        {
          claim: 'roles',
          actual: [],
          fix: `Add the application permissions the app needs (${resource.name}) to app ${clip(g.appId ?? '(the client app)')}, have an admin of the token's tenant grant admin consent${link ? ` (${link})` : ''}, then acquire a new token with scope ${scope}.`,
        },
      ),
    ]
  }
  return [
    makeFinding(
      'delegated-no-scopes',
      `This delegated token for ${resource.name} carries no scp, so every call is refused${g.roles.length > 0 ? ": its roles are the signed-in user's app-role assignments, which grant no API permission" : ''}.`,
      {
        claim: 'scp',
        actual: [...g.roles],
        fix: `Add the delegated permissions the app needs (${resource.name}) to app ${clip(g.appId ?? '(the client app)')}, consent to them${link ? ` (admin consent: ${link})` : ''}, and sign in again requesting them (or ${scope}).`,
      },
    ),
  ]
}

/**
 * The pipeline's permission step. Reads only api, operation, require and catalog from the request. Never throws:
 * a request that cannot be used is `requirement-invalid` (an error), an operation no catalog has is
 * `operation-unknown` (an error: a typo must never open an API). With nothing asked, see emptyGrantFindings.
 * report is null when nothing was asked.
 */
export function evaluatePermissions(
  facts: TokenFacts,
  options: RequirementOptions,
  earlier: readonly Finding[],
): { report: PermissionReport | null; findings: Finding[] } {
  const request = readRequest(options)
  const g = readGrants(facts) as Grants
  if (!request.ok) {
    return {
      report: REFUSED,
      findings: [
        makeFinding(
          'requirement-invalid',
          `The request's ${request.member} is an accessor, not a value; it was not read.`,
          { actual: request.member },
        ),
      ],
    }
  }
  const { api, operation, require, catalog } = request.value
  const nothingAsked =
    operation === undefined && (require === undefined || (Array.isArray(require) && require.length === 0))
  if (nothingAsked && api === undefined && catalog === undefined)
    return { report: null, findings: emptyGrantFindings(facts, g) }
  if (nothingAsked) {
    const invalid = checkOnlyApi(api, catalog)
    return invalid.length > 0
      ? { report: REFUSED, findings: invalid }
      : { report: null, findings: emptyGrantFindings(facts, g) }
  }

  const requirement: Record<string, unknown> = {}
  if (catalog !== undefined) requirement.catalog = catalog
  if (api !== undefined) requirement.api = api
  if (operation !== undefined) requirement.operation = operation
  if (require !== undefined) requirement.require = require
  const resolved = resolveRequirement(requirement, g.api)
  if (!resolved.ok) {
    return {
      report: REFUSED,
      findings: [
        makeFinding(
          'requirement-invalid',
          `The permission requirement cannot be checked: ${resolved.problem.message}.`,
          { actual: resolved.problem.member },
        ),
      ],
    }
  }
  const check = decidePermissions(g, resolved.value)
  return { report: toReport(check), findings: check.findings.filter((f) => !saidEarlier(f.code, earlier)) }
}

/** api or catalog given alone (nothing required): still refused when it cannot be used. */
function checkOnlyApi(api: unknown, catalog: unknown): Finding[] {
  if (api === undefined && catalog === undefined) return []
  const resolved = resolveRequirement(
    { ...(api !== undefined ? { api } : {}), ...(catalog !== undefined ? { catalog } : {}), require: ['x'] },
    null,
  )
  return resolved.ok
    ? []
    : [
        makeFinding(
          'requirement-invalid',
          `The permission requirement cannot be checked: ${resolved.problem.message}.`,
          { actual: resolved.problem.member },
        ),
      ]
}
