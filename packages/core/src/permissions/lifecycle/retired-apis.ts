import { LIFECYCLE_CHECKED } from '../catalogs/lifecycles.js'
import type { OperationLifecycle } from '../types.js'

/**
 * Whole APIs (or API features) with a dated lifecycle that ClaimCheck has no permission catalog for: recognised by
 * the token's audience, by the request's host, or by a type name in the request body. Data only.
 */
export interface RetiredApi {
  id: string
  name: string
  /** `aud` values of tokens for it (compared without a trailing slash, case-insensitively). */
  audiences: readonly string[]
  /** Hosts that served it (exact), and host suffixes (`.example.com`) where a family of hosts did. */
  hosts: readonly string[]
  hostPatterns: readonly { prefix: string; suffix: string }[]
  /** A type name whose presence in a request body means the feature is used (Graph's `@odata.type`). */
  bodyMarkers: readonly string[]
  lifecycle: OperationLifecycle
}

export const RETIRED_APIS: readonly RetiredApi[] = [
  {
    // learn.microsoft.com/graph/api/resources/authenticationbehaviors (checked 2026-12-08): blockAzureADGraphAccess
    // "allows the app to have extended access to Azure AD Graph until August 31, 2025 when Azure AD Graph is fully
    // retired". (The Entra blog of 2024-12 said 2025-07-01; the later Learn page is kept.)
    id: 'aad-graph',
    name: 'Azure AD Graph',
    audiences: ['https://graph.windows.net', '00000002-0000-0000-c000-000000000000'],
    hosts: ['graph.windows.net'],
    hostPatterns: [],
    bodyMarkers: [],
    lifecycle: {
      status: 'retired',
      retiredOn: '2025-08-31',
      announced: {
        source: 'https://learn.microsoft.com/graph/api/resources/authenticationbehaviors',
        checked: LIFECYCLE_CHECKED,
        note: '"Azure AD Graph is fully retired" on 2025-08-31; no request to graph.windows.net works.',
      },
      replacement: {
        api: 'graph',
        operation: null,
        note: 'Microsoft Graph (https://graph.microsoft.com): the same directory objects under /v1.0, with Microsoft Graph permissions (User.Read.All, Directory.Read.All, …).',
      },
    },
  },
  {
    // learn.microsoft.com/defender-endpoint/configure-siem (checked 2026-12-08): "The SIEM API was deprecated on
    // December 31, 2023 … Effective December 31, 2024 … we reserve the right to turn off the SIEM API, without further
    // notice." Hosts: wdatp-alertexporter-{us,eu,uk}.securitycenter.windows.com (defender-endpoint/pull-alerts-using-rest-api).
    id: 'mde-siem',
    name: 'Defender for Endpoint SIEM API',
    audiences: [],
    hosts: [],
    hostPatterns: [{ prefix: 'wdatp-alertexporter-', suffix: '.securitycenter.windows.com' }],
    bodyMarkers: [],
    lifecycle: {
      status: 'retired',
      retiredOn: '2024-12-31',
      announced: {
        source: 'https://learn.microsoft.com/defender-endpoint/configure-siem',
        checked: LIFECYCLE_CHECKED,
        note: 'Deprecated 2023-12-31; from 2024-12-31 it may be turned off without further notice.',
      },
      replacement: {
        api: 'graph',
        operation: 'GET /security/alerts_v2',
        application: ['SecurityAlert.Read.All'],
        delegated: ['SecurityAlert.Read.All'],
        note: 'or the streaming API to Event Hubs / Sentinel',
      },
    },
  },
  {
    // learn.microsoft.com/graph/api/resources/security-isolatedeviceresponseaction?view=graph-rest-beta (checked
    // 2026-12-08): "deprecated and will be removed on October 1, 2026. Use automatedAction (grouped via
    // automatedActionSet) on the detectionAction resource instead." (security-responseaction: all 17 derived types.)
    id: 'graph-beta-isolate-device-response-action',
    name: 'Microsoft Graph beta isolateDeviceResponseAction (custom detection rules)',
    audiences: [],
    hosts: [],
    hostPatterns: [],
    bodyMarkers: ['isolateDeviceResponseAction'],
    lifecycle: {
      status: 'retired',
      retiredOn: '2026-10-01',
      announced: {
        source:
          'https://learn.microsoft.com/graph/api/resources/security-isolatedeviceresponseaction?view=graph-rest-beta',
        checked: LIFECYCLE_CHECKED,
        note: 'Removed 2026-10-01 with the other responseAction types; a detection rule that still names it is refused.',
      },
      replacement: {
        api: 'graph',
        operation: null,
        note: "automatedAction (in an automatedActionSet) on the rule's detectionAction, e.g. isolateDeviceAction",
      },
    },
  },
]

const norm = (s: string): string => s.replace(/(?<!\/)\/+$/, '').toLowerCase()

export function retiredApiForAudience(aud: string | null | undefined): RetiredApi | null {
  if (typeof aud !== 'string') return null
  const a = norm(aud)
  return RETIRED_APIS.find((x) => x.audiences.some((y) => norm(y) === a)) ?? null
}

export function retiredApiForHost(host: string | null | undefined): RetiredApi | null {
  if (typeof host !== 'string') return null
  const h = host.toLowerCase()
  return (
    RETIRED_APIS.find(
      (x) =>
        x.hosts.includes(h) ||
        x.hostPatterns.some(
          (p) =>
            h.startsWith(p.prefix) && h.endsWith(p.suffix) && h.length > p.prefix.length + p.suffix.length,
        ),
    ) ?? null
  )
}

export function retiredApiInBody(body: string | null | undefined): RetiredApi | null {
  if (typeof body !== 'string' || body.length === 0) return null
  return RETIRED_APIS.find((x) => x.bodyMarkers.some((m) => body.includes(m))) ?? null
}
