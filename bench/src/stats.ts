/** The harness arithmetic: kept pure so it can be tested without timing anything. */

/** Median of a non-empty sample (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new TypeError('median of an empty sample')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** a / b, or null when the baseline is missing or zero (a ratio to nothing is not a number we report). */
export function ratio(a: number, b: number): number | null {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return null
  return a / b
}

/**
 * The median of per-round ratios. Each round measures the contender and its baseline within a second of each
 * other, so drift on a shared machine cancels out better than in a ratio of two medians.
 */
export function medianRatio(values: readonly number[], baselines: readonly number[]): number | null {
  if (values.length !== baselines.length) throw new TypeError('ratio samples must pair up')
  const ratios: number[] = []
  for (let i = 0; i < values.length; i++) {
    const r = ratio(values[i] as number, baselines[i] as number)
    if (r !== null) ratios.push(r)
  }
  return ratios.length === 0 ? null : median(ratios)
}

/** Operations per second from a count and an elapsed time in milliseconds. */
export function opsPerSecond(ops: number, elapsedMs: number): number {
  if (elapsedMs <= 0) return 0
  return (ops * 1000) / elapsedMs
}

/** Relative spread of a sample: (max - min) / median, to show how noisy a figure is. */
export function spread(values: readonly number[]): number {
  if (values.length === 0) return 0
  const m = median(values)
  return m === 0 ? 0 : (Math.max(...values) - Math.min(...values)) / m
}

/** Round `k` of an interleaved run starts at a different contender, so none always runs first or last. */
export function rotation<T>(items: readonly T[], round: number): T[] {
  if (items.length === 0) return []
  const k = ((round % items.length) + items.length) % items.length
  return [...items.slice(k), ...items.slice(0, k)]
}
