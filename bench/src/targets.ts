import type { KeysetResult, PhaseResult } from './keyset/fixture.js'
import type { MemoryResult } from './memory/fixture.js'
import type { BenchResults } from './results.js'
import type { ContenderResult } from './rounds.js'

export type Verdict = 'pass' | 'miss' | 'not measured'

export interface TargetCheck {
  target: string
  figure: string
  verdict: Verdict
}

/** Live heap may wobble by this much (or 2 %) between samples without counting as growth. */
export const HEAP_TOLERANCE_BYTES = 1024 * 1024

function byId(list: readonly ContenderResult[], id: string): ContenderResult | undefined {
  return list.find((c) => c.id === id)
}

function x(r: number | null): string {
  return r === null ? '—' : `${r.toFixed(2)}×`
}

/** A ratio to the baseline, judged on wall clock and (with `cpuToo`, at 1 in flight) on CPU time as well. */
function ratioTarget(
  target: string,
  results: BenchResults,
  id: string,
  min: number,
  cpuToo = false,
): TargetCheck {
  const v1 = byId(results.throughput.v1, id)
  const v2 = byId(results.throughput.v2, id)
  if (v1?.ratio == null || v2?.ratio == null) {
    return { target, figure: v1?.note ?? v2?.note ?? 'not measured', verdict: 'not measured' }
  }
  let worst = Math.min(v1.ratio, v2.ratio)
  if (cpuToo && v1.cpuRatio != null && v2.cpuRatio != null) worst = Math.min(worst, v1.cpuRatio, v2.cpuRatio)
  const cpu = v1.inFlight === 1 ? ` (CPU time: v1 ${x(v1.cpuRatio)}, v2 ${x(v2.cpuRatio)})` : ''
  return {
    target,
    figure: `v1 ${x(v1.ratio)}, v2 ${x(v2.ratio)}${cpu}`,
    verdict: worst >= min ? 'pass' : 'miss',
  }
}

/**
 * Our throughput at 16 in flight as a share of the node:crypto floor at 16 in flight, measured in the same run: the
 * better of the synchronous and the thread-pool floor. Both are ratios to jose@16, so their quotient is the share.
 */
export function floorShare(list: readonly ContenderResult[], id: string): number | null {
  const ours = byId(list, id)?.ratio
  const floors = ['floor-node@16', 'floor-node-pool@16']
    .map((f) => byId(list, f)?.ratio)
    .filter((r): r is number => typeof r === 'number')
  if (ours == null || floors.length === 0) return null
  return ours / Math.max(...floors)
}

function floorShareTarget(target: string, results: BenchResults, id: string, min: number): TargetCheck {
  const v1 = floorShare(results.throughput.v1, id)
  const v2 = floorShare(results.throughput.v2, id)
  if (v1 === null || v2 === null) return { target, figure: 'not measured', verdict: 'not measured' }
  const pct = (r: number): string => `${(r * 100).toFixed(0)} %`
  return {
    target,
    figure: `v1 ${pct(v1)}, v2 ${pct(v2)} of the better node:crypto floor at 16 in flight`,
    verdict: Math.min(v1, v2) >= min ? 'pass' : 'miss',
  }
}

function requests(p: PhaseResult | undefined): number {
  return p === undefined ? Number.NaN : p.requests.metadata + p.requests.keys + p.requests.other
}

function oursIn(
  keyset: readonly KeysetResult[],
  scenario: KeysetResult['scenario'],
): KeysetResult | undefined {
  return keyset.find((r) => r.peer === 'ours' && r.scenario === scenario)
}

function keysetTarget(
  target: string,
  r: KeysetResult | undefined,
  judge: (phases: readonly PhaseResult[]) => { figure: string; ok: boolean },
): TargetCheck {
  if (r === undefined || r.phases.length === 0)
    return { target, figure: r?.note ?? 'not measured', verdict: 'not measured' }
  const { figure, ok } = judge(r.phases)
  return {
    target,
    figure: r.note === undefined ? figure : `${figure} (${r.note})`,
    verdict: ok ? 'pass' : 'miss',
  }
}

export function heapGrowth(m: MemoryResult): number | null {
  const first = m.samples[0]
  const last = m.samples[m.samples.length - 1]
  return first === undefined || last === undefined || m.samples.length < 2
    ? null
    : last.heapUsed - first.heapUsed
}

