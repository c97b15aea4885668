import { performance } from 'node:perf_hooks'
import { median, medianRatio, opsPerSecond, ratio, rotation, spread } from './stats.js'

/** One line of a throughput table: a library (or floor) doing one kind of work at a given concurrency. */
export interface Contender {
  id: string
  label: string
  /** Operations started at once: 1 = one at a time, 16 = sixteen in flight. */
  inFlight: number
  /** Id of the contender this one's ratio is taken against (same run, same round), or null for a baseline. */
  baseline: string | null
  /** Untimed set-up before every round (e.g. a fresh verifier, so first-sight stays first sight). */
  prepare?: () => Promise<void>
  /** Synchronous work (decoding) is timed in a plain loop; anything else is awaited. */
  sync?: boolean
  /** The i-th operation. */
  op: (i: number) => unknown
  /** At most this many operations per round (the size of a pool of distinct tokens); default unbounded. */
  limit?: number
}

export interface RoundPlan {
  rounds: number
  /** Time box per contender per round. */
  roundMs: number
  /** Untimed warm-up per contender before the first round (JIT, key caches). */
  warmupMs: number
}

export interface ContenderResult {
  id: string
  label: string
  inFlight: number
  baseline: string | null
  /** ops/s per round, in round order. */
  samples: number[]
  median: number | null
  /** Median of per-round ratios to the baseline measured next to it, null for baselines or when not measured. */
  ratio: number | null
  /** (max − min) / median of the ops/s samples. */
  spread: number | null
  /** The lowest and highest per-round ratio. */
  ratioRange: [number, number] | null
  /** Median CPU time (all threads of the process) per operation, in microseconds. */
  cpuMicrosPerOp: number | null
  /**
   * Median of per-round (baseline CPU per op ÷ this contender's CPU per op): > 1 means cheaper than the baseline.
   * Other processes on a shared machine steal wall-clock time but not this process's CPU time, so this ratio is the
   * steadier of the two; it does not credit work spread over threads (16 in flight), the wall-clock ratio does.
   */
  cpuRatio: number | null
  note?: string
}

/** One timed run: throughput on the wall clock, and the process's CPU time (all threads) per operation. */
export interface Sample {
  opsPerSecond: number
  cpuMicrosPerOp: number
}

function sampleOf(ops: number, start: number, cpu: NodeJS.CpuUsage): Sample {
  const used = process.cpuUsage(cpu)
  return {
    opsPerSecond: opsPerSecond(ops, performance.now() - start),
    cpuMicrosPerOp: ops === 0 ? 0 : (used.user + used.system) / ops,
  }
}

/** Runs `op` for `ms` (or `limit` operations) with `inFlight` operations outstanding. */
export async function measure(c: Contender, ms: number): Promise<Sample> {
  const limit = c.limit ?? Number.POSITIVE_INFINITY
  if (c.sync === true) {
    const cpu = process.cpuUsage()
    const start = performance.now()
    let i = 0
    while (performance.now() - start < ms && i < limit) {
      for (let k = 0; k < 64 && i < limit; k++) c.op(i++)
    }
    return sampleOf(i, start, cpu)
  }
  let next = 0
  let done = 0
  const cpu = process.cpuUsage()
  const start = performance.now()
  const deadline = start + ms
  const worker = async (): Promise<void> => {
    while (next < limit && performance.now() < deadline) {
      await c.op(next++)
      done++
    }
  }
  await Promise.all(Array.from({ length: c.inFlight }, worker))
  return sampleOf(done, start, cpu)
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc !== undefined) gc()
}

/**
 * Interleaved, paired rounds. Every round runs every contender once, starting at a different one each round, and
 * runs each contender's baseline right next to it (before it in even rounds, after it in odd ones). A shared
 * machine's load changes from second to second; a ratio taken between two measurements a quarter of a second apart
 * is far steadier than one between measurements seconds apart. Ratios are medians of these per-pair ratios.
 */
export async function runRounds(
  contenders: readonly Contender[],
  plan: RoundPlan,
  onProgress: (line: string) => void = () => {},
): Promise<ContenderResult[]> {
  const live = contenders
  const byId = new Map(live.map((c) => [c.id, c]))
  const failures = new Map<string, string>()
  const fail = (c: Contender, err: unknown): void => {
    failures.set(c.id, `failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 160))
  }
  for (const c of live) {
    try {
      await c.prepare?.()
      await measure(c, plan.warmupMs)
    } catch (err) {
      fail(c, err)
    }
  }
  const timed = async (c: Contender): Promise<Sample> => {
    await c.prepare?.()
    collectGarbage()
    return measure(c, plan.roundMs)
  }
  const samples = new Map<string, Sample[]>(live.map((c) => [c.id, []]))
  const pairedBaseline = new Map<string, Sample[]>(live.map((c) => [c.id, []]))
  for (let r = 0; r < plan.rounds; r++) {
    for (const c of rotation(live, r)) {
      if (failures.has(c.id)) continue
      const base = c.baseline === null ? undefined : byId.get(c.baseline)
      try {
        if (base === undefined || failures.has(base.id)) {
          samples.get(c.id)?.push(await timed(c))
          continue
        }
        const baseFirst = r % 2 === 0
        const first = await timed(baseFirst ? base : c)
        const second = await timed(baseFirst ? c : base)
        samples.get(c.id)?.push(baseFirst ? second : first)
        pairedBaseline.get(c.id)?.push(baseFirst ? first : second)
      } catch (err) {
        fail(c, err)
      }
    }
    onProgress(`round ${r + 1}/${plan.rounds}`)
  }
  return contenders.map((c) =>
    summarize(c, samples.get(c.id) ?? [], pairedBaseline.get(c.id) ?? [], plan.rounds, failures.get(c.id)),
  )
}

/** Medians and paired ratios for one contender. CPU ratios are inverted (baseline CPU ÷ ours) so that > 1 is faster. */
export function summarize(
  c: Contender,
  own: readonly Sample[],
  base: readonly Sample[],
  rounds: number,
  note?: string,
): ContenderResult {
  const complete = note === undefined && own.length === rounds
  const ops = own.map((x) => x.opsPerSecond)
  const cpu = own.map((x) => x.cpuMicrosPerOp)
  const paired = complete && c.baseline !== null && base.length === own.length
  const baseOps = base.map((x) => x.opsPerSecond)
  const ratios = paired
    ? ops.map((v, i) => ratio(v, baseOps[i] as number)).filter((x): x is number => x !== null)
    : []
  return {
    id: c.id,
    label: c.label,
    inFlight: c.inFlight,
    baseline: c.baseline,
    samples: ops,
    median: complete ? median(ops) : null,
    ratio: paired ? medianRatio(ops, baseOps) : null,
    spread: complete ? spread(ops) : null,
    ratioRange: ratios.length === 0 ? null : [Math.min(...ratios), Math.max(...ratios)],
    cpuMicrosPerOp: complete ? median(cpu) : null,
    cpuRatio: paired
      ? medianRatio(
          base.map((x) => x.cpuMicrosPerOp),
          cpu,
        )
      : null,
    ...(note === undefined ? {} : { note }),
  }
}
