import { isB2cIssuer, parseExternalIdIssuer } from '../entra/external-id.js'
import { parseEntraIssuer } from '../entra/issuers.js'
import type { Finding } from '../findings/finding.js'
import { makeFinding } from '../findings/make-finding.js'
import { ownValue, type JsonObject } from '../lib/json.js'

/** Which identity platform wrote the issuer. */
export type IssuerType = 'entra-id' | 'external-id' | 'b2c'

/**
 * The issuer checks for issuers that are not a workforce cloud's: External ID (recognised with no option: its tenant
 * must be tid and its tokens are v2) and B2C (said to be unverified, not misreported). null for any other issuer,
 * which checkIssuer judges as before.
 */
export function checkExternalIssuer(payload: JsonObject, iss: string): Finding[] | null {
  const ciam = parseExternalIdIssuer(iss)
  if (ciam !== null) {
    const findings: Finding[] = []
    const tid = ownValue(payload, 'tid')
    if (typeof tid === 'string' && tid.toLowerCase() !== ciam.tenant)
      findings.push(
        makeFinding(
          'issuer-tenant-mismatch',
          `iss names External ID tenant ${ciam.tenant} but tid is ${tid}.`,
          {
            claim: 'iss',
            expected: tid,
            actual: ciam.tenant,
          },
        ),
      )
    const ver = ownValue(payload, 'ver')
    if (ver !== undefined && ver !== '2.0')
      findings.push(
        makeFinding(
          'version-issuer-mismatch',
          `ver is ${JSON.stringify(ver)} but External ID (ciamlogin.com) issues v2 tokens only.`,
          { claim: 'ver', expected: '2.0', actual: ver },
        ),
      )
    return findings
  }
  if (isB2cIssuer(iss, { tfp: ownValue(payload, 'tfp'), acr: ownValue(payload, 'acr') }))
    return [
      makeFinding(
        'issuer-b2c',
        `iss "${iss}" is an Azure AD B2C issuer. B2C signs with keys of each user flow or custom policy, found through that policy's own metadata; ClaimCheck verifies Entra ID and External ID tokens only, so this token is not verified.`,
        { claim: 'iss', actual: iss },
      ),
    ]
  return null
}

export function issuerTypeOf(payload: JsonObject, iss: string | null): IssuerType | null {
  if (iss === null) return null
  if (parseExternalIdIssuer(iss) !== null) return 'external-id'
  if (isB2cIssuer(iss, { tfp: ownValue(payload, 'tfp'), acr: ownValue(payload, 'acr') })) return 'b2c'
  return parseEntraIssuer(iss) !== null ? 'entra-id' : null
}
