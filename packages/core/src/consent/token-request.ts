import { API_RESOURCES, defaultScopeFor, isKnownApiId, type KnownApiId } from '../entra/apis.js'
import { CLOUDS, isCloudName, isGuid, type CloudName } from '../entra/clouds.js'
import type { Finding } from '../findings/finding.js'
import { hasErrors, makeFinding } from '../findings/make-finding.js'
import { lintScope } from './lint-scope.js'
import { classifyTenant, tenantHint } from './tenant.js'

/** `v2` posts `scope` to `/oauth2/v2.0/token`; `v1` posts `resource` to `/oauth2/token`. */
export type TokenEndpointVersion = 'v2' | 'v1'

export interface ClientCredentialsOptions {
  /** The customer's tenant ID (or verified domain): app-only tokens come from one named tenant. */
  tenant: string
  clientId: string
  /** The API to request a token for; default `mde`. Give `api` or `scope`, not both. */
  api?: KnownApiId
  /** An explicit scope (`{resource}/.default`). */
  scope?: string
  cloud?: CloudName
  /** Default `v2`. */
  version?: TokenEndpointVersion
}

/** Stands where the secret goes: ClaimCheck never takes or prints a secret. */
export const CLIENT_SECRET_PLACEHOLDER = 'CLIENT_SECRET'

export interface ClientCredentialsRequest {
  ok: true
  version: TokenEndpointVersion
  url: string
  method: 'POST'
  contentType: 'application/x-www-form-urlencoded'
  /** The form parameters, with `client_secret` set to the placeholder. */
  params: Record<string, string>
  /** The form-encoded body, with the placeholder in place of the secret. */
  body: string
  secretPlaceholder: string
  tenant: string
  clientId: string
  cloud: CloudName
  /** The authority MSAL takes: `{authority}/{tenant}`. */
  authority: string
  /** The v2 scope, also given for v1 requests (what MSAL would request). */
  scope: string
  /** The v1 resource, also given for v2 requests. */
  resource: string
  findings: Finding[]
}

export interface InvalidClientCredentialsRequest {
  ok: false
  url: null
  body: null
  findings: Finding[]
}

export type ClientCredentialsResult = ClientCredentialsRequest | InvalidClientCredentialsRequest

/**
 * The client-credentials (app-only) token request for a customer's tenant, v2 (`scope`) or v1 (`resource`), with a
 * placeholder where the secret goes. Invalid input comes back as findings with `ok: false`; it never sends anything.
 */
export function buildClientCredentialsRequest(options: ClientCredentialsOptions): ClientCredentialsResult {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('buildClientCredentialsRequest expects an options object')
  if (options.api !== undefined && options.scope !== undefined)
    throw new TypeError('buildClientCredentialsRequest: give api or scope, not both')
  if (options.api !== undefined && !isKnownApiId(options.api))
    throw new TypeError(`buildClientCredentialsRequest: unknown api ${String(options.api)}`)
  const cloud = options.cloud ?? 'public'
  if (!isCloudName(cloud))
    throw new TypeError(`buildClientCredentialsRequest: unknown cloud ${String(cloud)}`)
  const version = options.version ?? 'v2'
  if (version !== 'v2' && version !== 'v1')
    throw new TypeError("buildClientCredentialsRequest: version must be 'v2' or 'v1'")

  const findings: Finding[] = []
  const clientId = String(options.clientId ?? '').trim()
  if (!isGuid(clientId))
    findings.push(
      makeFinding('client-id-invalid', `"${clientId}" is not an application (client) ID GUID.`, {
        actual: clientId,
      }),
    )
  const tenant = String(options.tenant ?? '').trim()
  const kind = classifyTenant(tenant)
  if (kind !== 'guid' && kind !== 'domain') {
    const hint = kind === null ? tenantHint(tenant) : `${tenant} names no tenant`
    findings.push(
      makeFinding(
        'token-tenant-invalid',
        `"${tenant}" cannot be used for an app-only token${hint ? `: ${hint}` : ''}; give the customer's tenant ID.`,
        { actual: tenant },
      ),
    )
  }

  let scope: string | null
  if (options.scope !== undefined) {
    const lint = lintScope(options.scope, { flow: 'client-credentials', cloud })
    findings.push(...lint.findings)
    scope = lint.ok ? lint.items.join(' ') : null
  } else {
    const api = options.api ?? 'mde'
    scope = defaultScopeFor(api, cloud)
    if (scope === null)
      findings.push(
        makeFinding(
          'api-not-in-cloud',
          `${API_RESOURCES[api].name} has no documented endpoint in the ${CLOUDS[cloud].label} cloud.`,
        ),
      )
  }

  if (hasErrors(findings) || scope === null) return { ok: false, url: null, body: null, findings }

  const resource = scope.slice(0, -'/.default'.length)
  const authority = `${CLOUDS[cloud].authority}/${encodeURIComponent(tenant)}`
  const url = version === 'v2' ? `${authority}/oauth2/v2.0/token` : `${authority}/oauth2/token`
  const params: Record<string, string> = {
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: CLIENT_SECRET_PLACEHOLDER,
    ...(version === 'v2' ? { scope } : { resource }),
  }
  return {
    ok: true,
    version,
    url,
    method: 'POST',
    contentType: 'application/x-www-form-urlencoded',
    params,
    body: new URLSearchParams(params).toString(),
    secretPlaceholder: CLIENT_SECRET_PLACEHOLDER,
    tenant,
    clientId,
    cloud,
    authority,
    scope,
    resource,
    findings,
  }
}
