import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { Miniflare, Response as MiniflareResponse, type Request as MiniflareRequest } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestTenant, type TestTenant } from '@claimcheck/core/testing'
import { ORDERS_AUDIENCE } from '../src/catalog.js'

// The worker runs in workerd (Cloudflare's runtime, from the npm registry through miniflare), bundled first as
// wrangler would: esbuild with the worker conditions. Entra's discovery documents and key sets are answered by the
// testing kit through miniflare's outbound fetch handler: the worker's fetch never reaches a network. Tokens are
// minted at the real time (workerd's clock cannot be injected); only the expired one is minted in the past.
const api = { audience: ORDERS_AUDIENCE }
const WORKER_ENTRY = fileURLToPath(new URL('../src/worker.ts', import.meta.url))

let bundle: string
let tenant: TestTenant
let worker: Miniflare
let unreachable: Miniflare

/** miniflare's outbound handler speaks its own Request/Response classes: hand the kit a URL, copy its answer back. */
function outboundTo(answer: (url: string, method: string) => Promise<Response>) {
  return async (request: MiniflareRequest): Promise<MiniflareResponse> => {
    const res = await answer(request.url, request.method)
    return new MiniflareResponse(await res.text(), {
      status: res.status,
      headers: Object.fromEntries(res.headers),
    })
  }
}

function startWorker(outbound: (request: MiniflareRequest) => Promise<MiniflareResponse>): Miniflare {
  return new Miniflare({
    modules: true,
    script: bundle,
    compatibilityDate: '2026-04-01',
    bindings: { TENANT_ID: tenant.tenantId },
    outboundService: outbound,
  })
}

