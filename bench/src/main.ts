import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { pooled, runChild } from './child-process.js'
import { measureCliStartup } from './cli-startup.js'
import {
  generateSigningKey,
  mintMany,
  mintToken,
  newTenant,
  randomKid,
  withKid,
  type TokenVersion,
} from './entra-tokens.js'
import { startJwksServer } from './jwks-server.js'
import { runKeysetScenarios, writeFixture } from './keyset/run.js'
import { renderLoad, runLoadScenario, withLoadSection, type LoadPlan } from './load/run.js'
import { machineInfo, packageVersions } from './machine.js'
import type { MemoryArgs, MemoryFixture, MemoryResult } from './memory/fixture.js'
import { BENCH_ROOT } from './paths.js'
import { renderReport } from './report.js'
import type { BenchResults } from './results.js'
import { runRounds, type ContenderResult } from './rounds.js'
import { checkTargets } from './targets.js'
import { renderTenantsSection } from './tenants/report.js'
import { runTenantsScenario } from './tenants/run.js'
import { decodeContenders, verificationContenders } from './throughput.js'
import { buildWeb, measureWeb } from './web-size.js'

interface Plan {
  quick: boolean
  rounds: number
  roundMs: number
  warmupMs: number
  distinctTokens: number
  keysetOpTimeoutMs: number
  rotationRetryMs: number
  recoveryRetryMs: number
  keysetProcessLimitMs: number
  memoryWarmup: number
  memoryCount: number
  cliRuns: number
  buildWeb: boolean
  /** Issue 14's load scenario (servers on 127.0.0.1); `--load-only` runs nothing else and updates only its section. */
  load: LoadPlan
  loadOnly: boolean
  out: string
}

function parseArgs(argv: readonly string[]): Plan {
  const quick = argv.includes('--quick')
  const outIndex = argv.indexOf('--out')
  const out =
    outIndex >= 0 && argv[outIndex + 1] !== undefined
      ? (argv[outIndex + 1] as string)
      : join(BENCH_ROOT, quick ? 'results.quick.md' : 'results.md')
  const unknown = argv.filter(
    (a, i) =>
      a.startsWith('--') &&
      !['--quick', '--out', '--no-web-build', '--load-only'].includes(a) &&
      argv[i - 1] !== '--out',
  )
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown option(s): ${unknown.join(' ')}\nusage: pnpm bench [--quick] [--no-web-build] [--load-only] [--out FILE]\n`,
    )
    process.exit(2)
  }
  return {
    quick,
    rounds: quick ? 3 : 5,
    roundMs: quick ? 80 : 200,
    warmupMs: quick ? 40 : 150,
    distinctTokens: quick ? 1200 : 4000,
    keysetOpTimeoutMs: quick ? 4000 : 6000,
    rotationRetryMs: quick ? 0 : 33_000,
    recoveryRetryMs: quick ? 0 : 10_000,
    keysetProcessLimitMs: quick ? 40_000 : 90_000,
    memoryWarmup: quick ? 2000 : 10_000,
    memoryCount: quick ? 10_000 : 100_000,
    cliRuns: quick ? 10 : 15,
    buildWeb: !quick && !argv.includes('--no-web-build'),
    load: quick
      ? { requests: 2000, distinctTokens: 200, connections: 50 }
      : { requests: 10_000, distinctTokens: 1000, connections: 50 },
    loadOnly: argv.includes('--load-only'),
    out,
  }
}

const t0 = performance.now()
const log = (line: string): void => {
  process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${line}\n`)
}

