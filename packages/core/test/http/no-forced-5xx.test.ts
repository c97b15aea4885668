/**
 * Forged tokens must not make the API answer 5xx at will, nor make it fetch without bound: a tenant Entra says does
 * not exist is a 401 (remembered), and with tenants: 'any' first-time tenant discoveries have a per-minute budget.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { authorize } from '../../src/http/index.js'
import { createVerifier } from '../../src/index.js'
import { createTestTenant, fetchForTenants, fixedClock, type TestTenant } from '../../src/testing/index.js'

const NOW = new Date('2026-11-30T12:00:00Z')
const AUDIENCE = 'api://contoso-orders'

let a: TestTenant
let b: TestTenant
let c: TestTenant
beforeAll(async () => {
  a = await createTestTenant({ now: NOW })
  b = await createTestTenant({ now: NOW })
  c = await createTestTenant({ now: NOW })
})

const call = (token: string) =>
  new Request('https://api.test/orders/1', { headers: { authorization: `Bearer ${token}` } })

/** Entra's answer for a tenant it does not know (AADSTS90002), or any other answer for the same request. */
function entraSays(
  unknownTenant: string,
  answer: 'not-found' | 'server-error' | 'other-400',
  inner: typeof fetch,
) {
  const seen: string[] = []
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input)
    if (!url.includes(unknownTenant)) return inner(input, init)
    seen.push(url)
    if (answer === 'server-error') return new Response('oops', { status: 500 })
    const body =
      answer === 'not-found'
        ? {
            error: 'invalid_tenant',
            error_description: `AADSTS90002: Tenant '${unknownTenant}' not found.`,
            error_codes: [90002],
          }
        : { error: 'invalid_request', error_codes: [900144] }
    return new Response(JSON.stringify(body), {
      status: 400,
      headers: { 'content-type': 'application/json' },
    })
  }
  return { fetchImpl, seen }
}

describe("discovery's answer for a tenant that does not exist", () => {
  it('is a 401 token-not-verified (not a 503), cached: the second token costs no request', async () => {
    const { fetchImpl, seen } = entraSays(b.tenantId, 'not-found', a.fetch)
    const verifier = createVerifier({
      audience: AUDIENCE,
      tenants: 'any',
      fetch: fetchImpl,
      now: fixedClock(NOW),
    })
    for (let i = 0; i < 3; i++) {
      const token = await b.issueToken({ api: { audience: AUDIENCE }, roles: ['Orders.Read.All'] })
      const result = await authorize(verifier, call(token))
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.response.status).toBe(401)
      expect(await result.response.json()).toMatchObject({
        error: 'invalid_token',
        finding: 'token-not-verified',
      })
      expect(result.report?.findings.find((f) => f.code === 'signing-key-not-found')?.message).toMatch(
        /90002/,
      )
    }
    expect(seen).toHaveLength(1)
  })

  it('any other 4xx/5xx from discovery stays a 503 (Entra at fault, the token may be good)', async () => {
    for (const answer of ['server-error', 'other-400'] as const) {
      const { fetchImpl } = entraSays(b.tenantId, answer, a.fetch)
      const verifier = createVerifier({
        audience: AUDIENCE,
        tenants: 'any',
        fetch: fetchImpl,
        now: fixedClock(NOW),
      })
      const token = await b.issueToken({ api: { audience: AUDIENCE }, roles: ['Orders.Read.All'] })
      const result = await authorize(verifier, call(token))
      expect(result.ok ? 200 : result.response.status, answer).toBe(503)
    }
  })
})

describe("tenants: 'any' — first-time tenant discoveries have a per-minute budget", () => {
  it('beyond the budget a new tenant is refused without a request; a known tenant still works', async () => {
    const clock = { now: NOW.getTime() }
    const verifier = createVerifier({
      audience: AUDIENCE,
      tenants: 'any',
      fetch: fetchForTenants(a, b, c),
      now: () => new Date(clock.now),
      keySets: { newTenantsPerMinute: 2 },
    })
    const issue = (t: TestTenant) => t.issueToken({ api: { audience: AUDIENCE }, roles: ['Orders.Read.All'] })
    for (const t of [a, b, c]) t.clearRequests()
    expect((await authorize(verifier, call(await issue(a)))).ok).toBe(true)
    expect((await authorize(verifier, call(await issue(b)))).ok).toBe(true)
    const third = await authorize(verifier, call(await issue(c)))
    expect(third.ok).toBe(false)
    if (!third.ok) {
      expect(third.response.status).toBe(401)
      expect(await third.response.json()).toMatchObject({ finding: 'token-not-verified' })
    }
    // Shared /common key-set requests are recorded by every test tenant; none named c's tenant.
    expect(c.requests.filter((r) => r.url.includes(c.tenantId))).toEqual([])
    expect((await authorize(verifier, call(await issue(a)))).ok).toBe(true)
    // The next minute brings a new budget.
    clock.now += 60_000
    expect((await authorize(verifier, call(await issue(c)))).ok).toBe(true)
  })

  it('with an allow-list there is no budget: the list bounds the tenants', async () => {
    const verifier = createVerifier({
      audience: AUDIENCE,
      tenants: [a.tenantId, b.tenantId, c.tenantId],
      fetch: fetchForTenants(a, b, c),
      now: fixedClock(NOW),
      keySets: { newTenantsPerMinute: 1 },
    })
    for (const t of [a, b, c]) {
      const token = await t.issueToken({ api: { audience: AUDIENCE }, roles: ['Orders.Read.All'] })
      expect((await authorize(verifier, call(token))).ok).toBe(true)
    }
  })
})
