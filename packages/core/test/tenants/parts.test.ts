import { describe, expect, it } from 'vitest'
import {
  AADSTS_CATALOGUE,
  AADSTS_OUTCOMES,
  TENANT_OUTCOMES,
  checkTenants,
  readTenantList,
  type TenantResult,
} from '../../src/index.js'
import { isLoopbackHost, resolveAuthority } from '../../src/tenants/authority.js'
import { backoffMs, retryAfterMs } from '../../src/tenants/retry.js'
import { createTenantsFake } from '../../src/testing/index.js'

const CLIENT = '11112222-3333-4444-8555-666677778888'
const T1 = 'dddddddd-0000-4000-8000-000000000001'

describe('Retry-After', () => {
  const now = new Date('2026-06-01T12:00:00Z')
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Mon, 01 Jun 2026 12:00:30 GMT', 30_000],
    ['Mon, 01 Jun 2026 11:00:00 GMT', 0],
    ['soon', null],
    ['-5', null],
    ['1.5', null],
  ])('%s → %s ms', (header, ms) => {
    expect(retryAfterMs(header, now)).toBe(ms)
  })
  it('absent → null', () => expect(retryAfterMs(null, now)).toBeNull())
})

describe('backoff', () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1000 }
  it('doubles per attempt, capped, with half of each step jittered', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, policy, () => 0))).toEqual([50, 100, 200, 400, 500])
    expect(backoffMs(1, policy, () => 0.999999)).toBe(100)
  })
  it('a broken random source falls back to the middle, never to no wait', () => {
    expect(backoffMs(1, policy, () => Number.NaN)).toBe(75)
    expect(backoffMs(1, policy, () => 7)).toBe(75)
  })
})

describe('--authority', () => {
  it.each([
    'http://127.0.0.1:8080',
    'http://127.9.8.7',
    'http://localhost:3000',
    'http://[::1]:4000',
    'https://login.example.com/proxy/',
  ])('accepts %s', (url) => {
    expect(() => resolveAuthority(url)).not.toThrow()
  })
  it.each([
    'http://10.0.0.1',
    'http://login.microsoftonline.com',
    'http://127.0.0.1.nip.io',
    'http://localhost.example.com',
    'ftp://127.0.0.1',
    'https://u:p@x.example',
    'https://x.example/?a=1',
    'not a url',
  ])('refuses %s', (url) => {
    expect(() => resolveAuthority(url)).toThrow(TypeError)
  })
  it('keeps a path prefix, without the trailing slash', () => {
    expect(resolveAuthority('https://gw.example.com/entra/')).toBe('https://gw.example.com/entra')
  })
  it('knows loopback hosts only', () => {
    expect(['127.0.0.1', '127.255.255.254', 'localhost', '[::1]'].every(isLoopbackHost)).toBe(true)
    expect(['128.0.0.1', '127.0.0', '::1', '0.0.0.0'].some(isLoopbackHost)).toBe(false)
  })
})

describe('tenants file', () => {
  it('reads IDs and domains, optional cloud, comments and blank lines', () => {
    const lines = [
      ...readTenantList(
        '# header\n\nT1\ncontoso.onmicrosoft.com , USGov  # gov customer\r\n  fabrikam.com,china\n',
      ),
    ]
    expect(lines).toEqual([
      { ok: true, line: 3, entry: { tenant: 'T1' } },
      { ok: true, line: 4, entry: { tenant: 'contoso.onmicrosoft.com', cloud: 'usgov' } },
      { ok: true, line: 5, entry: { tenant: 'fabrikam.com', cloud: 'china' } },
    ])
  })
  it('reports bad lines by number instead of guessing', () => {
    expect([...readTenantList('a,mars\n,public\na,b,c\n')].map((l) => (l.ok ? 'ok' : l.line))).toEqual([
      1, 2, 3,
    ])
  })
})

