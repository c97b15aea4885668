import { CONSUMER_TENANT_ID, isGuid } from '../../entra/clouds.js'
import { describeNonEntraIssuer, parseEntraIssuer } from '../../entra/issuers.js'
import type { Finding } from '../../findings/finding.js'
import { makeFinding } from '../../findings/make-finding.js'
import { checkExternalIssuer } from '../external-issuer.js'
import { ownValue, type JsonObject } from '../../lib/json.js'

/** iss must have Entra's exact form, name the token's own tid, and agree with ver. */
export function checkIssuer(payload: JsonObject): Finding[] {
  const findings: Finding[] = []
  const iss = ownValue(payload, 'iss')
  const tid = ownValue(payload, 'tid')
  if (typeof iss !== 'string') {
    findings.push(
      makeFinding(
        'issuer-not-entra',
        iss === undefined ? 'The token has no iss claim.' : 'iss is not a string.',
        { claim: 'iss', actual: iss ?? null },
      ),
    )
    return findings
  }
  // External ID (ciamlogin.com) and B2C issuers have their own checks (token/external-issuer.ts).
  const external = checkExternalIssuer(payload, iss)
  if (external !== null) return external
  const parsed = parseEntraIssuer(iss)
  // Entra writes the tenant's GUID in every issuer; a domain, "common" or a left-over {tenantid} is not its form.
  if (!parsed || !isGuid(parsed.tenant)) {
    findings.push(
      makeFinding(
        'issuer-not-entra',
        `iss "${iss}" is not an Entra ID issuer: ${describeNonEntraIssuer(iss)}.`,
        {
          claim: 'iss',
          actual: iss,
          expected: 'https://sts.windows.net/{tid}/ or https://login.microsoftonline.com/{tid}/v2.0',
        },
      ),
    )
  } else {
    if (typeof tid === 'string' && parsed.tenant !== tid) {
      findings.push(
        makeFinding('issuer-tenant-mismatch', `iss names tenant ${parsed.tenant} but tid is ${tid}.`, {
          claim: 'iss',
          expected: tid,
          actual: parsed.tenant,
        }),
      )
    }
    const ver = ownValue(payload, 'ver')
    if (ver !== undefined && ver !== '1.0' && ver !== '2.0') {
      findings.push(
        makeFinding('claim-type-invalid', `ver is ${JSON.stringify(ver)}; Entra writes "1.0" or "2.0".`, {
          claim: 'ver',
          expected: '"1.0" or "2.0"',
          actual: ver,
        }),
      )
    } else if (ver !== undefined && ver !== parsed.version) {
      findings.push(
        makeFinding(
          'version-issuer-mismatch',
          `ver is "${ver}" but iss has the v${parsed.version === '1.0' ? '1' : '2'} form.`,
          { claim: 'ver', expected: parsed.version, actual: ver },
        ),
      )
    }
  }
  return findings
}

export function checkTenant(payload: JsonObject, tenants: readonly string[] | 'any' | undefined): Finding[] {
  const findings: Finding[] = []
  const tid = ownValue(payload, 'tid')
  if (tid === undefined) {
    findings.push(makeFinding('tenant-missing', 'The token has no tid claim.', { claim: 'tid' }))
  } else if (!isGuid(tid)) {
    findings.push(
      makeFinding('tenant-invalid', `tid is ${JSON.stringify(tid)}, not a tenant GUID.`, {
        claim: 'tid',
        actual: tid,
      }),
    )
  } else {
    if (tid.toLowerCase() === CONSUMER_TENANT_ID) {
      findings.push(
        makeFinding(
          'consumer-tenant',
          `tid ${tid} is the consumer tenant: the token is for a personal Microsoft account.`,
          { claim: 'tid', actual: tid },
        ),
      )
    }
    if (Array.isArray(tenants) && !tenants.some((t) => t.toLowerCase() === tid.toLowerCase())) {
      findings.push(
        makeFinding(
          'tenant-not-allowed',
          `The token is from tenant ${tid}, which is not allowed (allowed: ${tenants.length > 0 ? tenants.join(', ') : 'none'}).`,
          { claim: 'tid', expected: [...tenants], actual: tid },
        ),
      )
    }
  }
  if (tenants === 'any') {
    findings.push(
      makeFinding(
        'tenants-any',
        "Tokens from any tenant are accepted (tenants: 'any'): authorize on tid yourself.",
      ),
    )
  }
  return findings
}
