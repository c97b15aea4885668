import type { CliStartupResult } from './cli-startup.js'
import type { KeysetResult } from './keyset/fixture.js'
import type { MachineInfo } from './machine.js'
import type { MemoryResult } from './memory/fixture.js'
import type { ContenderResult, RoundPlan } from './rounds.js'
import type { WebSizeResult } from './web-size.js'

/** Everything one `pnpm bench` run measured; the report is written from this alone. */
export interface BenchResults {
  date: string
  quick: boolean
  durationS: number
  machine: MachineInfo
  /** Load average when the run ended (the start is in machine). */
  loadAverageAfter: number[]
  versions: Record<string, string>
  plan: RoundPlan & { distinctTokens: number }
  throughput: { v1: ContenderResult[]; v2: ContenderResult[] }
  decode: { v1: ContenderResult[]; v2: ContenderResult[] }
  keyset: KeysetResult[]
  memory: MemoryResult[]
  memoryPlan: { warmup: number; count: number }
  cli: CliStartupResult
  web: WebSizeResult
}
