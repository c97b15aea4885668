import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { pooled, runChild } from '../child-process.js'
import {
  KEYSET_PEERS,
  KEYSET_SCENARIOS,
  type ChildArgs,
  type KeysetFixture,
  type KeysetResult,
} from './fixture.js'

export interface KeysetPlan {
  fixturePath: string
  opTimeoutMs: number
  rotationRetryMs: number
  recoveryRetryMs: number
  /** Every scenario process is killed after this long. */
  processLimitMs: number
  parallel: number
}

const CHILD = fileURLToPath(new URL('./child.js', import.meta.url))

export function writeFixture(path: string, fixture: KeysetFixture): void {
  writeFileSync(path, JSON.stringify(fixture))
}

/** Every peer through every key-set scenario, each in its own bounded process. */
export async function runKeysetScenarios(
  plan: KeysetPlan,
  onProgress: (line: string) => void = () => {},
): Promise<KeysetResult[]> {
  // The slow scenarios (retries, peers that never answer) start first, so the short ones fill in around them.
  const slowestFirst = [...KEYSET_SCENARIOS].reverse()
  const tasks = slowestFirst.flatMap((scenario) =>
    KEYSET_PEERS.map((peer) => async (): Promise<KeysetResult> => {
      const args: ChildArgs = {
        peer,
        scenario,
        fixturePath: plan.fixturePath,
        opTimeoutMs: plan.opTimeoutMs,
        rotationRetryMs: plan.rotationRetryMs,
        recoveryRetryMs: plan.recoveryRetryMs,
      }
      const out = await runChild<KeysetResult>(CHILD, args, plan.processLimitMs)
      onProgress(`${scenario} × ${peer}`)
      if (out.value !== null) return out.value
      const note =
        out.killedAfterMs !== undefined
          ? `hung: process killed after ${out.killedAfterMs / 1000} s`
          : `no result (${out.stderr.split('\n')[0] ?? 'no output'})`
      return { peer, scenario, phases: [], note }
    }),
  )
  const results = await pooled(tasks, plan.parallel)
  return KEYSET_SCENARIOS.flatMap((scenario) => results.filter((r) => r.scenario === scenario))
}
