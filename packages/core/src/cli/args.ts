import { UsageError } from './io.js'

/** Runs a node:util parseArgs call, turning its TypeErrors into usage errors (exit 2). */
export function withUsageErrors<R>(parse: () => R): R {
  try {
    return parse()
  } catch (err) {
    throw new UsageError(
      err instanceof Error
        ? err.message.replace(/\. To specify a positional argument.*$/s, '.')
        : String(err),
    )
  }
}

/** --now accepts ISO-8601 or epoch seconds. */
export function parseNow(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined
  if (/^-?\d+(\.\d+)?$/.test(value)) return new Date(Number(value) * 1000)
  const d = new Date(value)
  if (Number.isNaN(d.getTime()))
    throw new UsageError(`--now: "${value}" is neither an ISO-8601 time nor epoch seconds`)
  return d
}

export function parseSeconds(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag}: "${value}" is not a whole number of seconds`)
  return Number(value)
}
