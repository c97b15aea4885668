import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkTenants, type CheckTenantsOptions, type TenantResult } from '../../src/index.js'
import {
  createTenantsFake,
  fixedClock,
  type FakeTenantSetup,
  type TenantsFake,
} from '../../src/testing/index.js'
import { serveOnLoopback, type LoopbackServer } from './loopback.js'

const CLIENT = '11112222-3333-4444-8555-666677778888'
const SECRET = 'Sx8Q~partner-secret-value-never-printed'
const NOW = '2026-06-01T12:00:00Z'
const T = (n: number): string => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`

const TENANTS: Record<string, FakeTenantSetup> = {
  [T(1)]: { outcome: 'ready' },
  [T(2)]: { outcome: 'missing-permissions', roles: ['Machine.Read.All'] },
  [T(3)]: { outcome: 'not-consented' },
  [T(4)]: { outcome: 'not-onboarded' },
  [T(5)]: { outcome: 'api-not-in-tenant' },
  [T(6)]: { aadsts: 650052 },
  [T(7)]: { outcome: 'unavailable' },
  // T(8) is not set up: the fake answers AADSTS90002, as Entra does for a tenant that does not exist.
}

let fake: TenantsFake
let server: LoopbackServer
beforeAll(async () => {
  fake = createTenantsFake({ clientId: CLIENT, secret: SECRET, now: fixedClock(NOW), tenants: TENANTS })
  server = await serveOnLoopback(fake.handle)
})
afterAll(async () => server.close())

function options(overrides: Partial<CheckTenantsOptions> = {}): CheckTenantsOptions {
  return {
    clientId: CLIENT,
    credential: { secret: SECRET },
    tenants: [],
    api: 'mde',
    operation: 'POST /api/machines/{id}/isolate',
    authority: server.origin,
    now: fixedClock(NOW),
    sleep: async () => {},
    random: () => 0.5,
    consent: { redirectUri: 'https://partner.example.com/consented', random: (b) => b.fill(7) },
    ...overrides,
  }
}

async function collect(run: AsyncIterable<TenantResult>): Promise<TenantResult[]> {
  const out: TenantResult[] = []
  for await (const r of run) out.push(r)
  return out
}

describe('checkTenants against the kit token endpoint on 127.0.0.1', { timeout: 30_000 }, () => {
  it('gives every tenant its outcome, AADSTS explanation and consent link', async () => {
    const tenants = [1, 2, 3, 4, 5, 6, 7, 8].map(T)
    const results = await collect(checkTenants(options({ tenants, retry: { budget: 2, maxAttempts: 2 } })))
    const by = new Map(results.map((r) => [r.tenant, r]))
    expect(results).toHaveLength(8)
    expect(Object.fromEntries(tenants.map((t) => [t, by.get(t)?.outcome]))).toEqual({
      [T(1)]: 'ready',
      [T(2)]: 'missing-permissions',
      [T(3)]: 'not-consented',
      [T(4)]: 'not-onboarded',
      [T(5)]: 'api-not-in-tenant',
      [T(6)]: 'api-not-in-tenant',
      [T(7)]: 'unavailable',
      [T(8)]: 'tenant-not-found',
    })
    expect(by.get(T(2))?.missing).toEqual(['Machine.Isolate'])
    expect(by.get(T(2))?.roles).toEqual(['Machine.Read.All'])
    expect(by.get(T(1))?.roles).toContain('Machine.Isolate')
    expect(by.get(T(1))?.token?.tenantId).toBe(T(1))
    expect(by.get(T(3))?.roles).toEqual([])
    expect(by.get(T(4))?.error).toMatchObject({ source: 'aadsts', code: 'AADSTS700016', httpStatus: 400 })
    expect(by.get(T(5))?.error?.code).toBe('AADSTS500011')
    expect(by.get(T(6))?.error?.code).toBe('AADSTS650052')
    expect(by.get(T(8))?.error?.code).toBe('AADSTS90002')
    expect(by.get(T(7))?.error).toMatchObject({ source: 'http', httpStatus: 503 })
    expect(by.get(T(7))?.attempts).toBe(2)
    for (const r of results) {
      const link = new URL(r.consentUrl ?? '')
      expect(link.origin + link.pathname).toBe(
        `https://login.microsoftonline.com/${r.tenant}/v2.0/adminconsent`,
      )
      expect(link.searchParams.get('client_id')).toBe(CLIENT)
      expect(link.searchParams.get('redirect_uri')).toBe('https://partner.example.com/consented')
    }
  })

  it('without an operation, any application permission is ready; --require names what must be there', async () => {
    const [plain] = await collect(checkTenants(options({ tenants: [T(2)], operation: undefined })))
    expect(plain?.outcome).toBe('ready')
    const [required] = await collect(
      checkTenants(options({ tenants: [T(2)], operation: undefined, require: ['Alert.Read.All'] })),
    )
    expect(required).toMatchObject({ outcome: 'missing-permissions', missing: ['Alert.Read.All'] })
  })

  it('asks Microsoft 365 Defender for its own resource and judges against its catalog', async () => {
    const [r] = await collect(
      checkTenants(options({ tenants: [T(1)], api: 'm365d', operation: 'GET /api/incidents' })),
    )
    expect(r).toMatchObject({
      outcome: 'ready',
      required: expect.arrayContaining(['Incident.Read.All']) as unknown,
    })
    expect(new URL(r?.consentUrl ?? '').searchParams.get('scope')).toBe(
      'https://api.security.microsoft.com/.default',
    )
  })

  it('stops at a credential problem: no further tenant is tried, and the run says how many were not', async () => {
    const wrong = checkTenants(
      options({
        tenants: [1, 2, 3, 4, 5, 6, 7].map(T),
        credential: { secret: 'wrong-secret-value' },
        concurrency: 1,
      }),
    )
    const before = fake.requests
    const results = await collect(wrong)
    expect(results.map((r) => r.outcome)).toEqual(['credential-problem'])
    expect(results[0]?.error?.code).toBe('AADSTS7000215')
    expect(fake.requests - before).toBe(1)
    expect(wrong.stoppedEarly).toEqual({ outcome: 'credential-problem', tenant: T(1), untried: 6 })
  })

  it('maps each credential code to credential-problem (expired secret, assertion refused)', async () => {
    const local = createTenantsFake({
      clientId: CLIENT,
      secret: SECRET,
      now: fixedClock(NOW),
      tenants: { [T(1)]: { aadsts: 7000222 }, [T(2)]: { aadsts: 700027 } },
    })
    for (const t of [T(1), T(2)]) {
      const [r] = await collect(
        checkTenants(options({ tenants: [t], fetch: local.fetch, authority: undefined })),
      )
      expect(r?.outcome).toBe('credential-problem')
    }
  })

  it('sends the documented v2 request: tenant in the path, scope {resource}/.default, the secret only in the body', async () => {
    const seen: { url: string; body: string }[] = []
    const recording: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), body: String(init?.body) })
      return fake.fetch(input, init)
    }
    await collect(
      checkTenants(options({ tenants: [T(1)], fetch: recording, authority: undefined, cloud: 'usgov' })),
    )
    expect(seen).toHaveLength(1)
    expect(seen[0]?.url).toBe(`https://login.microsoftonline.us/${T(1)}/oauth2/v2.0/token`)
    const body = new URLSearchParams(seen[0]?.body)
    expect(Object.fromEntries(body)).toEqual({
      grant_type: 'client_credentials',
      client_id: CLIENT,
      scope: 'https://api-gov.securitycenter.microsoft.us/.default',
      client_secret: SECRET,
    })
  })

  it('reports an invalid tenant line without sending anything', async () => {
    const before = fake.requests
    const [r] = await collect(checkTenants(options({ tenants: ['admin@contoso.com'] })))
    expect(r).toMatchObject({ outcome: 'tenant-not-found', attempts: 0, error: { source: 'input' } })
    expect(fake.requests).toBe(before)
  })

  it('a cloud where the API is not offered is api-not-in-tenant, without a request', async () => {
    const before = fake.requests
    const [r] = await collect(checkTenants(options({ tenants: [{ tenant: T(1), cloud: 'china' }] })))
    expect(r).toMatchObject({
      outcome: 'api-not-in-tenant',
      cloud: 'china',
      attempts: 0,
      consentUrl: null,
      error: { source: 'input' },
    })
    expect(fake.requests).toBe(before)
  })

  it('misuse throws a TypeError up front', () => {
    expect(() => checkTenants(options({ clientId: 'nope' }))).toThrow(TypeError)
    expect(() => checkTenants(options({ operation: 'GET /api/nothing-here' }))).toThrow(TypeError)
    expect(() => checkTenants(options({ concurrency: 0 }))).toThrow(TypeError)
    expect(() => checkTenants(options({ authority: 'http://login.example.com' }))).toThrow(/loopback/)
  })
})

