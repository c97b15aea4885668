import type { OperationLifecycle } from '../types.js'

/** Where a lifecycle stands at one instant: the one place that compares its dates with a clock. */
export type LifecycleState =
  | { state: 'working' }
  | { state: 'announced' }
  | { state: 'retiring'; date: string; daysLeft: number }
  | { state: 'retired'; date: string | null }

const DAY_MS = 86_400_000

/**
 * `retiresOn` / `retiredOn` name the first day (00:00 UTC) the operation no longer works. Before it a `retiring` (or a
 * `retired` with a future date) operation is retiring, with the whole days left rounded up; from it on, retired.
 */
export function lifecycleStateAt(
  lifecycle: OperationLifecycle | null | undefined,
  nowMs: number,
): LifecycleState {
  if (!lifecycle || lifecycle.status === 'current') return { state: 'working' }
  if (lifecycle.status === 'deprecated') return { state: 'announced' }
  const date = lifecycle.retiresOn ?? lifecycle.retiredOn ?? null
  if (date === null) return { state: 'retired', date: null }
  const at = Date.parse(`${date}T00:00:00Z`)
  if (Number.isNaN(at) || !Number.isFinite(nowMs) || nowMs >= at) return { state: 'retired', date }
  return { state: 'retiring', date, daysLeft: Math.ceil((at - nowMs) / DAY_MS) }
}
