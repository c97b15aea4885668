import type { OperationLifecycle, RateLimit } from '../types.js'

// Dated lifecycles and documented rate limits of the built-in catalogs' operations: data, reviewed on its own.
// Every source was read on CHECKED (2026-12-08); what each said is quoted beside it. Message center posts are not
// public: MC1220762's dates are taken as given (reposted word for word by m365admin.handsontek.net and pupuweb.com)
// and marked verified: false.

export const LIFECYCLE_CHECKED = '2026-12-08'
const CHECKED = LIFECYCLE_CHECKED

const MC1220762 = 'Microsoft 365 message center MC1220762 (posted 2026-01-22; not public)'

// learn.microsoft.com/defender-endpoint/api/run-advanced-query-api: "an older version with limited capabilities";
// its localized copies (lt-lt, checked 2026-12-08): "Retirement began in January 2026. After retirement completes,
// the Microsoft Defender for Endpoint advanced hunting API no longer functions. For the retirement timeline, see
// MC1220762." MC1220762: "Full retirement: February 1, 2027 — After February 1, 2027, the MDE and XDR APIs will no
// longer function." The Defender XDR page (defender-xdr/api-advanced-hunting) says the same of its API.
const HUNTING_TO_GRAPH = {
  api: 'graph',
  operation: 'POST /security/runHuntingQuery',
  application: ['ThreatHunting.Read.All'],
  delegated: ['ThreatHunting.Read.All'],
} as const

export const MDE_HUNTING_LIFECYCLE: OperationLifecycle = {
  status: 'retiring',
  retiresOn: '2027-02-01',
  announced: {
    source: `https://learn.microsoft.com/defender-endpoint/api/run-advanced-query-api; ${MC1220762}`,
    checked: CHECKED,
    verified: false,
    note: "The page: retirement began in January 2026, the API no longer functions once it completes (timeline in MC1220762). The date 2027-02-01 is MC1220762's, taken as given.",
  },
  replacement: HUNTING_TO_GRAPH,
}

export const XDR_HUNTING_LIFECYCLE: OperationLifecycle = {
  status: 'retiring',
  retiresOn: '2027-02-01',
  announced: {
    source: `https://learn.microsoft.com/defender-xdr/api-advanced-hunting; ${MC1220762}`,
    checked: CHECKED,
    verified: false,
    note: 'The page: "transitioning to the Microsoft Graph security API … Retirement began in January 2026"; the date 2027-02-01 is MC1220762\'s, taken as given.',
  },
  replacement: HUNTING_TO_GRAPH,
}

/**
 * MC1220762 names "the MDE and XDR APIs" as a whole; the Learn pages other than advanced hunting carry no notice.
 * Announced, scope unclear: `deprecated` without a date (no verdict changes), shown by `migrate` and the docs.
 */
export const MC1220762_BROAD_LIFECYCLE: OperationLifecycle = {
  status: 'deprecated',
  announced: {
    source: MC1220762,
    checked: CHECKED,
    verified: false,
    note: 'MC1220762 says "the MDE and XDR APIs will no longer function" after 2027-02-01; the Learn pages other than advanced hunting carry no notice, so the scope is unclear.',
  },
}

// learn.microsoft.com/graph/alertsv1-alertsv2-migration (en-us, checked 2026-12-08): "deprecated and will be retired
// on August 31, 2026"; the cs-cz copy of resources/securityvendorinformation (beta) says "October 15, 2026" (the
// latest of the three dates announced: 2026-04-10, 2026-08-31, 2026-10-15). Both are past: retired.
export const GRAPH_LEGACY_ALERTS_LIFECYCLE: OperationLifecycle = {
  status: 'retired',
  retiredOn: '2026-10-15',
  announced: {
    source: 'https://learn.microsoft.com/graph/alertsv1-alertsv2-migration',
    checked: CHECKED,
    note: 'Removal moved 2026-04-10 → 2026-08-31 → 2026-10-15 (the latest date seen, on the securityvendorinformation page); after it the endpoint stops returning data.',
  },
  replacement: {
    api: 'graph',
    operation: 'GET /security/alerts_v2',
    application: ['SecurityAlert.Read.All', 'SecurityAlert.ReadWrite.All'],
    delegated: ['SecurityAlert.Read.All', 'SecurityAlert.ReadWrite.All'],
  },
}

export const GRAPH_LEGACY_ALERT_UPDATE_LIFECYCLE: OperationLifecycle = {
  ...GRAPH_LEGACY_ALERTS_LIFECYCLE,
  replacement: {
    api: 'graph',
    operation: 'PATCH /security/alerts_v2/{alertId}',
    application: ['SecurityAlert.ReadWrite.All'],
    delegated: ['SecurityAlert.ReadWrite.All'],
  },
}

// Rate limits, each as its page states it (checked 2026-12-08).
const MDE = 'https://learn.microsoft.com/defender-endpoint/api/'
const XDR = 'https://learn.microsoft.com/defender-xdr/'
export const MDE_HUNTING_LIMITS: readonly RateLimit[] = [
  { calls: 45, perSeconds: 60, scope: 'tenant', source: `${MDE}run-advanced-query-api` },
  {
    calls: 1_500,
    perSeconds: 3_600,
    scope: 'tenant',
    note: 'also 10 minutes of running time per hour and 3 hours per day; 200 s per request',
    source: `${MDE}run-advanced-query-api`,
  },
]
export const XDR_HUNTING_LIMITS: readonly RateLimit[] = [
  {
    calls: 45,
    perSeconds: 60,
    scope: 'tenant',
    atLeast: true,
    note: '"at least 45 calls per minute per tenant"; the number varies with the tenant\'s size',
    source: `${XDR}api-advanced-hunting`,
  },
]
export const MDE_ISOLATE_LIMITS: readonly RateLimit[] = [
  { calls: 100, perSeconds: 60, scope: 'tenant', source: `${MDE}isolate-machine` },
  { calls: 1_500, perSeconds: 3_600, scope: 'tenant', source: `${MDE}isolate-machine` },
]
export const XDR_INCIDENTS_LIMITS: readonly RateLimit[] = [
  { calls: 50, perSeconds: 60, scope: 'tenant', source: `${XDR}api-list-incidents` },
  { calls: 1_500, perSeconds: 3_600, scope: 'tenant', source: `${XDR}api-list-incidents` },
]
// defender-xdr/api-get-incident states its own quota: "100 calls per minute and 1,500 calls per hour" (the incidents
// API page: "up to 50 calls per minute … Each method also has its own quotas").
export const XDR_GET_INCIDENT_LIMITS: readonly RateLimit[] = [
  { calls: 100, perSeconds: 60, scope: 'tenant', source: `${XDR}api-get-incident` },
  { calls: 1_500, perSeconds: 3_600, scope: 'tenant', source: `${XDR}api-get-incident` },
]
// graph/throttling-limits, "Security detections and incidents service limits": "Any operation on alert,
// securityActions, secureScore: 150 requests per minute" per app per tenant.
export const GRAPH_SECURITY_ALERT_LIMITS: readonly RateLimit[] = [
  {
    calls: 150,
    perSeconds: 60,
    scope: 'app-tenant',
    note: 'Graph also limits every app to 130,000 requests per 10 seconds across all tenants',
    source: 'https://learn.microsoft.com/graph/throttling-limits',
  },
]
