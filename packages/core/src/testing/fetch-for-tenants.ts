import { requestUrlAndMethod, urlBelongsTo } from './tenant-fetch.js'
import type { TestTenant } from './test-tenant.js'

/**
 * One `fetch` serving several test tenants side by side, for a verifier that accepts more than one tenant.
 * Each request goes to the tenant its URL names (and is recorded in that tenant's `requests`); anything else is 404.
 */
export function fetchForTenants(...tenants: readonly TestTenant[]): typeof fetch {
  if (tenants.length === 0) throw new TypeError('fetchForTenants: pass at least one tenant.')
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const { url } = requestUrlAndMethod(input, init)
    const owner = tenants.find((t) => urlBelongsTo(t, url))
    if (owner !== undefined) return owner.fetch(input, init)
    // Entra's v1 key set is shared (every tenant's v1 metadata points at /common/discovery/keys): it holds the keys of
    // every tenant of that cloud, as the real one holds all of Entra's.
    const shared = tenants.map((t) => t.fetch(url, init))
    const answers = (await Promise.all(shared)).filter((r) => r.status === 200)
    if (answers.length > 0) {
      const keys = (
        await Promise.all(answers.map(async (r) => ((await r.json()) as { keys: unknown[] }).keys))
      ).flat()
      return new Response(JSON.stringify({ keys }), {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
      })
    }
    return new Response(
      JSON.stringify({ error: 'not_found', error_description: `No test tenant serves ${url}.` }),
      {
        status: 404,
        headers: { 'content-type': 'application/json; charset=utf-8' },
      },
    )
  }
}
