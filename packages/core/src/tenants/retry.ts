/** How hard the run tries before a tenant is `unavailable`. */
export interface RetryOptions {
  /** Retries shared by the whole run (every tenant draws on it); default 100. 0 disables retries. */
  budget?: number
  /** Attempts per tenant, the first included; default 4. */
  maxAttempts?: number
  /** First backoff step after a 5xx, a timeout or a network failure; default 500 ms. Doubles per attempt. */
  baseDelayMs?: number
  /** Longest backoff step; default 30 s. */
  maxDelayMs?: number
  /** A Retry-After longer than this is not waited for: the tenant is `unavailable` at once; default 120 s. */
  maxRetryAfterMs?: number
}

export interface RetryPolicy {
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  maxRetryAfterMs: number
  /** Takes one retry from the run's budget; false when it is spent. */
  take(): boolean
  /** Retries taken so far. */
  readonly used: number
}

export function createRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  const budget = count('retry.budget', options.budget ?? 100, 0)
  const policy = {
    maxAttempts: count('retry.maxAttempts', options.maxAttempts ?? 4, 1),
    baseDelayMs: count('retry.baseDelayMs', options.baseDelayMs ?? 500, 0),
    maxDelayMs: count('retry.maxDelayMs', options.maxDelayMs ?? 30_000, 0),
    maxRetryAfterMs: count('retry.maxRetryAfterMs', options.maxRetryAfterMs ?? 120_000, 0),
    used: 0,
    take(): boolean {
      if (policy.used >= budget) return false
      policy.used++
      return true
    },
  }
  return policy
}

function count(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min)
    throw new TypeError(`checkTenants: ${name} must be a whole number >= ${min}`)
  return value
}

/**
 * RFC 9110 §10.2.3: Retry-After is delay-seconds or an HTTP-date. Returns the wait in milliseconds (0 for a date in
 * the past), or null when the header is absent or unreadable.
 */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (header === null) return null
  const value = header.trim()
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  if (!Number.isFinite(date) || !/[a-z]/i.test(value)) return null
  return Math.max(0, date - now.getTime())
}

/**
 * Exponential backoff with "equal jitter": half the step fixed, half random, so clients that failed together do
 * not come back together, yet no retry is immediate. `random` returns [0, 1).
 */
export function backoffMs(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number,
): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  const r = random()
  const jitter = Number.isFinite(r) && r >= 0 && r < 1 ? r : 0.5
  return Math.round(step / 2 + jitter * (step / 2))
}
