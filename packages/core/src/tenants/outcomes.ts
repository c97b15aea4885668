/**
 * What a customer tenant's check came to. These names are a public contract (CLI --json, library results, docs);
 * a name, once shipped, never changes meaning.
 */
export type TenantOutcome =
  | 'ready'
  | 'missing-permissions'
  | 'not-consented'
  | 'not-onboarded'
  | 'api-not-in-tenant'
  | 'tenant-not-found'
  | 'credential-problem'
  | 'unavailable'

export const TENANT_OUTCOMES: readonly TenantOutcome[] = [
  'ready',
  'missing-permissions',
  'not-consented',
  'not-onboarded',
  'api-not-in-tenant',
  'tenant-not-found',
  'credential-problem',
  'unavailable',
]

export function isTenantOutcome(value: unknown): value is TenantOutcome {
  return typeof value === 'string' && (TENANT_OUTCOMES as readonly string[]).includes(value)
}

/**
 * The order a partner works through a report in: first what blocks every tenant (the app's own credential), then
 * what the partner fixes alone (a wrong tenant), then what a customer's admin must do, then what only waits, last
 * what is done. Tables sort by this.
 */
export const OUTCOME_ACTION_ORDER: readonly TenantOutcome[] = [
  'credential-problem',
  'tenant-not-found',
  'not-onboarded',
  'not-consented',
  'missing-permissions',
  'api-not-in-tenant',
  'unavailable',
  'ready',
]

/** One line per outcome: what it means for the partner. */
export const OUTCOME_MEANINGS: Readonly<Record<TenantOutcome, string>> = {
  ready: 'The token carries every application permission the requirement needs.',
  'missing-permissions':
    'Consented, but without some needed permission: typically consent was granted before the permission was added to the app; the admin consents again.',
  'not-consented':
    'A token was issued with no application permission at all: the admin has not granted consent for this API.',
  'not-onboarded':
    'The app has no service principal in the tenant (never consented there, or removed or disabled): the admin opens the consent link.',
  'api-not-in-tenant':
    'The tenant has no service principal for the Defender API itself: the product is not provisioned or not licensed there.',
  'tenant-not-found': 'No such tenant in this cloud: check the tenant ID or domain and the cloud.',
  'credential-problem':
    "The app's own credential or registration was refused; it fails the same way for every tenant, so the run stopped.",
  unavailable:
    'No answer could be had (network, Entra 5xx, throttling beyond the retry budget, a timeout) or the answer was not understood.',
}
