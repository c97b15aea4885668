import { boundedPool } from './bounded-pool.js'
import { checkTenant, type TenantContext } from './check-tenant.js'
import { prepareCredential } from './client-credential.js'
import { resolveOptions, type CheckTenantsOptions } from './options.js'
import type { TenantResult } from './result.js'
import { scrubber } from './scrub.js'
import type { TenantEntry } from './tenant-list.js'

export type { CheckTenantsOptions } from './options.js'

/** Why the run ended before every tenant was tried. */
export interface StoppedEarly {
  outcome: 'credential-problem'
  /** The tenant whose answer stopped the run. */
  tenant: string
  /** Tenants never tried. */
  untried: number
}

/** Results as they come (completion order), plus what the run did; iterate once. */
export interface TenantCheckRun extends AsyncIterable<TenantResult> {
  /** Set once the run stopped on a credential problem (read it after iterating). */
  readonly stoppedEarly: StoppedEarly | null
  /** Token requests made so far (retries included). */
  readonly requests: number
  /** Retries taken from the run's budget so far. */
  readonly retries: number
}

/**
 * Checks a partner app's consent in many customer tenants: per tenant, a client-credentials token from the v2
 * token endpoint (`scope={resource}/.default`), judged offline with inspectToken, and an outcome
 * (outcomes.ts). Bounded concurrency, a per-request timeout, Retry-After on 429 and jittered backoff on 5xx within
 * one retry budget for the run. A `credential-problem` stops the run: every tenant would fail the same way.
 *
 * Does NOT verify the token's signature (it came straight from Entra over TLS), call the Defender API, or check
 * that the Defender product works in the tenant beyond its service principal. Never returns or logs the secret,
 * an assertion or a token. Option misuse throws a TypeError at once; a bad certificate throws one on first iteration.
 */
export function checkTenants(options: CheckTenantsOptions): TenantCheckRun {
  const config = resolveOptions(options)
  let stoppedEarly: StoppedEarly | null = null
  let requests = 0
  let started = false

  async function* run(): AsyncGenerator<TenantResult, void, undefined> {
    if (started) throw new TypeError('checkTenants: a run can be iterated once; call checkTenants again')
    started = true
    const credential = await prepareCredential(options.credential)
    const scrub = scrubber(credential.secrets)
    const source = entries(options.tenants)
    let stopper: string | null = null
    const context: TenantContext = {
      ...config,
      credential,
      scrub,
      countRequest: () => {
        requests++
      },
    }
    for await (const result of boundedPool(
      source,
      config.concurrency,
      async (entry, signal) => {
        const result = await checkTenant(entry, context, signal)
        // Decided as the answer arrives, not when the consumer reads it: no tenant is pulled after it.
        if (result.outcome === 'credential-problem' && stopper === null) stopper = result.tenant
        return result
      },
      () => stopper !== null,
    )) {
      yield result
    }
    if (stopper !== null) {
      let untried = 0
      for (let step = await source.next(); step.done !== true; step = await source.next()) untried++
      stoppedEarly = { outcome: 'credential-problem', tenant: stopper, untried }
    }
  }

  return {
    [Symbol.asyncIterator]: () => run(),
    get stoppedEarly() {
      return stoppedEarly
    },
    get requests() {
      return requests
    },
    get retries() {
      return config.retry.used
    },
  }
}

async function* entries(
  tenants: Iterable<string | TenantEntry> | AsyncIterable<string | TenantEntry>,
): AsyncGenerator<TenantEntry, void, undefined> {
  for await (const item of tenants) {
    if (typeof item === 'string') yield { tenant: item }
    else if (typeof item === 'object' && item !== null && typeof item.tenant === 'string') yield item
    else throw new TypeError('checkTenants: each tenant must be a string or { tenant, cloud? }')
  }
}
