import { API_RESOURCES } from '../entra/apis.js'
import { CLOUDS, type CloudName } from '../entra/clouds.js'
import { expectedIssuer, type TokenVersion } from '../entra/issuers.js'
import type { JsonObject } from '../lib/json.js'

/** Where a tenant's discovery document and key set live, per token version, as Entra publishes them. */
export interface TenantEndpoints {
  discovery: string
  jwksUri: string
}

/** `?appid=` selects an application's custom signing keys; Entra then points jwks_uri at the same query. */
function withAppId(url: string, appId: string | null): string {
  return appId === null ? url : `${url}?appid=${encodeURIComponent(appId)}`
}

/**
 * As Entra publishes them: a v1 tenant document points at the shared `/common/discovery/keys` (every tenant's v1
 * metadata does), a v2 document at the tenant's own `/{tid}/discovery/v2.0/keys`.
 */
export function tenantEndpoints(
  tenantId: string,
  version: TokenVersion,
  cloud: CloudName,
  appId: string | null = null,
): TenantEndpoints {
  const authority = CLOUDS[cloud].authority
  const base = `${authority}/${tenantId}`
  return version === '1.0'
    ? {
        discovery: withAppId(`${base}/.well-known/openid-configuration`, appId),
        jwksUri: withAppId(`${authority}/common/discovery/keys`, appId),
      }
    : {
        discovery: withAppId(`${base}/v2.0/.well-known/openid-configuration`, appId),
        jwksUri: withAppId(`${base}/discovery/v2.0/keys`, appId),
      }
}

/** `cloud_instance_name` as Entra writes it: the authority host without `login.`. */
export function cloudInstanceName(cloud: CloudName): string {
  return new URL(CLOUDS[cloud].authority).host.replace(/^login\./, '')
}

function graphHost(cloud: CloudName): string {
  const graph =
    API_RESOURCES.graph.resourceByCloud[cloud] ??
    API_RESOURCES.graph.resourceByCloud.public ??
    'https://graph.microsoft.com'
  return new URL(graph).host
}

/**
 * The OpenID Provider metadata Entra serves for one tenant, with the members a validator reads (issuer,
 * jwks_uri) and the rest of a real document, so code that logs or inspects it sees familiar contents.
 */
export function discoveryDocument(
  tenantId: string,
  version: TokenVersion,
  cloud: CloudName,
  appId: string | null = null,
): JsonObject {
  const authority = `${CLOUDS[cloud].authority}/${tenantId}`
  const oauth = version === '1.0' ? `${authority}/oauth2` : `${authority}/oauth2/v2.0`
  const common: JsonObject = {
    token_endpoint: `${oauth}/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: tenantEndpoints(tenantId, version, cloud, appId).jwksUri,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
  }
  const tail: JsonObject = {
    authorization_endpoint: `${oauth}/authorize`,
    device_authorization_endpoint: `${oauth}/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${oauth}/logout`,
    kerberos_endpoint: `${authority}/kerberos`,
    tenant_region_scope: 'NA',
    cloud_instance_name: cloudInstanceName(cloud),
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: graphHost(cloud),
    rbac_url: 'https://pas.windows.net',
  }
  if (version === '1.0') {
    return {
      ...common,
      response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
      scopes_supported: ['openid'],
      issuer: expectedIssuer(tenantId, '1.0', cloud),
      microsoft_multi_refresh_token: true,
      ...tail,
      claims_supported: [
        'sub',
        'iss',
        'cloud_instance_name',
        'cloud_instance_host_name',
        'cloud_graph_host_name',
        'msgraph_host',
        'aud',
        'exp',
        'iat',
        'auth_time',
        'acr',
        'amr',
        'nonce',
        'email',
        'given_name',
        'family_name',
        'nickname',
      ],
      check_session_iframe: `${oauth}/checksession`,
      userinfo_endpoint: `${authority}/openid/userinfo`,
    }
  }
  return {
    ...common,
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: expectedIssuer(tenantId, '2.0', cloud),
    request_uri_parameter_supported: false,
    userinfo_endpoint: `https://${graphHost(cloud)}/oidc/userinfo`,
    ...tail,
    claims_supported: [
      'sub',
      'iss',
      'cloud_instance_name',
      'cloud_instance_host_name',
      'cloud_graph_host_name',
      'msgraph_host',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email',
    ],
  }
}
