import { boundedText } from './bounded-text.js'
/**
 * Strict reading of configuration objects (createVerifier, entraAuth, authorize, checkTenants, createTestTenant…).
 * A misspelt option must throw at creation, never be ignored: `requirment` silently dropped turned authorization
 * off. Works on objects built anywhere (spread, JSON, JavaScript), reading own enumerable string keys only.
 */

/** Edit distance (Levenshtein), bounded to short option names: only used to suggest the closest valid name. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i)
  for (let i = 1; i <= x.length; i++) {
    const current = [i]
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      )
    }
    previous = current
  }
  return previous[y.length] as number
}

/** The valid name closest to `name`, when it is close enough to be a plausible typo; otherwise undefined. */
export function closestName(name: string, valid: Iterable<string>): string | undefined {
  if (name.length > 64) return undefined
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of valid) {
    const d = distance(name, candidate)
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  const limit = Math.max(2, Math.floor((best?.length ?? 0) / 3))
  return bestDistance <= limit ? best : undefined
}

/** A name as it may be shown in an error message: bounded, control characters escaped. */
function shown(name: string): string {
  const cut = boundedText(name, 64)
  return JSON.stringify(cut)
    .slice(1, -1)
    .replace(
      /[\u0080-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
}

/**
 * Throws a TypeError naming the first key of `options` that is not in `valid`, with the closest valid name:
 * "createVerifier: unknown option 'clientApp' — did you mean 'clientApps'?". `where` names the call (and path,
 * e.g. `entraAuth requirement`). Non-objects are refused too.
 */
export function assertKnownKeys(
  where: string,
  options: unknown,
  valid: ReadonlySet<string> | readonly string[],
): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new TypeError(`${where} needs an options object`)
  const names: ReadonlySet<string> = Array.isArray(valid) ? new Set(valid) : (valid as ReadonlySet<string>)
  // Every own string key, enumerable or not: a hidden misspelt option must not pass unseen either.
  for (const key of Object.getOwnPropertyNames(options)) {
    if (names.has(key)) continue
    const near = closestName(key, names)
    throw new TypeError(
      `${where}: unknown option '${shown(key)}'${near === undefined ? '' : ` — did you mean '${near}'?`}`,
    )
  }
}
