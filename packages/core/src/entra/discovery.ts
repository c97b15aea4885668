import { CLOUDS, type CloudName } from './clouds.js'
import { externalIdIssuer, externalIdTenantOf } from './external-id.js'
import { expectedIssuer, type TokenVersion } from './issuers.js'
import { ownValue, type JsonObject } from '../lib/json.js'
import { boundedText } from '../lib/bounded-text.js'

/**
 * Where a tenant's signing keys are found, and what its metadata must say. Everything here comes from configuration
 * and the (already allow-listed) tenant GUID; nothing from the token's iss, jku or x5u.
 */
export interface DiscoveryTarget {
  /** Cache identity: one key set per cloud, version, tenant and custom-signing-key app. */
  id: string
  metadataUrl: string
  /** The origin the metadata's jwks_uri must be on. */
  authorityOrigin: string
  /** The metadata's issuer must be exactly this: the tenant's own, for the token's version and cloud. */
  issuer: string
  /** The paths jwks_uri may have: Entra's key paths for this tenant or for `common`, for this version. */
  keyPaths: readonly string[]
  /** The exact query jwks_uri must carry: `?appid=…` when custom signing keys are configured, else none. */
  keyQuery: string
}

/**
 * v1: `{authority}/{tid}/.well-known/openid-configuration`; v2: `{authority}/{tid}/v2.0/.well-known/openid-configuration`.
 * `appId` (from configuration only) selects an app's custom signing keys with `?appid=`.
 */
export function discoveryTarget(
  cloud: CloudName,
  tenantId: string,
  version: TokenVersion,
  appId: string | null,
  authority?: string,
): DiscoveryTarget {
  const origin = new URL(authority ?? CLOUDS[cloud].authority).origin
  const tid = tenantId.toLowerCase()
  const path =
    version === '2.0'
      ? `${tid}/v2.0/.well-known/openid-configuration`
      : `${tid}/.well-known/openid-configuration`
  const query = appId === null ? '' : `?appid=${encodeURIComponent(appId)}`
  // Entra's real v1 tenant metadata points at /common/discovery/keys; v2 at /{tid}/discovery/v2.0/keys.
  const keyPath = version === '2.0' ? 'discovery/v2.0/keys' : 'discovery/keys'
  return {
    id: `${cloud}|${version}|${tid}|${appId ?? ''}|${origin}`,
    metadataUrl: `${origin}/${path}${query}`,
    authorityOrigin: origin,
    // An External ID tenant's own host writes its ciamlogin.com issuer in its metadata.
    issuer: externalIdTenantOf(origin) === tid ? externalIdIssuer(tid) : expectedIssuer(tid, version, cloud),
    keyPaths: [`/${tid}/${keyPath}`, `/common/${keyPath}`],
    keyQuery: query,
  }
}

export type JwksUriResult = { ok: true; jwksUri: string } | { ok: false; cause: string }

const shown = (value: string): string => JSON.stringify(boundedText(value, 200))

/**
 * The metadata's jwks_uri, accepted only when the document is the tenant's own (its issuer) and the key set is one
 * of Entra's key paths for that tenant or for `common`, on the authority's origin, with no query but the configured
 * `?appid=`: a tampered or misrouted document cannot send the verifier to another tenant's keys or anywhere else.
 */
export function jwksUriFromMetadata(
  metadata: JsonObject,
  target: Pick<DiscoveryTarget, 'authorityOrigin' | 'issuer' | 'keyPaths' | 'keyQuery'>,
): JwksUriResult {
  const issuer = ownValue(metadata, 'issuer')
  if (typeof issuer !== 'string') return { ok: false, cause: 'the metadata has no issuer' }
  // Entra writes the tenant GUID in lower case; compare so, and nothing else loosely.
  if (issuer.toLowerCase() !== target.issuer.toLowerCase())
    return {
      ok: false,
      cause: `the metadata's issuer ${shown(issuer)} is not the tenant's own (${target.issuer})`,
    }
  const value = ownValue(metadata, 'jwks_uri')
  if (typeof value !== 'string') return { ok: false, cause: 'the metadata has no jwks_uri' }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { ok: false, cause: `the metadata's jwks_uri ${shown(value)} is not a URL` }
  }
  if (
    url.origin !== target.authorityOrigin ||
    url.username !== '' ||
    url.password !== '' ||
    url.hash !== ''
  ) {
    return {
      ok: false,
      cause: `the metadata's jwks_uri ${shown(url.origin)} is not on the authority ${target.authorityOrigin}`,
    }
  }
  if (!target.keyPaths.includes(url.pathname.toLowerCase())) {
    return {
      ok: false,
      cause: `the metadata's jwks_uri path ${shown(url.pathname)} is not one of Entra's key paths for this tenant (${target.keyPaths.join(' or ')})`,
    }
  }
  if (url.search !== target.keyQuery) {
    return {
      ok: false,
      cause:
        target.keyQuery === ''
          ? `the metadata's jwks_uri carries a query (${shown(url.search)}); none was configured`
          : `the metadata's jwks_uri query ${shown(url.search)} is not the configured ${target.keyQuery}`,
    }
  }
  return { ok: true, jwksUri: url.href }
}
