import { CLOUDS, type CloudName } from './clouds.js'
import type { TokenVersion } from './issuers.js'
import { ownValue, type JsonObject } from '../token/json.js'

/**
 * Where a tenant's signing keys are found. Everything here comes from configuration and the (already allow-listed)
 * tenant GUID; nothing from the token's iss, jku or x5u.
 */
export interface DiscoveryTarget {
  /** Cache identity: one key set per cloud, version, tenant and custom-signing-key app. */
  id: string
  metadataUrl: string
  /** The origin the metadata's jwks_uri must be on. */
  authorityOrigin: string
}

/**
 * v1: `{authority}/{tid}/.well-known/openid-configuration`; v2: `{authority}/{tid}/v2.0/.well-known/openid-configuration`.
 * `appId` (from configuration only) selects an app's custom signing keys with `?appid=`.
 */
export function discoveryTarget(cloud: CloudName, tenantId: string, version: TokenVersion, appId: string | null, authority?: string): DiscoveryTarget {
  const origin = new URL(authority ?? CLOUDS[cloud].authority).origin
  const tid = tenantId.toLowerCase()
  const path = version === '2.0' ? `${tid}/v2.0/.well-known/openid-configuration` : `${tid}/.well-known/openid-configuration`
  const query = appId === null ? '' : `?appid=${encodeURIComponent(appId)}`
  return {
    id: `${cloud}|${version}|${tid}|${appId ?? ''}|${origin}`,
    metadataUrl: `${origin}/${path}${query}`,
    authorityOrigin: origin,
  }
}

export type JwksUriResult = { ok: true; jwksUri: string } | { ok: false; cause: string }

/** The metadata's jwks_uri, accepted only on the authority's own origin (a tampered document cannot send us elsewhere). */
export function jwksUriFromMetadata(metadata: JsonObject, authorityOrigin: string): JwksUriResult {
  const value = ownValue(metadata, 'jwks_uri')
  if (typeof value !== 'string') return { ok: false, cause: 'the metadata has no jwks_uri' }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { ok: false, cause: `the metadata's jwks_uri "${value}" is not a URL` }
  }
  if (url.origin !== authorityOrigin || url.username !== '' || url.password !== '') {
    return { ok: false, cause: `the metadata's jwks_uri ${url.origin} is not on the authority ${authorityOrigin}` }
  }
  return { ok: true, jwksUri: url.href }
}
