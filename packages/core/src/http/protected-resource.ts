import { CLOUDS, isCloudName, isGuid, type CloudName } from '../entra/clouds.js'
import { assertKnownKeys } from '../lib/strict-options.js'
import type { PermissionCatalog } from '../permissions/types.js'
import type { Refusal } from './answer.js'

/**
 * RFC 9728 (OAuth 2.0 Protected Resource Metadata), what MCP clients read to find where to get a token: the
 * `protectedResource` option of entraAuth and authorize, and `protectedResourceMetadata(options)`.
 */
export interface ProtectedResourceOptions {
  /**
   * The https URL clients call (RFC 9728 §1.2: https, no fragment), e.g. `https://mcp.contoso.example/mcp`. Make your
   * app registration's Application ID URI equal to it: MCP clients ask Entra for `<resource>/<scope>`, and Entra
   * refuses a resource that does not match the scopes' resource (AADSTS9010010).
   */
  resource: string
  /** `scopes_supported`: scope names (`Tools.Call`, written `<resource>/Tools.Call`) or full scope URIs. Default: the delegated permissions of the route's catalog. */
  scopes?: readonly string[]
  /**
   * `authorization_servers`. Default: the single allowed tenant's v2 issuer, or
   * `https://login.microsoftonline.com/organizations/v2.0` for a multi-tenant API (the allow-list stays private).
   */
  authorizationServers?: readonly string[]
}

/** What the metadata function needs besides the option: where the default authorization server comes from. */
export interface ProtectedResourceMetadataOptions extends ProtectedResourceOptions {
  /** The verifier's `tenants`: one GUID makes the default authorization server that tenant's v2 issuer. */
  tenants?: readonly string[] | 'any'
  /** The verifier's cloud (default 'public'): whose sign-in host the default authorization server is on. */
  cloud?: CloudName
  /** Where default `scopes_supported` come from: its delegated permissions, under its first identifier URI. */
  catalog?: PermissionCatalog
}

/** The RFC 9728 §2 document, as JSON. */
export interface ProtectedResourceMetadata {
  resource: string
  authorization_servers: string[]
  scopes_supported?: string[]
  bearer_methods_supported: ['header']
}

/** A checked `protectedResource`: the document to serve, and where it is served. */
export interface ResolvedProtectedResource {
  metadata: ProtectedResourceMetadata
  /** The `resource_metadata` URL of the challenges (RFC 9728 §3.1, §5.1). */
  metadataUrl: string
  /** The path the metadata is served at on the resource's own origin. */
  metadataPath: string
}

const KEYS = ['resource', 'scopes', 'authorizationServers'] as const
const METADATA_KEYS = [...KEYS, 'tenants', 'cloud', 'catalog'] as const
const WELL_KNOWN = '/.well-known/oauth-protected-resource'

function httpsUrl(name: string, value: unknown): URL {
  let url: URL
  try {
    url = new URL(typeof value === 'string' ? value : '')
  } catch {
    throw new TypeError(`${name} must be an https URL (RFC 9728 §1.2), not ${JSON.stringify(value)}`)
  }
  if (url.protocol !== 'https:' || url.hash !== '' || String(value).includes('#'))
    throw new TypeError(`${name} must be an https URL without a fragment (RFC 9728 §1.2)`)
  if (url.username !== '' || url.password !== '') throw new TypeError(`${name} must not carry credentials`)
  return url
}

/**
 * RFC 9728 §3.1: the well-known path goes between the host and the resource's own path, so one host can serve the
 * metadata of several resources: `https://mcp.contoso.example/mcp` →
 * `https://mcp.contoso.example/.well-known/oauth-protected-resource/mcp`. Built from the configured resource only,
 * never from the Host header, which the caller controls.
 */
export function resourceMetadataUrl(resource: string): string {
  const url = httpsUrl('protectedResource.resource', resource)
  const path = url.pathname === '/' ? '' : url.pathname.replace(/(?<!\/)\/+$/, '')
  return `${url.origin}${WELL_KNOWN}${path}${url.search}`
}

/** The path part of resourceMetadataUrl: where a server mounts the metadata handler. */
export function resourceMetadataPath(resource: string): string {
  return new URL(resourceMetadataUrl(resource)).pathname
}

