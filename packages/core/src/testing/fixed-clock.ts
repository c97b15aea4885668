/** A clock frozen at one instant that a test moves forward explicitly. */
export interface FixedClock {
  (): Date
  /** Moves the clock forward (or back, with a negative number) by whole or fractional seconds. */
  advance(seconds: number): void
  /** Jumps to an instant. */
  set(instant: string | Date): void
}

function toMillis(instant: string | Date): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  if (!Number.isFinite(ms))
    throw new TypeError(
      `fixedClock: ${String(instant)} is not a valid instant (use ISO 8601, e.g. 2025-01-01T12:00:00Z).`,
    )
  return ms
}

/**
 * A `() => Date` for the `now` options of inspectToken, createVerifier, createTestTenant and issueToken, so a
 * test never depends on the wall clock. Each call returns a fresh Date, so callers cannot move the clock by mutating it.
 */
export function fixedClock(instant: string | Date): FixedClock {
  let ms = toMillis(instant)
  const clock = (): Date => new Date(ms)
  clock.advance = (seconds: number): void => {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds))
      throw new TypeError('fixedClock.advance: seconds must be a finite number.')
    ms += seconds * 1000
  }
  clock.set = (next: string | Date): void => {
    ms = toMillis(next)
  }
  return clock
}
