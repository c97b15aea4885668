import { CLOUDS, CLOUD_NAMES, type CloudName } from './clouds.js'

export type TokenVersion = '1.0' | '2.0'

export interface ParsedIssuer {
  version: TokenVersion
  /** Tenant segment as written in the issuer (not necessarily a GUID). */
  tenant: string
  /** Clouds whose issuer has this form (v1 issuers are shared by public and usgov). */
  clouds: readonly CloudName[]
}

/** The exact issuer Entra writes for a tenant, version and cloud. */
export function expectedIssuer(tenantId: string, version: TokenVersion, cloud: CloudName): string {
  const c = CLOUDS[cloud]
  return version === '1.0' ? `${c.v1IssuerOrigin}/${tenantId}/` : `${c.authority}/${tenantId}/v2.0`
}

const V1 = /^(https:\/\/[a-z0-9.-]+)\/([^/]+)\/$/
const V2 = /^(https:\/\/[a-z0-9.-]+)\/([^/]+)\/v2\.0$/

/**
 * Reads an issuer only when it has one of Entra's exact forms; anything else (http:, login.windows.net,
 * a trailing slash on v2, a missing one on v1, another host) is not an Entra issuer.
 */
export function parseEntraIssuer(iss: string): ParsedIssuer | null {
  const v2 = V2.exec(iss)
  if (v2) {
    const origin = v2[1] as string
    const clouds = CLOUD_NAMES.filter(
      (n) => CLOUDS[n].authority === origin || CLOUDS[n].legacyAuthorities.includes(origin),
    )
    return clouds.length > 0 ? { version: '2.0', tenant: v2[2] as string, clouds } : null
  }
  const v1 = V1.exec(iss)
  if (v1) {
    const origin = v1[1] as string
    const clouds = CLOUD_NAMES.filter((n) => CLOUDS[n].v1IssuerOrigin === origin)
    return clouds.length > 0 ? { version: '1.0', tenant: v1[2] as string, clouds } : null
  }
  return null
}

/** Why an issuer is not Entra's, in words a person can act on. */
export function describeNonEntraIssuer(iss: string): string {
  if (iss.startsWith('http://')) return 'it uses http: (Entra issuers are https:)'
  if (/^https:\/\/login\.windows\.net\//.test(iss))
    return 'login.windows.net is a sign-in host, never an issuer (v1 issuers are https://sts.windows.net/{tid}/)'
  if (/windows-ppe\.net|microsoftonline-p\.com/.test(iss)) return 'it is a pre-production (PPE) host'
  if (iss.includes('{tenantid}') || iss.includes('{tenant}'))
    return 'it still contains the {tenantid} template placeholder'
  if (/\/v2\.0\/$/.test(iss)) return 'v2 issuers have no trailing slash'
  if (/^https:\/\/sts\.(windows\.net|chinacloudapi\.cn)\/[^/]+$/.test(iss))
    return 'v1 issuers end with a slash'
  if (parseEntraIssuer(iss) !== null) return 'its tenant segment is not a tenant GUID'
  return 'its host and form match no Entra cloud'
}
