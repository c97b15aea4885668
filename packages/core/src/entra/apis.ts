import type { CloudName } from './clouds.js'

/** The APIs ClaimCheck recognises by audience. `other` is any other resource; null means no audience at all. */
export type KnownApiId = 'mde' | 'm365d' | 'graph'
export type ApiId = KnownApiId | 'other'

/** An identifier Entra writes into `aud` for a resource that the API itself answers 403 to. */
export interface RefusedAudience {
  aud: string
  /** Where the refusal was reported, and when we read it. */
  source: string
  checked: string
}

/** Path segments an API accepts in front of its documented paths, which name a version and change nothing else. */
export interface VersionSegment {
  /** Zero-based position of the optional segment (Graph: 0, `/v1.0/...`; Defender for Endpoint: 1, `/api/v1.0/...`). */
  at: number
  values: readonly string[]
}

export interface ApiResource {
  id: KnownApiId
  name: string
  /** The resource's application (client) ID in every tenant. */
  appId: string
  /** The identifier URI to request tokens for, per cloud (`{resource}/.default`). */
  resourceByCloud: Partial<Readonly<Record<CloudName, string>>>
  /** Every value a token's `aud` may carry that the API accepts (compared without a trailing slash, case-insensitively). */
  identifierUris: readonly string[]
  /**
   * Identifier URIs of the same service principal that Entra writes into `aud` when asked, but that the API refuses.
   * They still identify the resource (apiForAudience), so the finding can name the scope to request instead.
   */
  refusedAudiences: readonly RefusedAudience[]
  /** API hosts per cloud; a request URL on any of them identifies the API (with its path, where hosts are shared). */
  hosts: readonly string[]
  /** Version segments to drop before matching a path against the catalog (Graph's `/v1.0` and `/beta`). */
  versionSegments: readonly VersionSegment[]
}

// Hosts and audiences: read 2026-11-30.
// - MDE base URI https://api.security.microsoft.com and the regional hosts us., eu., uk., au., swa., ina.:
//   https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list ("Endpoint URI and versioning"; versioned
//   form /api/v1.0/...). `aea.` checked 2026-12-08: listed with the others in the regional-host tip of the
//   current defender-endpoint API pages (run-advanced-query-api, exposed-apis-create-app-partners and more; the
//   exposed-apis-list page's copy stops at ina.), so it stays.
// - Older MDE hosts api-us./api-eu./api-uk./api-au.securitycenter.microsoft.com and api.securitycenter.windows.com:
//   the pre-2024 API pages and MicrosoftDocs/windows-itpro-docs#8310 (2020-09).
// - US Government: api-gcc.securitycenter.microsoft.us, api-gov.securitycenter.microsoft.us (MDE) and
//   api-gcc.security.microsoft.us, api-gov.security.microsoft.us (XDR): MicrosoftDocs/defender-docs
//   defender-endpoint/gov.md (2024-05) and defender-xdr/usgov.md. DoD shares the api-gov hosts.
// - Defender XDR base URI https://api.security.microsoft.com with api-us./api-eu./api-uk.security.microsoft.com:
//   https://learn.microsoft.com/defender-xdr/api-supported. MDE and XDR share api.security.microsoft.com (and its
//   regional hosts): the path tells them apart (/api/machines… vs /api/incidents…).
// - The refused audience: MicrosoftDocs/microsoft-365-docs#9246 (2022-07-25) — a token whose aud is
//   https://userrequestsgraphapi-prd.trafficmanager.net gets 403 from api.securitycenter.microsoft.com; requesting
//   https://api.securitycenter.microsoft.com/.default fixes it. Decision: the sibling
//   https://userrequestsgraphapiep-prd.trafficmanager.net (an identifier URI of the same service principal, which
//   ClaimCheck accepted until 2026-11-30) is refused too: no public source shows the API accepting it, and the
//   service behind both names is the same; a wrong refusal costs one token request, a wrong acceptance a 403 the
//   user was told would not happen.
const MDE_HOSTS = [
  'api.security.microsoft.com',
  ...['us', 'eu', 'uk', 'au', 'swa', 'ina', 'aea'].map((r) => `${r}.api.security.microsoft.com`),
  'api.securitycenter.microsoft.com',
  ...['us', 'eu', 'uk', 'au'].map((r) => `api-${r}.securitycenter.microsoft.com`),
  'api.securitycenter.windows.com',
  'api-gcc.securitycenter.microsoft.us',
  'api-gov.securitycenter.microsoft.us',
] as const

