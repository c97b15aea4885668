import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { checkTenants, createTenantTally } from '@claimcheck/core'
import { createTenantsFake } from '@claimcheck/core/testing'
import { setupFor, tenantId } from './fixture.js'

// checkTenants at scale: node --expose-gc dist/tenants/scale.js [count]  (default 100,000).
// The testing kit's fake answers in-process (no HTTP, no delay), so what is measured is the library's own time and
// memory per tenant. The fake signs one token per distinct tenant; 100,000 RSA signatures would take minutes and
// measure the fake, so the list repeats 1,000 distinct tenants (each checked 100 times, as independent entries:
// checkTenants does not dedupe). Results are tallied as they stream, as the CLI's JSONL mode does.

const CLIENT = '11112222-3333-4444-8555-666677778888'
const SECRET = 'bench-secret-value'
const DISTINCT = 1000
const count = Number(process.argv[2] ?? 100_000)

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error('run with --expose-gc')

function rssAfterGc(): number {
  ;(gc as () => void)()
  return process.memoryUsage().rss
}

const fake = createTenantsFake({
  clientId: CLIENT,
  secret: SECRET,
  reuseTokens: true,
  // No throttling here: the run measures the library, not Retry-After waits.
  tenants: (tenant) => {
    const i = Number(tenant.slice(-12))
    const setup = setupFor(i)
    return setup === undefined
      ? undefined
      : { outcome: setup.outcome, ...(setup.roles ? { roles: setup.roles } : {}) }
  },
})

function* tenants(n: number): Generator<string> {
  for (let i = 0; i < n; i++) yield tenantId(i % DISTINCT)
}

// Warm-up: the fake signs each distinct tenant's token once, untimed.
for await (const _ of checkTenants({
  clientId: CLIENT,
  credential: { secret: SECRET },
  tenants: tenants(DISTINCT),
  api: 'mde',
  fetch: fake.fetch,
  authority: 'https://login.example.test',
  concurrency: 32,
})) {
  // drain
}

const load = loadavg()[0] ?? 0
const rss0 = rssAfterGc()
const samples: { after: number; rss: number }[] = []
const tally = createTenantTally()
let peakRss = process.memoryUsage().rss
const run = checkTenants({
  clientId: CLIENT,
  credential: { secret: SECRET },
  tenants: tenants(count),
  api: 'mde',
  operation: 'POST /api/machines/{id}/isolate',
  fetch: fake.fetch,
  authority: 'https://login.example.test',
  concurrency: 32,
  timeoutMs: 30_000,
})
const requestsBefore = fake.requests
const started = performance.now()
const cpuStart = process.cpuUsage()
for await (const result of run) {
  tally.add(result)
  if (tally.total % 1000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss)
  if (tally.total === 10_000 || tally.total === count) samples.push({ after: tally.total, rss: rssAfterGc() })
}
const wallMs = performance.now() - started
const cpu = process.cpuUsage(cpuStart)
const summary = tally.summary(run)
const at10k = samples.find((s) => s.after === 10_000)?.rss ?? rss0
const atEnd = samples.at(-1)?.rss ?? rss0
const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(1)} MB`
const section = `## Partners at scale: ${count.toLocaleString('en-US')} tenants in one run (\`checkTenants\`)

Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${load.toFixed(1)} before. \`node --expose-gc bench/dist/tenants/scale.js\`:
the testing kit's fake in-process (no HTTP, no delay), concurrency 32, results tallied as they stream; the list repeats
${DISTINCT.toLocaleString('en-US')} distinct tenants (the fake signs one token each, untimed warm-up), so every entry is a full
token request, judgement and consent link.

| tenants | wall time | CPU per tenant | requests (library / fake) | RSS after gc at 0 → 10,000 → ${count.toLocaleString('en-US')} | growth 10,000 → end | peak RSS |
| ---: | ---: | ---: | ---: | --- | ---: | ---: |
| ${count.toLocaleString('en-US')} | ${(wallMs / 1000).toFixed(1)} s | ${((cpu.user + cpu.system) / 1000 / count).toFixed(3)} ms | ${run.requests.toLocaleString('en-US')} / ${(fake.requests - requestsBefore).toLocaleString('en-US')} | ${mb(rss0)} → ${mb(at10k)} → ${mb(atEnd)} | ${mb(atEnd - at10k)} | ${mb(peakRss)} |

Outcomes: ${Object.entries(summary.counts)
  .filter(([, n]) => n > 0)
  .map(([o, n]) => `${o} ${n.toLocaleString('en-US')}`)
  .join(', ')}.
`
process.stdout.write(section)
writeFileSync(join(fileURLToPath(new URL('../../', import.meta.url)), 'results.tenants.scale.md'), section)
