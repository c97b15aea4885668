import type { AcceptedKey } from '../../../entra/keyset/accept-key.js'

/**
 * RSASSA-PKCS1-v1_5 with SHA-256, on the platform's own cryptography, after our strict decoder (one parse per
 * token). The algorithm is fixed here, never read from a token, and only ever given a public RSA key built from an
 * accepted JWK's n and e: nothing can turn it into an HMAC check.
 */
export interface Rs256Verifier {
  /**
   * Whether `signature` (canonical base64url, as the decoder checked) signs `signingInput` (the token's first two
   * segments and their dot) with `key`. Resolves false for every failure; never throws.
   */
  verify(key: AcceptedKey, signingInput: string, signature: string): boolean | Promise<boolean>
  /** Which backend this is, for reports and benchmarks. */
  readonly name: 'node:crypto' | 'webcrypto'
}

/** How the node backend runs the RSA work: on the calling thread, or on libuv's thread pool. */
export type Rs256Mode = 'sync' | 'thread-pool' | 'adaptive'

/** RFC 8017 §8.2.2: the signature is exactly as long as the modulus; anything else fails before any arithmetic. */
export function signatureLengthFits(key: AcceptedKey, signatureSegment: string): boolean {
  const bytes = Math.floor((signatureSegment.length * 3) / 4)
  return bytes === Math.ceil(key.bits / 8)
}
