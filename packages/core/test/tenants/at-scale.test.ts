import { describe, expect, it } from 'vitest'
import { checkTenants, type CheckTenantsOptions, type TenantResult } from '../../src/index.js'
import { createTenantsFake, fixedClock } from '../../src/testing/index.js'
import { tenantTableChunks, renderTenantTable } from '../../src/cli/output/tenants.js'
import { makeStyle } from '../../src/cli/output/style.js'
import { encodings, scrubber } from '../../src/tenants/scrub.js'
import { createTenantTally } from '../../src/tenants/summary.js'
import { MAX_BODY_BYTES } from '../../src/tenants/token-response.js'

const CLIENT = '11112222-3333-4444-8555-666677778888'
const OTHER_CLIENT = '99998888-7777-4666-8555-444433332222'
const SECRET = 'Sx8Q~partner/secret+value never-printed'
const NOW = '2026-06-01T12:00:00Z'
const T = (n: number): string => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`

function base(overrides: Partial<CheckTenantsOptions>): CheckTenantsOptions {
  return {
    clientId: CLIENT,
    credential: { secret: SECRET },
    tenants: [T(1)],
    api: 'mde',
    operation: 'POST /api/machines/{id}/isolate',
    authority: 'https://login.example.test',
    now: fixedClock(NOW),
    sleep: async () => {},
    random: () => 0.5,
    ...overrides,
  }
}

async function collect(run: AsyncIterable<TenantResult>): Promise<TenantResult[]> {
  const out: TenantResult[] = []
  for await (const r of run) out.push(r)
  return out
}

/** A token endpoint answering with this body (and status) whatever is asked. */
function answering(status: number, body: string | ReadableStream<Uint8Array>): typeof fetch {
  return async () => new Response(body, { status, headers: { 'content-type': 'application/json' } })
}

describe('checkTenants: a token issued to another app is never ready', () => {
  it('is unavailable, names the other app and the finding', async () => {
    // The fake issues tokens for OTHER_CLIENT; we ask as CLIENT (a proxy or a misconfigured authority).
    const fake = createTenantsFake({
      clientId: OTHER_CLIENT,
      secret: SECRET,
      now: fixedClock(NOW),
      tenants: { [T(1)]: { outcome: 'ready' } },
    })
    const [result] = await collect(checkTenants(base({ clientId: OTHER_CLIENT, fetch: fake.fetch })))
    expect(result?.outcome).toBe('ready')
    const proxied: typeof fetch = (input, init) => {
      // Whatever client asked, answer as if OTHER_CLIENT had.
      const body = new URLSearchParams(String(init?.body))
      body.set('client_id', OTHER_CLIENT)
      return fake.fetch(input, { ...init, body: body.toString() })
    }
    const [other] = await collect(checkTenants(base({ fetch: proxied })))
    expect(other?.outcome).toBe('unavailable')
    expect(other?.error?.findings).toContain('client-app-not-allowed')
    expect(other?.reason).toContain(OTHER_CLIENT)
    expect(other?.reason).toContain(CLIENT)
  })
})

describe('checkTenants: the token endpoint body is capped and has a deadline', () => {
  it('does not read a huge body past the cap', async () => {
    let pulled = 0
    const chunk = new Uint8Array(16 * 1024).fill(0x61)
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength
        if (pulled > 200 * 1024 * 1024) controller.close()
        else controller.enqueue(chunk)
      },
    })
    const [result] = await collect(
      checkTenants(base({ fetch: answering(400, huge), retry: { budget: 0, maxAttempts: 1 } })),
    )
    expect(result?.outcome).toBe('unavailable')
    expect(pulled).toBeLessThan(MAX_BODY_BYTES + 4 * chunk.byteLength)
  })

  it('ends a body that never stops at the deadline (a timeout, not a hang)', async () => {
    let cancelled = false
    const endless = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"error":'))
        // …and nothing more, ever.
      },
      cancel() {
        cancelled = true
      },
    })
    const [result] = await collect(
      checkTenants(
        base({ fetch: answering(400, endless), timeoutMs: 50, retry: { budget: 0, maxAttempts: 1 } }),
      ),
    )
    expect(result?.outcome).toBe('unavailable')
    expect(result?.error?.source).toBe('timeout')
    expect(cancelled).toBe(true)
  })
})

describe('checkTenants: the secret is scrubbed in every encoding, before any cut', () => {
  const forms = encodings(SECRET)
  it('knows the forms a server could echo', () => {
    expect(forms).toContain(SECRET)
    expect(forms).toContain(encodeURIComponent(SECRET))
    expect(forms).toContain(new URLSearchParams({ s: SECRET }).toString().slice(2))
    expect(forms.some((f) => f.includes('%7E'))).toBe(true)
    expect(forms.some((f) => f.includes('%7e'))).toBe(true)
  })

  const echoes: Record<string, string> = {
    verbatim: SECRET,
    form: new URLSearchParams({ client_secret: SECRET }).toString(),
    percent: encodeURIComponent(SECRET),
    lowerPercent: encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
    base64: btoa(`client_secret=${SECRET}`),
    base64url: btoa(`xx${SECRET}yy`).replace(/\+/g, '-').replace(/\//g, '_'),
  }
  for (const [name, echoed] of Object.entries(echoes)) {
    it(`hides a ${name} echo in results`, async () => {
      const body = JSON.stringify({
        error: 'invalid_client',
        error_description: `AADSTS7000215: Invalid client secret provided. You sent ${echoed}. Trace ID: x`,
        error_codes: [7000215],
      })
      const results = await collect(checkTenants(base({ fetch: answering(401, body) })))
      const text = JSON.stringify(results)
      expect(text).not.toContain(SECRET)
      expect(text).not.toContain(echoed)
      expect(text).toContain('[redacted]')
    })
  }

  it('hides a secret that the 500-character cut would have split', async () => {
    const pad = 'x'.repeat(490)
    const body = JSON.stringify({
      error: 'invalid_client',
      error_description: `AADSTS7000215: ${pad}${SECRET}`,
      error_codes: [7000215],
    })
    const results = await collect(checkTenants(base({ fetch: answering(401, body) })))
    const text = JSON.stringify(results)
    expect(text).not.toContain(SECRET.slice(0, 8))
  })

  it('hides a JSON-escaped echo (the raw JSON text carries \\/)', () => {
    const scrub = scrubber([SECRET])
    expect(scrub(`echo ${JSON.stringify(SECRET).replace(/\//g, '\\/')}`)).not.toContain('partner')
  })
})