beforeAll(async () => {
  const out = await build({
    entryPoints: [WORKER_ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // 'source' keeps the test on the current core; then the conditions wrangler uses for Workers.
    conditions: ['source', 'workerd', 'worker', 'browser'],
    logLevel: 'silent',
  })
  bundle = out.outputFiles[0]?.text ?? ''
  tenant = await createTestTenant()
  worker = startWorker(outboundTo((url, method) => tenant.fetch(url, { method })))
  unreachable = startWorker(
    outboundTo(async () => {
      throw new TypeError('connect ECONNREFUSED')
    }),
  )
}, 60_000)

afterAll(async () => {
  await worker?.dispose()
  await unreachable?.dispose()
})

async function call(mf: Miniflare, method: string, path: string, token?: string, authorization?: string) {
  const header = authorization ?? (token === undefined ? undefined : `Bearer ${token}`)
  const res = await mf.dispatchFetch(`http://worker.example${path}`, {
    method,
    headers: header === undefined ? {} : { authorization: header },
  })
  const text = await res.text()
  return {
    status: res.status,
    challenge: res.headers.get('www-authenticate'),
    retryAfter: res.headers.get('retry-after'),
    text,
    body: JSON.parse(text || '{}') as Record<string, unknown>,
  }
}

describe('Cloudflare Workers (workerd via miniflare)', () => {
  it('the bundle holds no Node built-in: it runs on the platform crypto (WebCrypto)', () => {
    expect(bundle.length).toBeGreaterThan(0)
    expect(bundle).not.toMatch(/\bfrom\s*["']node:|\brequire\(\s*["']node:|\bimport\(\s*["']node:/)
  })

  it('a good token: 200 with the matched operation; the key set is fetched once for many requests', async () => {
    tenant.clearRequests()
    for (const version of ['1.0', '2.0'] as const) {
      for (let i = 0; i < 3; i++) {
        const token = await tenant.issueToken({ api, version, roles: ['Orders.Read.All'] })
        const a = await call(worker, 'GET', `/api/orders/${i}`, token)
        expect(a.status, a.text).toBe(200)
        expect(a.body).toMatchObject({ caller: tenant.clientId, operation: 'GET /orders/{id}' })
      }
    }
    const keySetRequests = tenant.requests.filter((r) => /\/keys$/.test(new URL(r.url).pathname))
    expect(keySetRequests.length).toBeGreaterThan(0)
    expect(keySetRequests.length).toBeLessThanOrEqual(2) // one per token version at most
    // Six tokens through workerd: 3.7–8.8 s on this shared 2-core machine, past vitest's default 5 s.
  }, 30_000)

  it('no token: 401 bare Bearer; expired: 401 invalid_token', async () => {
    const none = await call(worker, 'GET', '/api/orders/1')
    expect(none.status).toBe(401)
    expect(none.challenge).toBe('Bearer')
    const expired = await tenant.issueToken({
      api,
      roles: ['Orders.Read.All'],
      now: new Date(Date.now() - 3 * 3600_000),
    })
    const a = await call(worker, 'GET', '/api/orders/1', expired)
    expect(a.status).toBe(401)
    expect(a.body).toMatchObject({ error: 'invalid_token', finding: 'token-expired' })
    for (const part of expired.split('.')) expect(a.text + (a.challenge ?? '')).not.toContain(part)
  })

  it("a missing role: 403 insufficient_scope; an unlisted route: 403 ('from-request')", async () => {
    const reader = await tenant.issueToken({ api, roles: ['Orders.Read.All'] })
    const refund = await call(worker, 'POST', '/api/orders/1/refund', reader)
    expect(refund.status).toBe(403)
    expect(refund.challenge).toMatch(/error="insufficient_scope"/)
    const unlisted = await call(worker, 'GET', '/api/admin/export', reader)
    expect(unlisted.status).toBe(403)
    expect(unlisted.body).toMatchObject({ finding: 'operation-unknown' })
  })

  it("a missing auth context on a user's token from a cp1 client: 401 insufficient_claims", async () => {
    const token = await tenant.issueToken({
      api,
      kind: 'delegated',
      scopes: ['Orders.ReadWrite'],
      claims: { xms_cc: ['cp1'] },
    })
    const a = await call(worker, 'POST', '/api/orders/1/refund', token)
    expect(a.status).toBe(401)
    expect(a.challenge).toMatch(
      /error="insufficient_claims", error_description="This operation needs authentication context c\d+\.", claims="[A-Za-z0-9+/=]+"/,
    )
  })

  it('the answers of the HTTP matrix hold in workerd: 400 grammar, no oracle, exact 403 scope', async () => {
    const reader = await tenant.issueToken({ api, roles: ['Orders.Read.All'] })
    for (const header of [
      `Bearer "${reader}"`,
      `Bearer Bearer ${reader}`,
      'Bearer',
      `Bearer ${reader} ${reader}`,
    ]) {
      const a = await call(worker, 'GET', '/api/orders/1', undefined, header)
      expect(a.status).toBe(400)
      expect(a.challenge).toMatch(/^Bearer error="invalid_request", error_description="[^"\\]+\."$/)
      expect(a.body).toMatchObject({ error: 'invalid_request', finding: 'authorization-header-invalid' })
    }
    const stranger = await createTestTenant()
    const foreign = await stranger.issueToken({ api, roles: ['Orders.Read.All'] })
    const [h, p] = reader.split('.')
    const forged = `${h}.${p}.${'A'.repeat(342)}`
    const answers = await Promise.all([foreign, forged].map((t) => call(worker, 'GET', '/api/orders/1', t)))
    for (const a of answers) {
      expect(a.status).toBe(401)
      expect(a.challenge).toBe(
        'Bearer error="invalid_token", error_description="The access token could not be verified."',
      )
      expect(a.text).toBe(answers[0]?.text)
      expect(a.body).toMatchObject({ finding: 'token-not-verified' })
    }
    const refund = await call(worker, 'POST', '/api/orders/1/refund', reader)
    expect(refund.challenge).toBe(
      'Bearer error="insufficient_scope", error_description="This operation needs Orders.ReadWrite.All.", scope="Orders.ReadWrite.All"',
    )
  })

  it('Entra unreachable: 503 with Retry-After', async () => {
    const token = await tenant.issueToken({ api, roles: ['Orders.Read.All'] })
    const a = await call(unreachable, 'GET', '/api/orders/1', token)
    expect(a.status).toBe(503)
    expect(Number(a.retryAfter)).toBeGreaterThan(0)
  })
})
