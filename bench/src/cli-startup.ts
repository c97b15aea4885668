import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { CLI_MAIN } from './paths.js'
import { median, ratio } from './stats.js'

export interface CliStartupResult {
  runs: number
  cliMs: number | null
  nodeMs: number | null
  ratio: number | null
  /** Exit status of the CLI runs (0 or 1 are answers; 2 is a usage error). */
  exitCodes: number[]
  note?: string
}

function timed(args: readonly string[]): { ms: number; status: number | null } {
  const start = performance.now()
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 })
  return { ms: performance.now() - start, status: r.status }
}

/** `claimcheck inspect --offline <token>` against `node -e 0`, alternating, wall-clock per spawn, medians. */
export function measureCliStartup(token: string, runs: number): CliStartupResult {
  if (!existsSync(CLI_MAIN))
    return { runs: 0, cliMs: null, nodeMs: null, ratio: null, exitCodes: [], note: 'CLI not built' }
  const cli: number[] = []
  const bare: number[] = []
  const exitCodes = new Set<number>()
  timed([CLI_MAIN, 'inspect', '--offline', token])
  timed(['-e', '0'])
  for (let i = 0; i < runs; i++) {
    const a = timed([CLI_MAIN, 'inspect', '--offline', token])
    const b = timed(['-e', '0'])
    cli.push(a.ms)
    bare.push(b.ms)
    exitCodes.add(a.status ?? -1)
  }
  const cliMs = median(cli)
  const nodeMs = median(bare)
  const codes = [...exitCodes].sort()
  const failed = codes.some((c) => c !== 0 && c !== 1)
  return {
    runs,
    cliMs,
    nodeMs,
    ratio: ratio(cliMs, nodeMs),
    exitCodes: codes,
    ...(failed ? { note: `CLI exited ${codes.join(', ')}` } : {}),
  }
}