describe('checkTenants: a credential problem stops the run whatever the fetch timing', () => {
  it('makes only a few requests with an instant fake and a wrong secret', async () => {
    const fake = createTenantsFake({
      clientId: CLIENT,
      secret: 'the-right-secret',
      now: fixedClock(NOW),
      tenants: () => ({ outcome: 'ready' }),
    })
    const tenants = Array.from({ length: 5000 }, (_, i) => T(i + 1))
    const run = checkTenants(base({ tenants, fetch: fake.fetch, concurrency: 8 }))
    const results = await collect(run)
    expect(results[0]?.outcome).toBe('credential-problem')
    expect(fake.requests).toBeLessThanOrEqual(8)
    expect(run.requests).toBe(fake.requests)
    expect(results.length).toBeLessThanOrEqual(8)
    expect(run.stoppedEarly?.untried).toBe(5000 - results.length)
  })

  it('also with a fetch that settles synchronously (no awaits inside)', async () => {
    const body = JSON.stringify({
      error: 'invalid_client',
      error_description: 'AADSTS7000215: Invalid client secret',
      error_codes: [7000215],
    })
    let requests = 0
    const instant: typeof fetch = () => {
      requests++
      return Promise.resolve(new Response(body, { status: 401 }))
    }
    const tenants = Array.from({ length: 5000 }, (_, i) => T(i + 1))
    const run = checkTenants(base({ tenants, fetch: instant, concurrency: 16 }))
    await collect(run)
    expect(requests).toBeLessThanOrEqual(16)
    expect(run.stoppedEarly?.outcome).toBe('credential-problem')
  })
})

describe('the tenants table renders a million results', () => {
  it('without a stack overflow, in chunks', () => {
    const result: TenantResult = {
      tenant: T(1),
      cloud: 'public',
      outcome: 'ready',
      reason: 'ok',
      roles: ['Machine.Isolate'],
      required: [],
      missing: [],
      token: null,
      error: null,
      consentUrl: null,
      attempts: 1,
    }
    const results = Array.from({ length: 1_000_000 }, () => result)
    const tally = createTenantTally()
    tally.add(result)
    const summary = tally.summary({ requests: 1, retries: 0, stoppedEarly: null })
    let lines = 0
    let chunks = 0
    for (const chunk of tenantTableChunks(results, summary, makeStyle(false))) {
      chunks++
      lines += chunk.split('\n').length - 1
    }
    expect(lines).toBeGreaterThanOrEqual(1_000_000)
    expect(chunks).toBeGreaterThan(100)
    expect(renderTenantTable(results.slice(0, 3), summary, makeStyle(false))).toContain(T(1))
  })
})
