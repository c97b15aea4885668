import type { KnownApiId } from '../entra/apis.js'
import type { PermissionCatalog } from '../permissions/types.js'

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

export interface RequirementOptions {
  /** The API being called. */
  api?: KnownApiId
  /** "METHOD path" of the operation being called. */
  operation?: string
  /** Explicit required permission(s): all must be present. */
  require?: readonly string[]
  /** A custom API's permission catalog (docs/permissions.md); operations are then looked up there. */
  catalog?: PermissionCatalog
}

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
