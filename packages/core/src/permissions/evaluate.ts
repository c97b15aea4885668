import { API_RESOURCES, isKnownApiId } from '../entra/apis.js'
import type { Finding } from '../findings/finding.js'
import { makeFinding } from '../findings/make-finding.js'
import type { PermissionReport, TokenFacts } from '../report/report.js'
import { adminConsentLink } from './admin-consent-link.js'
import { decidePermissions, readGrants, type Grants } from './check.js'
import type { RequirementCompilation } from './requirement.js'
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
    // The operation's dated lifecycle rides along as data; its verdict is judged per call (permissions/lifecycle/).
    ...(check.lifecycle ? { lifecycle: check.lifecycle } : {}),
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
 * The pipeline's permission step, over a requirement compiled by compileRequirement (the one reader). Never throws:
 * a requirement that cannot be used is `requirement-invalid` (an error; this is its one producer), an operation no
 * catalog has is `operation-unknown` (an error: a typo must never open an API). With nothing asked, see
 * emptyGrantFindings. report is null when nothing was asked.
 */
export function evaluatePermissions(
  facts: TokenFacts,
  requirement: RequirementCompilation,
  earlier: readonly Finding[],
): { report: PermissionReport | null; findings: Finding[] } {
  if (!requirement.ok) {
    return {
      report: REFUSED,
      findings: [
        makeFinding(
          'requirement-invalid',
          `The permission requirement cannot be checked: ${requirement.problem.message}.`,
          { actual: requirement.problem.member },
        ),
      ],
    }
  }
  const g = readGrants(facts) as Grants
  const compiled = requirement.value
  if (compiled.asksNothing) return { report: null, findings: emptyGrantFindings(facts, g) }
  const check = decidePermissions(g, compiled.resolve(g.api))
  return { report: toReport(check), findings: check.findings.filter((f) => !saidEarlier(f.code, earlier)) }
}