// Every request here makes the fake sign an RS256 token: on a machine shared with other jobs that takes seconds.
describe('at scale, politely', { timeout: 30_000 }, () => {
  it('never has more than N requests in flight (measured at the server)', async () => {
    const slow = createTenantsFake({
      clientId: CLIENT,
      secret: SECRET,
      now: fixedClock(NOW),
      tenants: () => ({ outcome: 'ready', delayMs: 15 }),
    })
    const local = await serveOnLoopback(slow.handle)
    try {
      const tenants = Array.from({ length: 40 }, (_, i) => T(100 + i))
      const results = await collect(
        checkTenants(options({ tenants, authority: local.origin, concurrency: 3 })),
      )
      expect(results).toHaveLength(40)
      expect(results.every((r) => r.outcome === 'ready')).toBe(true)
      expect(slow.maxInFlight).toBe(3)
      expect(slow.requests).toBe(40)
    } finally {
      await local.close()
    }
  })

  it('runs wide (concurrency 24) without piling listeners on one signal (no MaxListeners warning)', async () => {
    const warnings: string[] = []
    const onWarning = (w: Error): void => {
      warnings.push(w.name)
    }
    process.on('warning', onWarning)
    try {
      const slow = createTenantsFake({
        clientId: CLIENT,
        secret: SECRET,
        now: fixedClock(NOW),
        tenants: () => ({ outcome: 'ready', delayMs: 5 }),
      })
      const tenants = Array.from({ length: 60 }, (_, i) => T(200 + i))
      const results = await collect(
        checkTenants(options({ tenants, fetch: slow.fetch, authority: undefined, concurrency: 24 })),
      )
      expect(results).toHaveLength(60)
      expect(slow.maxInFlight).toBe(24)
      await new Promise((r) => setTimeout(r, 10))
      expect(warnings).toEqual([])
    } finally {
      process.off('warning', onWarning)
    }
  })

  it('honours Retry-After on 429, in seconds and as an HTTP date', async () => {
    const clock = fixedClock(NOW)
    const later = new Date(Date.parse(NOW) + 7000).toUTCString()
    const throttling = createTenantsFake({
      clientId: CLIENT,
      secret: SECRET,
      now: clock,
      tenants: {
        [T(1)]: { outcome: 'ready', throttle: { times: 2, retryAfter: '3' } },
        [T(2)]: { outcome: 'ready', throttle: { times: 1, retryAfter: later } },
      },
    })
    const waits: number[] = []
    const results = await collect(
      checkTenants(
        options({
          tenants: [T(1), T(2)],
          fetch: throttling.fetch,
          authority: undefined,
          now: clock,
          concurrency: 1,
          sleep: async (ms) => {
            waits.push(ms)
          },
        }),
      ),
    )
    expect(results.map((r) => [r.outcome, r.attempts])).toEqual([
      ['ready', 3],
      ['ready', 2],
    ])
    expect(waits).toEqual([3000, 3000, 7000])
  })

  it('gives up on a Retry-After longer than the run waits, without spending the budget', async () => {
    const throttling = createTenantsFake({
      clientId: CLIENT,
      secret: SECRET,
      now: fixedClock(NOW),
      tenants: { [T(1)]: { outcome: 'ready', throttle: { times: 1, retryAfter: '3600' } } },
    })
    const run = checkTenants(options({ tenants: [T(1)], fetch: throttling.fetch, authority: undefined }))
    const [r] = await collect(run)
    expect(r).toMatchObject({ outcome: 'unavailable', attempts: 1, error: { httpStatus: 429 } })
    expect(run.retries).toBe(0)
  })

  it('backs off on 5xx with jitter from the injected random source, doubling per attempt', async () => {
    const flaky = createTenantsFake({
      clientId: CLIENT,
      secret: SECRET,
      now: fixedClock(NOW),
      tenants: { [T(1)]: { outcome: 'ready', failures: { times: 3, status: 502 } } },
    })
    const waits: number[] = []
    const randoms = [0, 0.5, 0.999]
    const [r] = await collect(
      checkTenants(
        options({
          tenants: [T(1)],
          fetch: flaky.fetch,
          authority: undefined,
          retry: { baseDelayMs: 1000 },
          random: () => randoms.shift() ?? 0,
          sleep: async (ms) => {
            waits.push(ms)
          },
        }),
      ),
    )
    expect(r).toMatchObject({ outcome: 'ready', attempts: 4 })
    // Equal jitter: half of 1 s, 2 s, 4 s fixed, the other half scaled by random().
    expect(waits).toEqual([500, 1500, 3998])
  })

  it('shares one retry budget across the run', async () => {
    const down = createTenantsFake({
      clientId: CLIENT,
      secret: SECRET,
      now: fixedClock(NOW),
      tenants: () => ({ outcome: 'unavailable' }),
    })
    const run = checkTenants(
      options({
        tenants: [1, 2, 3, 4].map(T),
        fetch: down.fetch,
        authority: undefined,
        retry: { budget: 3, maxAttempts: 10 },
        concurrency: 1,
      }),
    )
    const results = await collect(run)
    expect(results.every((r) => r.outcome === 'unavailable')).toBe(true)
    expect(run.retries).toBe(3)
    expect(down.requests).toBe(4 + 3)
    expect(results.map((r) => r.attempts)).toEqual([4, 1, 1, 1])
  })

  it('times out a slow answer per request (AbortSignal), then retries within the budget', async () => {
    const slow = createTenantsFake({
      clientId: CLIENT,
      secret: SECRET,
      now: fixedClock(NOW),
      tenants: { [T(1)]: { outcome: 'ready', delayMs: 5_000 } },
    })
    const started = performance.now()
    const [r] = await collect(
      checkTenants(
        options({
          tenants: [T(1)],
          fetch: slow.fetch,
          authority: undefined,
          timeoutMs: 40,
          retry: { maxAttempts: 2 },
        }),
      ),
    )
    expect(r).toMatchObject({ outcome: 'unavailable', attempts: 2, error: { source: 'timeout' } })
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('streams: the first result arrives while a slow tenant is still in flight', async () => {
    const mixed = createTenantsFake({
      clientId: CLIENT,
      secret: SECRET,
      now: fixedClock(NOW),
      tenants: { [T(1)]: { outcome: 'ready', delayMs: 1500 }, [T(2)]: { outcome: 'not-consented' } },
    })
    // The fake makes its signing key on first use; on a busy machine that alone can outlast the slow tenant's delay.
    await collect(checkTenants(options({ tenants: [T(2)], fetch: mixed.fetch, authority: undefined })))
    const run = checkTenants(
      options({ tenants: [T(1), T(2)], fetch: mixed.fetch, authority: undefined, concurrency: 2 }),
    )
    const order: string[] = []
    for await (const r of run) {
      order.push(r.tenant)
      if (order.length === 1) expect(mixed.inFlight).toBe(1)
    }
    expect(order).toEqual([T(2), T(1)])
  })

  it('reads tenants lazily: a slow consumer holds the run back instead of results piling up', async () => {
    let pulled = 0
    function* source(): Generator<string> {
      for (let i = 0; i < 1000; i++) {
        pulled++
        yield T(1)
      }
    }
    const run = checkTenants(
      options({ tenants: source(), fetch: fake.fetch, authority: undefined, concurrency: 4 }),
    )
    let seen = 0
    for await (const _ of run) {
      if (++seen === 3) break
    }
    expect(pulled).toBeLessThanOrEqual(3 + 4)
  })
})
