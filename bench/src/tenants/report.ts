import type { TenantsScenario } from './run.js'

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** The scenario as a Markdown section of bench/results.md. */
export function renderTenantsSection(s: TenantsScenario): string {
  const lines = [
    '## Partners: checking every customer tenant (`checkTenants`)',
    '',
    `${s.plan.count.toLocaleString('en-US')} tenants against the testing kit's multi-tenant fake on 127.0.0.1 (each answer delayed`,
    `${s.plan.latencyMs} ms, as a token endpoint's round trip; 80 % ready, 10 % missing a permission, 5 % not consented, 3 % not`,
    'onboarded, 1 % throttled once with Retry-After: 1, 1 % unknown tenants). Each pass runs in a fresh process; the fake',
    'runs in the parent and signed each token once in an untimed warm-up. Heap: live heap after a full collection.',
    '',
    '| concurrency | wall time | tenants/s | CPU per tenant (checking process) | requests (library / server) | retries | max in flight (server) | heap at 0 → … → end | peak RSS |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
  ]
  const rows =
    s.warmup === null
      ? s.runs
      : [{ ...s.warmup, serverRequests: NaN, maxInFlight: NaN, warm: true }, ...s.runs]
  for (const r of rows) {
    const label = 'warm' in r ? `${r.concurrency} (cold: fake signs)` : String(r.concurrency)
    lines.push(
      `| ${label} | ${(r.wallMs / 1000).toFixed(2)} s | ${Math.round(r.count / (r.wallMs / 1000))} | ${(r.cpuMs / r.count).toFixed(2)} ms | ${r.requests} / ${Number.isNaN(r.serverRequests) ? '–' : r.serverRequests} | ${r.retries} | ${Number.isNaN(r.maxInFlight) ? '–' : r.maxInFlight} | ${r.samples.map((x) => mb(x.heapUsed)).join(' → ')} | ${mb(r.peakRss)} |`,
    )
  }
  const outcomes = s.runs[0]?.outcomes
  if (outcomes !== undefined)
    lines.push(
      '',
      `Outcomes per pass: ${Object.entries(outcomes)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}.`,
    )
  for (const note of s.notes) lines.push('', `Note: ${note}`)
  return `${lines.join('\n')}\n`
}
