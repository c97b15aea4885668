import type { FetchLike } from '@claimcheck/core'

interface Kept {
  at: number
  status: number
  contentType: string
  body: string
}

/**
 * A fetch that answers a repeated GET of the same URL from memory for a short while. The Inspect view owns one (it
 * lives and dies with the view; nothing is module-level), so re-judging a token as a person types an operation or
 * changes a setting does not fetch Entra's metadata and keys again each time. Only successful answers are kept, and
 * only briefly: a key Entra rolls is seen within `ttlMs`.
 */
export function shortLivedFetch(inner: FetchLike, now: () => number, ttlMs: number): FetchLike {
  const kept = new Map<string, Kept>()
  return async (input, init) => {
    const method = (init.method ?? 'GET').toUpperCase()
    if (method !== 'GET') return inner(input, init)
    const hit = kept.get(input)
    if (hit !== undefined && now() - hit.at < ttlMs) {
      return new Response(hit.body, { status: hit.status, headers: { 'content-type': hit.contentType } })
    }
    const response = await inner(input, init)
    if (response.status !== 200) return response
    const body = await response.text()
    kept.set(input, {
      at: now(),
      status: response.status,
      contentType: response.headers.get('content-type') ?? 'application/json',
      body,
    })
    // A handful of URLs per tenant; forget the oldest beyond a few dozen.
    if (kept.size > 32) kept.delete(kept.keys().next().value as string)
    return new Response(body, {
      status: response.status,
      headers: { 'content-type': response.headers.get('content-type') ?? 'application/json' },
    })
  }
}
