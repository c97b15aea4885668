import { isGuid } from './clouds.js'

/**
 * Microsoft Entra External ID (CIAM) tenants sign in on their own host, `{tenant-id}.ciamlogin.com`, and write
 * `https://{tenant-id}.ciamlogin.com/{tenant-id}/v2.0` as issuer (v2 only). Kept apart from issuers.ts: a workforce
 * issuer's form is per cloud; this one is per tenant.
 */
const CIAM_ISSUER = /^https:\/\/([0-9a-f-]{36})\.ciamlogin\.com\/([0-9a-f-]{36})\/v2\.0$/
const CIAM_ORIGIN = /^https:\/\/([0-9a-f-]{36})\.ciamlogin\.com$/

/** The tenant's External ID origin: `https://{tid}.ciamlogin.com`. */
export function externalIdOrigin(tenantId: string): string {
  return `https://${tenantId.toLowerCase()}.ciamlogin.com`
}

export function externalIdIssuer(tenantId: string): string {
  return `${externalIdOrigin(tenantId)}/${tenantId.toLowerCase()}/v2.0`
}

/** The tenant of an External ID issuer; null unless both GUIDs are there and name the same tenant. */
export function parseExternalIdIssuer(iss: string): { tenant: string } | null {
  const m = CIAM_ISSUER.exec(iss)
  if (m === null) return null
  const [, host, path] = m as unknown as [string, string, string]
  return isGuid(host) && host === path ? { tenant: path } : null
}

/** The tenant whose External ID host an authority option names (`https://{tid}.ciamlogin.com`), else null. */
export function externalIdTenantOf(authority: string | undefined): string | null {
  if (authority === undefined) return null
  let origin: string
  try {
    origin = new URL(authority).origin
  } catch {
    return null
  }
  const m = CIAM_ORIGIN.exec(origin)
  return m !== null && isGuid(m[1]) ? (m[1] as string) : null
}

/**
 * Azure AD B2C issuers: `{name}.b2clogin.com` hosts, `/tfp/` (trust framework policy) paths, or a B2C policy in the
 * token (`tfp`, or `acr` naming a `B2C_1_`/`B2C_1A_` policy). B2C keys are per policy; ClaimCheck does not verify them.
 */
export function isB2cIssuer(iss: string, claims: { tfp?: unknown; acr?: unknown } = {}): boolean {
  let url: URL
  try {
    url = new URL(iss)
  } catch {
    return false
  }
  if (url.hostname.endsWith('.b2clogin.com') || url.pathname.toLowerCase().startsWith('/tfp/')) return true
  if (typeof claims.tfp === 'string') return true
  return typeof claims.acr === 'string' && /^b2c_1a?_/i.test(claims.acr)
}
