import type { JsonObject } from '../lib/json.js'

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[ ,]+/).filter((s) => s.length > 0)
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

/** Whether the token's `acrs` claim (the auth contexts the user satisfied) carries the one needed. */
export function hasAuthContext(payload: JsonObject, authContext: string): boolean {
  return Object.hasOwn(payload, 'acrs') && stringsOf(payload.acrs).includes(authContext)
}

/** Whether the client declared it can answer a claims challenge (`xms_cc` contains `cp1`). */
export function clientHandlesClaimsChallenge(payload: JsonObject): boolean {
  return Object.hasOwn(payload, 'xms_cc') && stringsOf(payload.xms_cc).includes('cp1')
}

/**
 * The claims request a client passes back to Entra (MSAL's `claims` parameter), base64-encoded as in Entra's
 * claims-challenge documentation: `{"access_token":{"acrs":{"essential":true,"value":"c1"}}}`.
 */
export function claimsChallenge(authContext: string): string {
  return btoa(JSON.stringify({ access_token: { acrs: { essential: true, value: authContext } } }))
}
