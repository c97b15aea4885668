import { CLOUDS, type CloudName } from '../entra/clouds.js'
import type { TokenVersion } from '../entra/issuers.js'
import { discoveryDocument } from './discovery-documents.js'
import { externalIdDocument } from './external-id-documents.js'

type TestKeys = { keys: readonly object[] }

/** One request a test tenant's fetch answered, for assertions on caching and on what a verifier asked for. */
export interface TenantRequest {
  url: string
  method: string
  status: number
}

export interface TenantRoutes {
  tenantId: string
  cloud: CloudName
  /** The key set served at this version's jwks_uri, read at request time so rotation shows at once. */
  keySet(version: TokenVersion): object
  /** Answers POSTs to the tenant's v2 token endpoint (token-endpoint.ts). */
  token?: (url: string, body: string) => Promise<Response>
}

/** Entra's metadata responses are cacheable for a day; verifiers that honour caching headers see the same. */
const CACHEABLE = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'max-age=86400, private',
}

function json(body: object, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: CACHEABLE })
}

/** Entra answers unknown paths with a JSON error; 404 with a body says where the mistake is. */
function notFound(url: string): Response {
  return new Response(
    JSON.stringify({
      error: 'not_found',
      error_description: `The test tenant serves no document at ${url}.`,
    }),
    {
      status: 404,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    },
  )
}

export function requestUrlAndMethod(
  input: RequestInfo | URL,
  init?: RequestInit,
): { url: string; method: string } {
  if (typeof input === 'string') return { url: input, method: (init?.method ?? 'GET').toUpperCase() }
  if (input instanceof URL) return { url: input.href, method: (init?.method ?? 'GET').toUpperCase() }
  return { url: input.url, method: (init?.method ?? input.method).toUpperCase() }
}

/** What a tenant answers for a URL; null when the URL is not one of its documents. */
function route(routes: TenantRoutes, url: URL): Response | null {
  if (url.origin !== CLOUDS[routes.cloud].authority) return null
  const segments = url.pathname.split('/').filter((s) => s.length > 0)
  // Entra's v1 tenant metadata points every tenant at the shared v1 key set.
  if (segments[0] === 'common' && segments.slice(1).join('/') === 'discovery/keys')
    return json(routes.keySet('1.0'))
  if (segments[0]?.toLowerCase() !== routes.tenantId.toLowerCase()) return null
  const rest = segments.slice(1).join('/')
  const appId = url.searchParams.get('appid')
  switch (rest) {
    case '.well-known/openid-configuration':
      return json(discoveryDocument(routes.tenantId, '1.0', routes.cloud, appId))
    case 'v2.0/.well-known/openid-configuration':
      return json(discoveryDocument(routes.tenantId, '2.0', routes.cloud, appId))
    case 'discovery/keys':
      return json(routes.keySet('1.0'))
    case 'discovery/v2.0/keys':
      return json(routes.keySet('2.0'))
    default:
      return null
  }
}

function isTokenEndpoint(routes: TenantRoutes, url: URL): boolean {
  const segments = url.pathname.split('/').filter((s) => s.length > 0)
  return (
    url.origin === CLOUDS[routes.cloud].authority &&
    segments[0]?.toLowerCase() === routes.tenantId.toLowerCase() &&
    segments.slice(1).join('/') === 'oauth2/v2.0/token'
  )
}

export async function requestBody(input: RequestInfo | URL, init?: RequestInit): Promise<string> {
  if (init?.body !== undefined && init.body !== null) return new Response(init.body).text()
  return input instanceof Request ? input.text() : ''
}

/** Does this URL name the tenant (its authority and tenant segment), whatever the document? */
export function urlBelongsTo(routes: Pick<TenantRoutes, 'tenantId' | 'cloud'>, rawUrl: string): boolean {
  const url = URL.canParse(rawUrl) ? new URL(rawUrl) : null
  if (url === null || url.origin !== CLOUDS[routes.cloud].authority) return false
  return (
    url.pathname
      .split('/')
      .filter((s) => s.length > 0)[0]
      ?.toLowerCase() === routes.tenantId.toLowerCase()
  )
}

/**
 * A `fetch` that answers like Entra's metadata endpoints for one tenant and nothing else: no network, and
 * every request recorded. Documents are served to GET (and HEAD), as Entra serves them; the token endpoint to POST.
 */
export function createTenantFetch(routes: TenantRoutes, log: TenantRequest[]): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const { url, method } = requestUrlAndMethod(input, init)
    let response: Response
    if (!URL.canParse(url)) response = notFound(url)
    else if (method === 'POST' && routes.token !== undefined && isTokenEndpoint(routes, new URL(url))) {
      response = await routes.token(url, await requestBody(input, init))
    } else if (method !== 'GET' && method !== 'HEAD') {
      response = new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } })
    } else {
      const external = externalIdDocument(
        routes.tenantId,
        () => routes.keySet('2.0') as TestKeys,
        new URL(url),
      )
      response = external !== null ? json(external) : (route(routes, new URL(url)) ?? notFound(url))
      if (method === 'HEAD')
        response = new Response(null, { status: response.status, headers: response.headers })
    }
    log.push({ url, method, status: response.status })
    return response
  }
}
