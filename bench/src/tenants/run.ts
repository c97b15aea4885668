import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createTenantsFake } from '@claimcheck/core/testing'
import { runChild } from '../child-process.js'
import { setupFor, tenantId, type TenantsArgs, type TenantsResult } from './fixture.js'

export interface TenantsPlan {
  count: number
  concurrencies: readonly number[]
  /** What each answer of the fake waits before it is sent, as a real token endpoint's round trip would. */
  latencyMs: number
}

export interface TenantsScenario {
  plan: TenantsPlan
  /** The untimed pass that made the fake sign each tenant's token once. */
  warmup: TenantsResult | null
  runs: (TenantsResult & { serverRequests: number; maxInFlight: number })[]
  notes: string[]
}

const CLIENT = '5eed0000-0000-4000-8000-00000000be0c'
const SECRET = 'bench-secret-value'

/**
 * 5,000 customer tenants against the testing kit's multi-tenant fake on 127.0.0.1, each concurrency in a fresh
 * process (so its memory is the check's alone); the fake runs here, in the parent. A warm-up pass first lets the
 * fake sign every tenant's token once (reuseTokens), so the timed passes measure the check, not the fake's RSA.
 */
export async function runTenantsScenario(
  plan: TenantsPlan,
  log: (line: string) => void,
): Promise<TenantsScenario> {
  const index = new Map<string, number>()
  for (let i = 0; i < plan.count; i++) index.set(tenantId(i), i)
  // One fake for every pass, so each tenant's token is signed once. Its throttling counts requests per tenant, so
  // a throttled tenant is set to answer 429 to the first request of every pass (pass p: its request 2p + 1).
  let pass = 0
  const fake = createTenantsFake({
    clientId: CLIENT,
    secret: SECRET,
    reuseTokens: true,
    tenants: (tenant) => {
      const i = index.get(tenant)
      const setup = i === undefined ? undefined : setupFor(i)
      if (setup === undefined) return undefined
      return {
        ...setup,
        delayMs: plan.latencyMs,
        ...(setup.throttle ? { throttle: { ...setup.throttle, times: 2 * pass + 1 } } : {}),
      }
    },
  })
  let inFlight = 0
  let maxInFlight = 0
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
        method: req.method ?? 'GET',
        body: req.method === 'POST' ? Buffer.concat(chunks) : null,
      })
      fake
        .handle(request)
        .then(
          async (response) => {
            res.writeHead(response.status, Object.fromEntries(response.headers))
            res.end(Buffer.from(await response.arrayBuffer()))
          },
          () => res.writeHead(500).end(),
        )
        .finally(() => {
          inFlight--
        })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const child = fileURLToPath(new URL('./child.js', import.meta.url))
  const notes: string[] = []
  const once = async (concurrency: number): Promise<TenantsResult | null> => {
    const args: TenantsArgs = {
      origin,
      clientId: CLIENT,
      secret: SECRET,
      count: plan.count,
      concurrency,
      sampleEvery: Math.max(1, Math.floor(plan.count / 5)),
    }
    const out = await runChild<TenantsResult>(child, args, 300_000, ['--expose-gc'])
    if (out.value === null)
      notes.push(
        `concurrency ${concurrency}: no result (${out.killedAfterMs !== undefined ? `killed after ${out.killedAfterMs / 1000} s` : (out.stderr.split('\n')[0] ?? '')})`,
      )
    return out.value
  }
  try {
    log(`  warm-up pass (the fake signs ${plan.count.toLocaleString('en-US')} tokens once)`)
    const warmup = await once(32)
    const runs: TenantsScenario['runs'] = []
    for (const concurrency of plan.concurrencies) {
      pass++
      maxInFlight = 0
      const before = fake.requests
      log(`  concurrency ${concurrency}`)
      const result = await once(concurrency)
      if (result !== null) runs.push({ ...result, serverRequests: fake.requests - before, maxInFlight })
    }
    return { plan, warmup, runs, notes }
  } finally {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
