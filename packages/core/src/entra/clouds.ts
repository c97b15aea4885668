/** The Entra ID national clouds ClaimCheck knows. Adding a cloud is a data change here. */
export type CloudName = 'public' | 'usgov' | 'china'

export interface Cloud {
  name: CloudName
  label: string
  /** Sign-in authority origin, used for consent, token requests and discovery. */
  authority: string
  /** Other authority hosts that Entra has used for this cloud (accepted when reading, never built). */
  legacyAuthorities: readonly string[]
  /** Origin of v1 token issuers (`{origin}/{tid}/`). */
  v1IssuerOrigin: string
}

export const CLOUDS: Readonly<Record<CloudName, Cloud>> = {
  public: {
    name: 'public',
    label: 'Public (worldwide, including GCC)',
    authority: 'https://login.microsoftonline.com',
    legacyAuthorities: [],
    v1IssuerOrigin: 'https://sts.windows.net',
  },
  usgov: {
    name: 'usgov',
    label: 'US Government (GCC High, DoD)',
    authority: 'https://login.microsoftonline.us',
    legacyAuthorities: [],
    // The US Government cloud issues v1 tokens from the same host as the public cloud.
    v1IssuerOrigin: 'https://sts.windows.net',
  },
  china: {
    name: 'china',
    label: 'China (operated by 21Vianet)',
    authority: 'https://login.partner.microsoftonline.cn',
    legacyAuthorities: ['https://login.chinacloudapi.cn'],
    v1IssuerOrigin: 'https://sts.chinacloudapi.cn',
  },
}

export const CLOUD_NAMES: readonly CloudName[] = ['public', 'usgov', 'china']

export function isCloudName(value: unknown): value is CloudName {
  return typeof value === 'string' && (CLOUD_NAMES as readonly string[]).includes(value)
}

/** The consumer (personal Microsoft account) tenant. */
export const CONSUMER_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad'

// Re-exported from its generic home so that the many existing imports of it from here keep working.
export { isGuid } from '../lib/guid.js'
