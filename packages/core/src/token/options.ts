import type { RequirementOptions } from '../permissions/requirement-options.js'

/** The clock: a fixed instant, or a function read once per call. */
export type Clock = Date | (() => Date)

export interface CheckOptions {
  /** Evaluate time-based checks at this instant (default: the system clock). */
  now?: Clock
  /** Expected audience(s). For the Defender APIs any identifier URI of the same resource matches. */
  audience?: string | readonly string[]
  /** Allowed tenant IDs, or 'any' (explicitly accept every tenant: a warning on every report). */
  tenants?: readonly string[] | 'any'
  /** Allowed calling applications (appid / azp). */
  clientApps?: readonly string[]
  /** Allowed clock skew in seconds (default 300). */
  clockSkew?: number
}

// What a call asks is the permission layer's vocabulary; re-exported here for the token layer's options.
export type { RequirementOptions } from '../permissions/requirement-options.js'

export type InspectOptions = CheckOptions & RequirementOptions

export const DEFAULT_CLOCK_SKEW_SECONDS = 300

export function readClock(now: Clock | undefined): Date {
  if (now === undefined) return new Date()
  return typeof now === 'function' ? now() : now
}

export function toList(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return []
  return typeof value === 'string' ? [value] : [...value]
}