function stringList(name: string, value: unknown): readonly string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length > 0 && !/\s/.test(v)))
    throw new TypeError(`${name} must be an array of non-empty strings without spaces`)
  return value as readonly string[]
}

function defaultAuthorizationServer(
  tenants: readonly string[] | 'any' | undefined,
  cloud: CloudName,
): string {
  const authority = CLOUDS[cloud].authority
  const single = Array.isArray(tenants) && tenants.length === 1 ? tenants[0] : undefined
  return single !== undefined && isGuid(single)
    ? `${authority}/${single.toLowerCase()}/v2.0`
    : `${authority}/organizations/v2.0`
}

function scopeUri(resource: string, scope: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(scope) ? scope : `${resource.replace(/(?<!\/)\/+$/, '')}/${scope}`
}

/**
 * The RFC 9728 protected-resource metadata as plain data, for any server: serve it as JSON at the path
 * `resourceMetadataUrl(resource)` names. Misconfiguration throws TypeError.
 */
export function protectedResourceMetadata(
  options: ProtectedResourceMetadataOptions,
): ProtectedResourceMetadata {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('protectedResourceMetadata needs an options object')
  assertKnownKeys('protectedResourceMetadata', options, METADATA_KEYS)
  const { resource, scopes, authorizationServers, tenants, cloud = 'public', catalog } = options
  httpsUrl('protectedResource.resource', resource)
  if (!isCloudName(cloud)) throw new TypeError('cloud must be public, usgov or china')
  let servers: readonly string[]
  if (authorizationServers !== undefined) {
    servers = stringList('protectedResource.authorizationServers', authorizationServers)
    if (servers.length === 0) throw new TypeError('protectedResource.authorizationServers must not be empty')
    for (const s of servers) httpsUrl('protectedResource.authorizationServers[]', s)
  } else servers = [defaultAuthorizationServer(tenants, cloud)]
  let supported: readonly string[] = []
  if (scopes !== undefined)
    supported = stringList('protectedResource.scopes', scopes).map((s) => scopeUri(resource, s))
  else if (catalog !== undefined) {
    const appIdUri = catalog.identifierUris[0] ?? resource
    supported = catalog.permissions
      .filter((p) => p.kind === 'delegated')
      .map((p) => scopeUri(appIdUri, p.value))
  }
  return {
    resource,
    authorization_servers: [...servers],
    ...(supported.length > 0 ? { scopes_supported: [...new Set(supported)] } : {}),
    bearer_methods_supported: ['header'],
  }
}

/** Checks the option once, at creation; the adapters and authorize keep the result. */
export function resolveProtectedResource(
  options: ProtectedResourceOptions,
  context: Omit<ProtectedResourceMetadataOptions, keyof ProtectedResourceOptions>,
): ResolvedProtectedResource {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('protectedResource must be { resource, scopes?, authorizationServers? }')
  assertKnownKeys('protectedResource', options, KEYS)
  const metadata = protectedResourceMetadata({ ...options, ...context })
  const metadataUrl = resourceMetadataUrl(options.resource)
  return Object.freeze({ metadata, metadataUrl, metadataPath: new URL(metadataUrl).pathname })
}

/** Every 401 challenge names the metadata (RFC 9728 §5.1); 403 and 503 answers are left as they are. */
export function withResourceMetadata(refusal: Refusal, resource: ResolvedProtectedResource | null): Refusal {
  const challenge = refusal.headers['www-authenticate']
  if (resource === null || refusal.status !== 401 || challenge === undefined) return refusal
  const attribute = `resource_metadata="${resource.metadataUrl.replace(/["\\]/g, '')}"`
  const value = challenge === 'Bearer' ? `Bearer ${attribute}` : `${challenge}, ${attribute}`
  return { ...refusal, headers: { ...refusal.headers, 'www-authenticate': value } }
}

/** The metadata as a Fetch API Response (cacheable: it changes only with the configuration). */
export function metadataResponse(resource: ResolvedProtectedResource): Response {
  return new Response(JSON.stringify(resource.metadata), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=3600' },
  })
}
