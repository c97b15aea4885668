import { describe, expect, it } from 'vitest'
import { shortLivedFetch } from '../../src/verify/short-lived-fetch.js'

function counting(status = 200) {
  const seen: string[] = []
  const fetch = async (input: string, init: RequestInit): Promise<Response> => {
    seen.push(`${init.method ?? 'GET'} ${input}`)
    return new Response(JSON.stringify({ n: seen.length }), {
      status,
      headers: { 'content-type': 'application/json' },
    })
  }
  return { seen, fetch }
}

describe('shortLivedFetch', () => {
  it('answers a repeated GET from memory within the TTL, with a fresh body each time, and fetches again after it', async () => {
    let now = 0
    const inner = counting()
    const f = shortLivedFetch(inner.fetch, () => now, 60_000)
    expect(await (await f('https://login.example/keys', {})).json()).toEqual({ n: 1 })
    now = 59_999
    expect(await (await f('https://login.example/keys', {})).json()).toEqual({ n: 1 })
    expect(inner.seen).toHaveLength(1)
    now = 60_000
    expect(await (await f('https://login.example/keys', {})).json()).toEqual({ n: 2 })
    expect(inner.seen).toHaveLength(2)
  })

  it('keeps only successful GETs, per URL', async () => {
    const failing = counting(503)
    const f = shortLivedFetch(failing.fetch, () => 0, 60_000)
    await f('https://login.example/a', {})
    await f('https://login.example/a', {})
    expect(failing.seen).toHaveLength(2)
    const ok = counting()
    const g = shortLivedFetch(ok.fetch, () => 0, 60_000)
    await g('https://login.example/a', {})
    await g('https://login.example/b', {})
    await g('https://login.example/a', { method: 'POST' })
    expect(ok.seen).toEqual([
      'GET https://login.example/a',
      'GET https://login.example/b',
      'POST https://login.example/a',
    ])
  })
})