export function memoryGrew(m: MemoryResult): boolean | null {
  const growth = heapGrowth(m)
  const first = m.samples[0]
  if (growth === null || first === undefined) return null
  return growth > Math.max(HEAP_TOLERANCE_BYTES, first.heapUsed * 0.02)
}

const MIB = 1024 * 1024

/** The targets, each judged from this run's figures. */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [
    ratioTarget(
      'First-sight full verification ≥ 2.5× bare jose.jwtVerify, wall clock and CPU time (1 in flight)',
      results,
      'ours-first',
      2.5,
      true,
    ),
    floorShareTarget(
      'First-sight full verification, 16 in flight ≥ 70 % of the node:crypto floor',
      results,
      'ours-first@16',
      0.7,
    ),
    ratioTarget('A repeated token ≥ 10× bare jose', results, 'ours-repeat', 10),
    keysetTarget(
      'Key sets: 1 request for a cold burst of 1,000',
      oursIn(results.keyset, 'cold-burst'),
      (p) => {
        const burst = p[0]
        const accepted = burst?.outcomes['accepted'] ?? 0
        return {
          figure: `${burst?.requests.keys ?? '?'} key-set request(s) + ${burst?.requests.metadata ?? '?'} metadata; ${accepted}/${burst?.tokens ?? 0} accepted`,
          ok:
            burst !== undefined &&
            burst.requests.keys <= 1 &&
            burst.requests.metadata <= 1 &&
            accepted === burst.tokens,
        }
      },
    ),
    keysetTarget(
      'Key sets: ≤ 1 request per cooldown window for 1,000 unknown kids',
      oursIn(results.keyset, 'unknown-kid-storm'),
      (p) => {
        const n = requests(p[1])
        return { figure: `${n} request(s) during the storm`, ok: n <= 1 }
      },
    ),
    keysetTarget('Key sets: a rotated key accepted on first use', oursIn(results.keyset, 'rotation'), (p) => {
      const first = p[1]
      const ok = (first?.outcomes['accepted'] ?? 0) === 1
      return {
        figure: ok
          ? `accepted on first use (${requests(first)} request(s))`
          : `first use: ${Object.keys(first?.outcomes ?? {}).join(', ')}`,
        ok,
      }
    }),
    keysetTarget('Key sets: no request per token during an outage', oursIn(results.keyset, 'outage'), (p) => {
      const outage = p.filter((q) => q.name.startsWith('HTTP 500') || q.name.startsWith('connection reset'))
      const perPhase = outage.map(requests)
      const tokens = outage.reduce((s, q) => s + q.tokens, 0)
      const total = perPhase.reduce((s, n) => s + n, 0)
      return {
        figure: `${total} request(s) for ${tokens} tokens over ${outage.length} outage phases (max ${Math.max(...perPhase)} per phase)`,
        ok: perPhase.every((n) => n <= 1),
      }
    }),
  ]

  const cli = results.cli
  checks.push(
    cli.ratio === null || cli.note !== undefined
      ? {
          target: 'CLI inspect --offline start-up ≤ 2.5× node -e 0',
          figure: cli.note ?? 'not measured',
          verdict: 'not measured',
        }
      : {
          target: 'CLI inspect --offline start-up ≤ 2.5× node -e 0',
          figure: `${x(cli.ratio)} (${cli.cliMs?.toFixed(0)} ms vs ${cli.nodeMs?.toFixed(0)} ms, median of ${cli.runs})`,
          verdict: cli.ratio <= 2.5 ? 'pass' : 'miss',
        },
  )

  const ours = results.memory.find((m) => m.subject === 'ours')
  const grew = ours === undefined ? null : memoryGrew(ours)
  const growth = ours === undefined ? null : heapGrowth(ours)
  checks.push(
    grew === null || growth === null
      ? {
          target: `No memory growth after warm-up across ${results.memoryPlan.count.toLocaleString('en-US')} verifications`,
          figure: ours?.note ?? 'not measured',
          verdict: 'not measured',
        }
      : {
          target: `No memory growth after warm-up across ${results.memoryPlan.count.toLocaleString('en-US')} verifications`,
          figure: `live heap ${growth >= 0 ? '+' : ''}${(growth / MIB).toFixed(2)} MiB`,
          verdict: grew ? 'miss' : 'pass',
        },
  )
  return checks
}
