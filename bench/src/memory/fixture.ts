import type { PublicJwk, Tenant } from '../entra-tokens.js'

export interface MemoryFixture {
  tenant: Tenant
  key: PublicJwk
  /** Distinct valid v1 tokens, cycled through. */
  tokens: string[]
}

export interface MemoryArgs {
  subject: 'ours' | 'jose'
  fixturePath: string
  /** Verifications before the first sample (caches fill, JIT settles). */
  warmup: number
  /** Verifications after it, sampled at each quarter. */
  count: number
}

export interface MemorySample {
  /** Verifications since the warm-up sample. */
  after: number
  heapUsed: number
  rss: number
}

export interface MemoryResult {
  subject: MemoryArgs['subject']
  samples: MemorySample[]
  note?: string
}
