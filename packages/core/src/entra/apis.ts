import type { CloudName } from './clouds.js'

/** The APIs ClaimCheck recognises by audience. `other` is any other resource; null means no audience at all. */
export type KnownApiId = 'mde' | 'm365d' | 'graph'
export type ApiId = KnownApiId | 'other'

export interface ApiResource {
  id: KnownApiId
  name: string
  /** The resource's application (client) ID in every tenant. */
  appId: string
  /** The identifier URI to request tokens for, per cloud (`{resource}/.default`). */
  resourceByCloud: Partial<Readonly<Record<CloudName, string>>>
  /** Every value a token's `aud` may carry for this resource (compared without a trailing slash, case-insensitively). */
  identifierUris: readonly string[]
  /** API hosts per cloud; a request URL on any of them identifies the API. */
  hosts: readonly string[]
}

export const API_RESOURCES: Readonly<Record<KnownApiId, ApiResource>> = {
  mde: {
    id: 'mde',
    name: 'Microsoft Defender for Endpoint',
    appId: 'fc780465-2017-40d4-a0c5-307022471b92',
    resourceByCloud: {
      public: 'https://api.securitycenter.microsoft.com',
      usgov: 'https://api-gov.securitycenter.microsoft.us',
    },
    identifierUris: [
      'https://api.securitycenter.microsoft.com',
      'https://api-us.securitycenter.microsoft.com',
      'https://api-eu.securitycenter.microsoft.com',
      'https://api-uk.securitycenter.microsoft.com',
      'https://api-gcc.securitycenter.microsoft.us',
      'https://api-gov.securitycenter.microsoft.us',
      'https://api.securitycenter.windows.com',
      'https://api.securitycenter.windows.us',
      'https://securitycenter.onmicrosoft.com/windowsatpservice',
      'https://securitycenter.microsoft.com/mtp',
      'https://securityoperations.microsoft.com',
      'https://managementapi.securitycenter.windows.com',
      'https://publicapi-prd.trafficmanager.net',
      'https://userrequestsgraphapiep-prd.trafficmanager.net',
    ],
    hosts: [
      'api.securitycenter.microsoft.com',
      'api-us.securitycenter.microsoft.com',
      'api-eu.securitycenter.microsoft.com',
      'api-uk.securitycenter.microsoft.com',
      'api-au.securitycenter.microsoft.com',
      'api-gcc.securitycenter.microsoft.us',
      'api-gov.securitycenter.microsoft.us',
      'api.securitycenter.windows.com',
    ],
  },
  m365d: {
    id: 'm365d',
    name: 'Microsoft 365 Defender (Defender XDR)',
    appId: '8ee8fdad-f234-4243-8f3b-15c294843740',
    resourceByCloud: {
      public: 'https://api.security.microsoft.com',
      usgov: 'https://api-gov.security.microsoft.us',
    },
    identifierUris: [
      'https://api.security.microsoft.com',
      'https://api-us.security.microsoft.com',
      'https://api-eu.security.microsoft.com',
      'https://api-uk.security.microsoft.com',
      'https://api-gcc.security.microsoft.us',
      'https://api-gov.security.microsoft.us',
      'https://security.microsoft.com/mtp',
    ],
    hosts: [
      'api.security.microsoft.com',
      'api-us.security.microsoft.com',
      'api-eu.security.microsoft.com',
      'api-uk.security.microsoft.com',
      'api-gcc.security.microsoft.us',
      'api-gov.security.microsoft.us',
    ],
  },
  graph: {
    id: 'graph',
    name: 'Microsoft Graph',
    appId: '00000003-0000-0000-c000-000000000000',
    resourceByCloud: {
      public: 'https://graph.microsoft.com',
      usgov: 'https://graph.microsoft.us',
      china: 'https://microsoftgraph.chinacloudapi.cn',
    },
    identifierUris: [
      'https://graph.microsoft.com',
      'https://graph.microsoft.us',
      'https://dod-graph.microsoft.us',
      'https://microsoftgraph.chinacloudapi.cn',
    ],
    hosts: ['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn'],
  },
}

export const KNOWN_API_IDS: readonly KnownApiId[] = ['mde', 'm365d', 'graph']

export function isKnownApiId(value: unknown): value is KnownApiId {
  return typeof value === 'string' && (KNOWN_API_IDS as readonly string[]).includes(value)
}

/** Normalises an audience for comparison: Entra treats `…/` and `…` and the host's case as the same identifier. */
export function normalizeAudience(aud: string): string {
  return aud.replace(/\/+$/, '').toLowerCase()
}

/** Which known API an audience names (by identifier URI or resource appId), or null. */
export function apiForAudience(aud: string): KnownApiId | null {
  const n = normalizeAudience(aud)
  for (const id of KNOWN_API_IDS) {
    const r = API_RESOURCES[id]
    if (r.appId === n || r.identifierUris.some((u) => normalizeAudience(u) === n)) return id
  }
  return null
}

/** The `/.default` scope for an API in a cloud, or null when the API is not offered there. */
export function defaultScopeFor(api: KnownApiId, cloud: CloudName = 'public'): string | null {
  const resource = API_RESOURCES[api].resourceByCloud[cloud]
  return resource === undefined ? null : `${resource}/.default`
}