async function main(): Promise<void> {
  const plan = parseArgs(process.argv.slice(2))
  const started = performance.now()
  const machine = machineInfo()
  const work = mkdtempSync(join(tmpdir(), 'claimcheck-bench-'))
  if (plan.loadOnly) {
    try {
      const load = await runLoadScenario(plan.load, work, log)
      const section = renderLoad(load, new Date().toISOString().replace(/\.\d+Z$/, 'Z'))
      writeFileSync(
        plan.out,
        withLoadSection(
          existsSync(plan.out) ? readFileSync(plan.out, 'utf8') : '# Benchmark results\n',
          section,
        ),
      )
      log(`wrote the load section of ${plan.out}`)
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
    return
  }
  try {
    log(`minting tokens (${plan.distinctTokens.toLocaleString('en-US')} distinct per version)`)
    const tenant = newTenant()
    const k1 = generateSigningKey()
    const k2 = generateSigningKey()
    const iat = Math.floor(Date.now() / 1000) - 60
    const pools = {} as Record<TokenVersion, { distinct: string[]; repeated: string; warmup: string }>
    for (const version of ['v1', 'v2'] as const) {
      pools[version] = {
        distinct: mintMany(plan.distinctTokens, { version, tenant, key: k1, iat }),
        repeated: mintToken({ version, tenant, key: k1, iat }),
        warmup: mintToken({ version, tenant, key: k1, iat }),
      }
    }

    const server = await startJwksServer([k1.jwk])
    const throughput = {} as Record<TokenVersion, ContenderResult[]>
    const decode = {} as Record<TokenVersion, ContenderResult[]>
    const roundPlan = { rounds: plan.rounds, roundMs: plan.roundMs, warmupMs: plan.warmupMs }
    try {
      for (const version of ['v1', 'v2'] as const) {
        const c = { version, tenant, origin: server.origin }
        log(`verification throughput, ${version}`)
        throughput[version] = await runRounds(
          await verificationContenders(c, k1, pools[version]),
          roundPlan,
          log,
        )
        log(`decode throughput, ${version}`)
        decode[version] = await runRounds(decodeContenders(c, pools[version].distinct), roundPlan)
      }
    } finally {
      await server.close()
    }

    log('key-set scenarios (one process per peer and scenario)')
    const v1 = pools.v1.distinct
    const keysetFixture = join(work, 'keyset.json')
    writeFixture(keysetFixture, {
      tenant,
      k1: k1.jwk,
      k2: k2.jwk,
      warm: pools.v1.warmup,
      k1Tokens: v1.slice(0, 1000),
      k2Tokens: mintMany(201, { version: 'v1', tenant, key: k2, iat }),
      unknownKid: v1.slice(0, 1000).map((t) => withKid(t, randomKid())),
    })
    const keyset = await runKeysetScenarios(
      {
        fixturePath: keysetFixture,
        opTimeoutMs: plan.keysetOpTimeoutMs,
        rotationRetryMs: plan.rotationRetryMs,
        recoveryRetryMs: plan.recoveryRetryMs,
        processLimitMs: plan.keysetProcessLimitMs,
        parallel: 4, // not timed: the scenarios mostly wait on the network and on time limits
      },
      (line) => log(`  ${line}`),
    )

    log(
      `memory (${plan.memoryCount.toLocaleString('en-US')} verifications after a ${plan.memoryWarmup.toLocaleString('en-US')} warm-up)`,
    )
    const memoryFixture = join(work, 'memory.json')
    const memFx: MemoryFixture = { tenant, key: k1.jwk, tokens: v1 }
    writeFileSync(memoryFixture, JSON.stringify(memFx))
    const memoryChild = fileURLToPath(new URL('./memory/child.js', import.meta.url))
    const memory = await pooled(
      (['ours', 'jose'] as const).map((subject) => async (): Promise<MemoryResult> => {
        const args: MemoryArgs = {
          subject,
          fixturePath: memoryFixture,
          warmup: plan.memoryWarmup,
          count: plan.memoryCount,
        }
        const out = await runChild<MemoryResult>(memoryChild, args, 150_000, ['--expose-gc'])
        return (
          out.value ?? {
            subject,
            samples: [],
            note:
              out.killedAfterMs !== undefined
                ? `killed after ${out.killedAfterMs / 1000} s`
                : `no result: ${out.stderr.split('\n')[0] ?? ''}`,
          }
        )
      }),
      2, // nothing here is timed, and each subject has a process of its own
    )

    log(`CLI start-up (${plan.cliRuns} runs each)`)
    const cli = measureCliStartup(pools.v1.repeated, plan.cliRuns)

    log(
      `partners: ${plan.quick ? 500 : 5000} customer tenants against a loopback token endpoint (checkTenants)`,
    )
    const tenants = await runTenantsScenario(
      { count: plan.quick ? 500 : 5000, concurrencies: [8, 32], latencyMs: 20 },
      (line) => log(line),
    )

    let buildNote: string | undefined
    if (plan.buildWeb) {
      log('building the web app')
      buildNote = buildWeb(180_000)
    } else {
      buildNote = 'not rebuilt by this run'
    }
    const web = measureWeb(buildNote)

    const load = await runLoadScenario(plan.load, work, log)

    const results: BenchResults = {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      quick: plan.quick,
      durationS: (performance.now() - started) / 1000,
      machine,
      loadAverageAfter: loadavg().map((l) => Math.round(l * 100) / 100),
      versions: packageVersions(),
      plan: { ...roundPlan, distinctTokens: plan.distinctTokens },
      throughput: { v1: throughput.v1, v2: throughput.v2 },
      decode: { v1: decode.v1, v2: decode.v2 },
      keyset,
      memory,
      memoryPlan: { warmup: plan.memoryWarmup, count: plan.memoryCount },
      cli,
      web,
    }
    writeFileSync(
      plan.out,
      `${withLoadSection(renderReport(results), renderLoad(load, results.date))}\n${renderTenantsSection(tenants)}`,
    )
    for (const t of checkTargets(results)) log(`${t.verdict.padEnd(7)} ${t.target}: ${t.figure}`)
    log(`wrote ${plan.out} in ${Math.round(results.durationS)} s`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
