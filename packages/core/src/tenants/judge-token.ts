import { isGuid } from '../entra/clouds.js'
import { inspectToken } from '../token/inspect.js'
import type { Clock } from '../token/options.js'
import type { TenantOutcome } from './outcomes.js'
import type { TenantError, TokenSummary } from './result.js'

export interface TenantRequirement {
  api: 'mde' | 'm365d' | 'graph'
  operation?: string
  require?: readonly string[]
}

export interface TokenJudgement {
  outcome: TenantOutcome
  reason: string
  roles: string[]
  required: string[]
  missing: string[]
  token: TokenSummary | null
  error: TenantError | null
}

/** Findings that are the permission answer itself, not a sign that the token is not what was asked for. */
const PERMISSION_CODES: ReadonlySet<string> = new Set([
  'permission-missing',
  'app-only-no-roles',
  'permission-kind-mismatch',
])

/**
 * Judges a token fresh from the tenant's token endpoint, offline (`inspectToken`): it came straight from Entra over
 * TLS, so no key-set round trip per tenant. For a tenant given by ID, the token must name that tenant. Any other
 * error finding (another tenant, another API, not app-only) makes the tenant `unavailable` with the finding codes:
 * such a token answers nothing about consent.
 */
export function judgeToken(
  accessToken: string,
  tenant: string,
  requirement: TenantRequirement,
  now: Clock,
  clientId: string,
): TokenJudgement {
  const report = inspectToken(accessToken, {
    now,
    // The token must be this app's: one issued to another client answers nothing about this app's consent.
    clientApps: [clientId],
    api: requirement.api,
    ...(requirement.operation !== undefined ? { operation: requirement.operation } : {}),
    ...(requirement.require !== undefined ? { require: requirement.require } : {}),
    ...(isGuid(tenant) ? { tenants: [tenant] } : {}),
  })
  const facts = report.token
  const roles = facts?.roles ?? []
  const required = report.permissions.required
  const token: TokenSummary | null =
    facts === null
      ? null
      : {
          tenantId: facts.tenantId,
          appId: facts.appId,
          version: facts.version,
          kind: facts.kind,
          expiresAt: facts.expiresAt,
        }
  const base = { roles: [...roles], required: [...required], token }
  const otherErrors = report.findings.filter((f) => f.severity === 'error' && !PERMISSION_CODES.has(f.code))
  if (facts === null || facts.kind !== 'app-only' || otherErrors.length > 0) {
    const codes = otherErrors.map((f) => f.code)
    const otherApp = codes.includes('client-app-not-allowed')
    return {
      ...base,
      missing: [],
      outcome: 'unavailable',
      reason: otherApp
        ? `The token endpoint answered with a token issued to another app (${facts?.appId ?? 'no app id'}), not ${clientId}: it says nothing about this app's consent (${codes.join(', ')}).`
        : `The token endpoint answered with a token that is not an app-only token for this tenant and API${codes.length > 0 ? ` (${codes.join(', ')})` : ''}.`,
      error: {
        source: 'token',
        code: null,
        httpStatus: 200,
        oauthError: null,
        meaning:
          'The token could not be judged for consent: it is not an app-only access token for this tenant and API.',
        fix: 'Check --authority (a proxy or fake may be answering) and the tenant and cloud of this line.',
        description: null,
        lookupUrl: null,
        findings: codes,
      },
    }
  }
  if (roles.length === 0) {
    return {
      ...base,
      missing: [...required],
      outcome: 'not-consented',
      reason:
        'The token carries no application permission (no roles): admin consent was not granted for this API.',
      error: null,
    }
  }
  if (report.permissions.satisfied === false) {
    const missing = [...report.permissions.missing]
    return {
      ...base,
      missing,
      outcome: 'missing-permissions',
      reason: `Consented, but the token lacks ${missing.join(', ') || 'a needed application permission'}: consent again to grant what was added since.`,
      error: null,
    }
  }
  const asked = report.permissions.operation ?? (required.length > 0 ? required.join(', ') : null)
  return {
    ...base,
    missing: [],
    outcome: 'ready',
    reason:
      asked === null
        ? `Consented: the token carries ${roles.length} application permission(s).`
        : `The token grants ${asked}.`,
    error: null,
  }
}
