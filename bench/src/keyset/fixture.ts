import type { PublicJwk, Tenant } from '../entra-tokens.js'

/** Everything a key-set scenario process needs, minted once by the parent (no private key leaves it). */
export interface KeysetFixture {
  tenant: Tenant
  /** The key published from the start. */
  k1: PublicJwk
  /** The key that appears later (rotation) or that the clients have not fetched yet (outage). */
  k2: PublicJwk
  /** A valid K1 token used to warm a client up. */
  warm: string
  /** Distinct valid K1 tokens (cold burst; known-kid traffic during the outage). */
  k1Tokens: string[]
  /** Distinct valid K2 tokens. */
  k2Tokens: string[]
  /** Tokens naming random kids no key set has (their signatures are therefore beside the point). */
  unknownKid: string[]
}

export const KEYSET_PEERS = [
  'ours',
  'jose',
  'fast-jwt+get-jwks',
  'jsonwebtoken+jwks-rsa',
  'jwks-rsa rateLimit',
  'azure-ad-verify-token',
] as const
export type KeysetPeer = (typeof KEYSET_PEERS)[number]

export const KEYSET_SCENARIOS = ['cold-burst', 'unknown-kid-storm', 'rotation', 'outage'] as const
export type KeysetScenario = (typeof KEYSET_SCENARIOS)[number]

export interface ChildArgs {
  peer: KeysetPeer
  scenario: KeysetScenario
  fixturePath: string
  /** A verification without an answer after this long counts as hung. */
  opTimeoutMs: number
  /** How long to keep retrying a rotated key that was rejected on first use (0 = do not retry). */
  rotationRetryMs: number
  /** How long to keep retrying the new key after the outage ends, when the first try is rejected (0 = do not). */
  recoveryRetryMs: number
}

export interface PhaseCounts {
  metadata: number
  keys: number
  other: number
}

export interface PhaseResult {
  name: string
  tokens: number
  requests: PhaseCounts
  /** outcome → count; outcomes are `accepted`, `rejected: <reason>` or `no answer after N s`. */
  outcomes: Record<string, number>
  ms: number
}

export interface KeysetResult {
  peer: KeysetPeer
  scenario: KeysetScenario
  phases: PhaseResult[]
  /** Set when the peer could not be run at all, or the whole process had to be killed. */
  note?: string
}
