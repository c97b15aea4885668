import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { renderTenantsSection } from './report.js'
import { runTenantsScenario } from './run.js'

// The partner scenario alone: node --expose-gc dist/tenants/main.js [--quick]  (pnpm bench runs it too).
const quick = process.argv.includes('--quick')
const t0 = performance.now()
const scenario = await runTenantsScenario(
  { count: quick ? 500 : 5000, concurrencies: [8, 32], latencyMs: 20 },
  (line) =>
    process.stderr.write(`[tenants ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${line}\n`),
)
// From bench/dist/tenants/main.js the bench folder is two levels up.
const out = join(
  fileURLToPath(new URL('../../', import.meta.url)),
  quick ? 'results.tenants.quick.md' : 'results.tenants.md',
)
writeFileSync(out, renderTenantsSection(scenario))
process.stdout.write(renderTenantsSection(scenario))
