import {
  createVerifier,
  inspectToken,
  type InspectOptions,
  type RequirementOptions,
  type VerifierOptions,
} from '@claimcheck/core'
import { M365D_APP_ID, MDE_AUDIENCE } from '../entra-tokens.js'
import type { PeerConfig, Verify } from './config.js'

/** The API and operation each token version is checked against (a permission its roles grant). */
export function requirementFor(c: PeerConfig): RequirementOptions & { api: 'mde' | 'm365d' } {
  return c.version === 'v1'
    ? { api: 'mde', operation: 'GET /api/machines' }
    : { api: 'm365d', operation: 'GET /api/incidents' }
}

function checks(c: PeerConfig): Pick<VerifierOptions, 'audience' | 'tenants' | 'clientApps'> {
  return {
    audience: c.version === 'v1' ? MDE_AUDIENCE : M365D_APP_ID,
    tenants: [c.tenant.tenantId],
    clientApps: [c.tenant.clientAppId],
  }
}

export class OursRejected extends Error {
  readonly code: string
  constructor(status: string, errorCodes: readonly string[]) {
    super(`signature ${status}: ${errorCodes.join(', ')}`)
    this.name = 'OursRejected'
    this.code = errorCodes[0] ?? `signature-${status}`
  }
}

/**
 * Our full verification: every Entra check (tenant allow-list, issuer per tid and version, audience, calling app,
 * lifetime, key rules) plus a permission check for an operation, with default key-set and result-cache settings.
 * Discovery runs against the local server through the documented `authority` override and the test-only
 * `keySets.allowLoopbackHttp`; nothing else differs from production use.
 */
export function oursVerifier(c: PeerConfig, withPermission = true): Verify {
  const verifier = createVerifier({ ...checks(c), authority: c.origin, keySets: { allowLoopbackHttp: true } })
  const requirement = withPermission ? requirementFor(c) : {}
  return async (token) => {
    const report = await verifier.verify(token, requirement)
    if (!report.ok) {
      const errors = report.findings.filter((f) => f.severity === 'error').map((f) => f.code)
      throw new OursRejected(report.signature.status, errors)
    }
    return report
  }
}

/** `inspectToken` with the same checks and permission requirement: what "decode" costs us. */
export function oursInspect(c: PeerConfig): (token: string) => unknown {
  const options: InspectOptions = { ...checks(c), ...requirementFor(c) }
  return (token) => inspectToken(token, options)
}
