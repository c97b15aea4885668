import { externalIdIssuer, externalIdOrigin } from '../entra/external-id.js'
import type { JsonObject } from '../lib/json.js'

/**
 * A test tenant's Microsoft Entra External ID (CIAM) host, `{tid}.ciamlogin.com`: its v2 metadata (issuer
 * `https://{tid}.ciamlogin.com/{tid}/v2.0`, keys on the same host) and its key set, whose keys name that issuer.
 * External ID serves v2 only. null when the URL is not one of these documents.
 */
export function externalIdDocument(
  tenantId: string,
  keySet: () => { keys: readonly object[] },
  url: URL,
): JsonObject | null {
  const origin = externalIdOrigin(tenantId)
  if (url.origin !== origin || url.search !== '') return null
  const tid = tenantId.toLowerCase()
  const path = url.pathname.toLowerCase()
  const base = `${origin}/${tid}`
  if (path === `/${tid}/v2.0/.well-known/openid-configuration`)
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      issuer: externalIdIssuer(tid),
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
    }
  if (path === `/${tid}/discovery/v2.0/keys`)
    return {
      keys: keySet().keys.map((k) => ({ ...k, issuer: externalIdIssuer(tid) })),
    } as unknown as JsonObject
  return null
}
