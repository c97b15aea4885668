import type { TenantOutcome } from './outcomes.js'

/**
 * Which outcome a token endpoint's AADSTS code means for one customer tenant, for a client-credentials request to
 * `{authority}/{tenant}/oauth2/v2.0/token`. Data, reviewed on its own; meanings follow ClaimCheck's AADSTS
 * catalogue (consent/aadsts-catalogue.ts) and Entra's error-code reference (https://login.microsoftonline.com/error).
 * A code not listed here is `unavailable` with its explanation: an unknown refusal is never reported as ready or as
 * a problem of the app.
 */
export const AADSTS_OUTCOMES: ReadonlyMap<number, TenantOutcome> = new Map<number, TenantOutcome>([
  // The app itself (its secret, certificate, assertion or registration): the same answer in every tenant.
  [7000215, 'credential-problem'], // invalid client secret (often the secret ID sent instead of its value)
  [7000222, 'credential-problem'], // the client secret has expired
  [7000218, 'credential-problem'], // no client_secret or client_assertion in the request
  [70002, 'credential-problem'], // error validating the client credentials
  [700027, 'credential-problem'], // client assertion failed signature validation (certificate not on the app)
  [700024, 'credential-problem'], // client assertion not within its valid time range (clock, lifetime)
  [700021, 'credential-problem'], // the assertion's application identifier is not the client_id sent
  [700025, 'credential-problem'], // the app is a public client: no credential may be sent
  [50012, 'credential-problem'], // authentication failed: the client assertion was rejected
  [50194, 'credential-problem'], // the app is not multi-tenant: no customer tenant can issue it a token
  // The app has no (enabled) service principal in the customer's tenant.
  [700016, 'not-onboarded'], // application not found in the directory: never consented there
  [700011, 'not-onboarded'], // client application not found in the tenant
  [7000112, 'not-onboarded'], // the app's service principal is disabled in the tenant
  [70001, 'not-onboarded'], // the application is disabled in the tenant
  // The tenant has no service principal for the API (Defender) the token is asked for.
  [500011, 'api-not-in-tenant'], // resource principal not found in the tenant
  [650052, 'api-not-in-tenant'], // the organization has not subscribed to or enabled the service
  [500014, 'api-not-in-tenant'], // the resource's service principal is disabled (subscription lapsed)
  [650054, 'api-not-in-tenant'], // the resource was removed from the tenant
  // Consent answered as an error rather than as a token without roles.
  [65001, 'not-consented'], // no one consented to the app using this resource in this tenant
  [650056, 'not-consented'], // no permission for the resource on the app, or no admin consent in the tenant
  [90094, 'not-consented'], // administrator consent is required
  // No such tenant (in this cloud).
  [90002, 'tenant-not-found'], // tenant not found (typo, unverified domain, or another cloud's tenant)
  [900023, 'tenant-not-found'], // the tenant identifier is neither a GUID nor a valid domain
  [90038, 'tenant-not-found'], // a national-cloud tenant asked at another cloud's sign-in host
  [50059, 'tenant-not-found'], // no tenant in the request
  [50128, 'tenant-not-found'], // invalid domain name: nothing identifies a tenant
])

/** Codes that mean "too many requests": retried like a 429 (with the run's budget), then `unavailable`. */
export const THROTTLING_AADSTS: ReadonlySet<number> = new Set([90055, 50196])

/** Codes for a transient Entra-side failure: retried like a 5xx, then `unavailable`. */
export const TRANSIENT_AADSTS: ReadonlySet<number> = new Set([50000])