describe('AADSTS → outcome table', () => {
  it('covers the codes the issue names, with the outcome it names', () => {
    expect(AADSTS_OUTCOMES.get(700016)).toBe('not-onboarded')
    expect(AADSTS_OUTCOMES.get(500011)).toBe('api-not-in-tenant')
    expect(AADSTS_OUTCOMES.get(650052)).toBe('api-not-in-tenant')
    expect(AADSTS_OUTCOMES.get(90002)).toBe('tenant-not-found')
    expect(AADSTS_OUTCOMES.get(900023)).toBe('tenant-not-found')
    expect(AADSTS_OUTCOMES.get(7000215)).toBe('credential-problem')
    expect(AADSTS_OUTCOMES.get(7000222)).toBe('credential-problem')
    expect(AADSTS_OUTCOMES.get(50194)).toBe('credential-problem')
  })
  it('maps only to public outcome names, and never to ready', () => {
    for (const outcome of AADSTS_OUTCOMES.values()) {
      expect(TENANT_OUTCOMES).toContain(outcome)
      expect(outcome).not.toBe('ready')
    }
  })
  it('every code that ClaimCheck explains is mapped consistently with its catalogue entry being known', () => {
    const known = new Set(AADSTS_CATALOGUE.map((e) => e.code))
    const explained = [...AADSTS_OUTCOMES.keys()].filter((c) => known.has(c))
    expect(explained.length).toBeGreaterThanOrEqual(20)
  })
})

describe('secrets and tokens never leave', () => {
  const SECRET = 'Lk9~library-secret-value'
  it('results carry no secret and no token, even when an endpoint echoes them', async () => {
    const real = createTenantsFake({
      clientId: CLIENT,
      secret: SECRET,
      tenants: { [T1]: { outcome: 'ready' } },
    })
    // A misbehaving proxy that echoes the request body into an AADSTS error, and a real token answer.
    let calls = 0
    const echo: typeof fetch = async (input, init) => {
      if (calls++ === 0) {
        return new Response(
          JSON.stringify({
            error: 'invalid_request',
            error_description: `AADSTS90002: bad request ${String(init?.body)} eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln`,
          }),
          { status: 400 },
        )
      }
      return real.fetch(input, init)
    }
    const results: TenantResult[] = []
    for await (const r of checkTenants({
      clientId: CLIENT,
      credential: { secret: SECRET },
      tenants: [T1, T1],
      api: 'mde',
      fetch: echo,
      concurrency: 1,
    }))
      results.push(r)
    expect(results.map((r) => r.outcome)).toEqual(['tenant-not-found', 'ready'])
    const text = JSON.stringify(results)
    expect(text).not.toContain(SECRET)
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/)
    expect(results[0]?.error?.description).toContain('[redacted]')
  })
  it('a thrown TypeError names the option, not the secret', () => {
    let message = ''
    try {
      checkTenants({ clientId: 'not-a-guid', credential: { secret: SECRET }, tenants: [], api: 'mde' })
    } catch (err) {
      message = String(err)
    }
    expect(message).toMatch(/clientId/)
    expect(message).not.toContain(SECRET)
  })
})

describe('docs/partners.md', () => {
  it('documents every outcome and every mapped AADSTS code', async () => {
    const { readFileSync } = await import('node:fs')
    const doc = readFileSync(new URL('../../../../docs/partners.md', import.meta.url), 'utf8')
    for (const outcome of TENANT_OUTCOMES) expect(doc).toContain(`| \`${outcome}\` |`)
    for (const code of AADSTS_OUTCOMES.keys()) expect(doc).toContain(String(code))
  })
})

describe('summary', () => {
  it('notes when every tenant is not-onboarded (a wrong client ID looks like that) and when the run stopped', async () => {
    const { createTenantTally } = await import('../../src/index.js')
    const tally = createTenantTally()
    const r = { outcome: 'not-onboarded' } as TenantResult
    tally.add(r)
    tally.add(r)
    const s = tally.summary({ stoppedEarly: null, requests: 2, retries: 0 })
    expect(s).toMatchObject({ total: 2, allReady: false, counts: { 'not-onboarded': 2, ready: 0 } })
    expect(s.notes).toHaveLength(1)
    const stopped = tally.summary({
      stoppedEarly: { outcome: 'credential-problem', tenant: 'x', untried: 9 },
      requests: 2,
      retries: 0,
    })
    expect(stopped.notes).toHaveLength(2)
  })
  it('is allReady only with every tenant ready and none skipped', async () => {
    const { createTenantTally } = await import('../../src/index.js')
    const tally = createTenantTally()
    expect(tally.summary({ stoppedEarly: null, requests: 0, retries: 0 }).allReady).toBe(false)
    tally.add({ outcome: 'ready' } as TenantResult)
    expect(tally.summary({ stoppedEarly: null, requests: 1, retries: 0 }).allReady).toBe(true)
  })
})