const XDR_HOSTS = [
  'api.security.microsoft.com',
  ...['us', 'eu', 'uk', 'au', 'swa', 'ina', 'aea'].map((r) => `${r}.api.security.microsoft.com`),
  ...['us', 'eu', 'uk'].map((r) => `api-${r}.security.microsoft.com`),
  'api-gcc.security.microsoft.us',
  'api-gov.security.microsoft.us',
] as const

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
    ],
    refusedAudiences: [
      {
        aud: 'https://userrequestsgraphapi-prd.trafficmanager.net',
        source: 'https://github.com/MicrosoftDocs/microsoft-365-docs/issues/9246',
        checked: '2026-11-30',
      },
      {
        aud: 'https://userrequestsgraphapiep-prd.trafficmanager.net',
        source:
          'sibling of the identifier refused in MicrosoftDocs/microsoft-365-docs#9246 (no source shows it accepted)',
        checked: '2026-11-30',
      },
    ],
    hosts: MDE_HOSTS,
    versionSegments: [{ at: 1, values: ['v1.0'] }],
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
    refusedAudiences: [],
    hosts: XDR_HOSTS,
    versionSegments: [],
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
    refusedAudiences: [],
    // Graph national cloud deployments: https://learn.microsoft.com/graph/deployments (DoD uses dod-graph.microsoft.us).
    hosts: [
      'graph.microsoft.com',
      'graph.microsoft.us',
      'dod-graph.microsoft.us',
      'microsoftgraph.chinacloudapi.cn',
    ],
    versionSegments: [{ at: 0, values: ['v1.0', 'beta'] }],
  },
}

export const KNOWN_API_IDS: readonly KnownApiId[] = ['mde', 'm365d', 'graph']

export function isKnownApiId(value: unknown): value is KnownApiId {
  return typeof value === 'string' && (KNOWN_API_IDS as readonly string[]).includes(value)
}

/** Normalises an audience for comparison: Entra treats `…/` and `…` and the host's case as the same identifier. */
export function normalizeAudience(aud: string): string {
  return aud.replace(/(?<!\/)\/+$/, '').toLowerCase()
}

/**
 * Which known API an audience names (by identifier URI, refused identifier or resource appId), or null. A refused
 * identifier still names its API: the audience check then says the API refuses it and which scope to request.
 */
export function apiForAudience(aud: string): KnownApiId | null {
  const n = normalizeAudience(aud)
  for (const id of KNOWN_API_IDS) {
    const r = API_RESOURCES[id]
    if (r.appId === n || r.identifierUris.some((u) => normalizeAudience(u) === n)) return id
    if (r.refusedAudiences.some((x) => normalizeAudience(x.aud) === n)) return id
  }
  return null
}

// Refused identifiers by normalised value, per API: computed once from the data above.
const REFUSED_BY_API: Readonly<Record<KnownApiId, ReadonlyMap<string, RefusedAudience>>> = {
  mde: new Map(API_RESOURCES.mde.refusedAudiences.map((x) => [normalizeAudience(x.aud), x])),
  m365d: new Map(API_RESOURCES.m365d.refusedAudiences.map((x) => [normalizeAudience(x.aud), x])),
  graph: new Map(API_RESOURCES.graph.refusedAudiences.map((x) => [normalizeAudience(x.aud), x])),
}

/** The refusal on record when `aud` is an identifier that `api` refuses, else null. */
export function refusedAudience(api: KnownApiId, aud: string): RefusedAudience | null {
  const refused = REFUSED_BY_API[api]
  return refused.size === 0 ? null : (refused.get(normalizeAudience(aud)) ?? null)
}

/** The `/.default` scope for an API in a cloud, or null when the API is not offered there. */
export function defaultScopeFor(api: KnownApiId, cloud: CloudName = 'public'): string | null {
  const resource = API_RESOURCES[api].resourceByCloud[cloud]
  return resource === undefined ? null : `${resource}/.default`
}
