/** What the parent tells a tenants child, and what the child reports back (one JSON line). */
export interface TenantsArgs {
  origin: string
  clientId: string
  secret: string
  count: number
  concurrency: number
  /** Results between memory samples. */
  sampleEvery: number
}

export interface TenantsSample {
  /** Results received so far. */
  after: number
  /** Live heap after a full collection, bytes. */
  heapUsed: number
  rss: number
}

export interface TenantsResult {
  concurrency: number
  count: number
  wallMs: number
  /** CPU time of the checking process (user + system), without the forced collections: robust to a busy machine. */
  cpuMs: number
  /** Token requests the library made (retries included). */
  requests: number
  retries: number
  outcomes: Record<string, number>
  samples: TenantsSample[]
  peakRss: number
}

/** Tenant number i of the scenario: a stable GUID, so parent (fake) and child (check) agree without a table. */
export function tenantId(i: number): string {
  return `0000aaaa-0000-4000-8000-${String(i).padStart(12, '0')}`
}

/**
 * The mix of answers: mostly ready, some lacking a permission added later, some never consented or not onboarded,
 * a few unknown tenants and throttled once (Retry-After 1 s), as a partner's real list might look.
 */
export function setupFor(i: number):
  | {
      outcome: 'ready' | 'missing-permissions' | 'not-consented' | 'not-onboarded'
      roles?: string[]
      throttle?: { times: number; retryAfter: string }
    }
  | undefined {
  const m = i % 100
  if (m < 80) return { outcome: 'ready' }
  if (m < 90) return { outcome: 'missing-permissions', roles: ['Machine.Read.All'] }
  if (m < 95) return { outcome: 'not-consented' }
  if (m < 98) return { outcome: 'not-onboarded' }
  if (m < 99) return { outcome: 'ready', throttle: { times: 1, retryAfter: '1' } }
  return undefined // unknown tenant: AADSTS90002
}
