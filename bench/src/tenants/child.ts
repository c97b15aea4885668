import { checkTenants } from '@claimcheck/core'
import { performance } from 'node:perf_hooks'
import type { TenantsArgs, TenantsResult, TenantsSample } from './fixture.js'
import { tenantId } from './fixture.js'

function sample(after: number): TenantsSample {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc === undefined) throw new Error('run with --expose-gc')
  gc()
  const m = process.memoryUsage()
  return { after, heapUsed: m.heapUsed, rss: m.rss }
}

function* tenants(count: number): Generator<string> {
  for (let i = 0; i < count; i++) yield tenantId(i)
}

async function main(args: TenantsArgs): Promise<TenantsResult> {
  const samples = [sample(0)]
  const outcomes: Record<string, number> = {}
  let peakRss = process.memoryUsage().rss
  const run = checkTenants({
    clientId: args.clientId,
    credential: { secret: args.secret },
    tenants: tenants(args.count),
    api: 'mde',
    operation: 'POST /api/machines/{id}/isolate',
    authority: args.origin,
    concurrency: args.concurrency,
    timeoutMs: 10_000,
    retry: { budget: args.count },
  })
  let done = 0
  const started = performance.now()
  const cpuStart = process.cpuUsage()
  let sampling = 0
  let samplingCpu = 0
  for await (const result of run) {
    outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1
    done++
    if (done % 100 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss)
    if (done % args.sampleEvery === 0) {
      const t = performance.now()
      const c = process.cpuUsage()
      samples.push(sample(done))
      sampling += performance.now() - t
      const dc = process.cpuUsage(c)
      samplingCpu += (dc.user + dc.system) / 1000
    }
  }
  // The forced collections for the samples are not the library's time.
  const wallMs = performance.now() - started - sampling
  const cpu = process.cpuUsage(cpuStart)
  const cpuMs = (cpu.user + cpu.system) / 1000 - samplingCpu
  return {
    concurrency: args.concurrency,
    count: args.count,
    wallMs,
    cpuMs,
    requests: run.requests,
    retries: run.retries,
    outcomes,
    samples,
    peakRss,
  }
}

const args = JSON.parse(process.argv[2] ?? '{}') as TenantsArgs
main(args).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exit(1)
  },
)
