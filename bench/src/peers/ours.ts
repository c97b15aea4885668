import * as core from '@claimcheck/core'
import { M365D_APP_ID, MDE_AUDIENCE } from '../entra-tokens.js'
import type { PeerConfig, Verify } from './config.js'

/**
 * The shape of our verifier as the contract (architecture.md) states it. Typed locally and looked up at run
 * time so the harness builds and runs (with ours reported "pending") before the verifier lands on main.
 */
interface OurReport {
  ok: boolean
  signature: { status: string }
  findings: ReadonlyArray<{ code: string; severity: string }>
}
interface OurVerifier {
  verify(raw: string, options?: { api?: string; operation?: string; require?: readonly string[] }): Promise<OurReport>
}
type CreateVerifier = (options: Record<string, unknown>) => OurVerifier

export function loadCreateVerifier(): CreateVerifier | null {
  const candidate: unknown = (core as Record<string, unknown>)['createVerifier']
  return typeof candidate === 'function' ? (candidate as CreateVerifier) : null
}

export const OURS_PENDING = 'pending: createVerifier has not landed on main yet'

/** The API and operation each token version is checked against (a permission its roles grant). */
export function requirementFor(c: PeerConfig): { api: 'mde' | 'm365d'; operation: string } {
  return c.version === 'v1' ? { api: 'mde', operation: 'GET /api/machines' } : { api: 'm365d', operation: 'GET /api/incidents' }
}

/**
 * Our full verification: every Entra check (tenant allow-list, issuer per tid and version, audience, calling app,
 * lifetime, key rules) plus a permission check for an operation, with default key-set and result-cache settings.
 * Discovery runs against the local server through the documented `authority` override and the test-only
 * `keySets.allowLoopbackHttp`; nothing else differs from production use.
 */
export function oursVerifier(c: PeerConfig, create: CreateVerifier): Verify {
  const verifier = create({
    audience: c.version === 'v1' ? MDE_AUDIENCE : M365D_APP_ID,
    tenants: [c.tenant.tenantId],
    clientApps: [c.tenant.clientAppId],
    authority: c.origin,
    keySets: { allowLoopbackHttp: true },
  })
  const requirement = requirementFor(c)
  return async (token) => {
    const report = await verifier.verify(token, requirement)
    if (!report.ok) {
      const errors = report.findings.filter((f) => f.severity === 'error').map((f) => f.code)
      throw new OursRejected(report.signature.status, errors)
    }
    return report
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

/** `inspectToken` with the same checks and permission requirement: what "decode" costs us. */
export function oursInspect(c: PeerConfig): (token: string) => unknown {
  const options: core.InspectOptions = {
    audience: c.version === 'v1' ? MDE_AUDIENCE : M365D_APP_ID,
    tenants: [c.tenant.tenantId],
    clientApps: [c.tenant.clientAppId],
    ...requirementFor(c),
  }
  return (token) => core.inspectToken(token, options)
}
