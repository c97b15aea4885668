// The one file outside src/cli allowed to import node:* (eslint.config.js says so): chosen by the package's
// `imports` map under the `node` condition (Node, Bun, Deno), never bundled for browsers or Workers.
import { createPublicKey, verify as cryptoVerify, type KeyObject } from 'node:crypto'
import type { AcceptedKey } from '../../../entra/keyset/accept-key.js'
import { signatureLengthFits, type Rs256Mode, type Rs256Verifier } from './backend.js'

/**
 * node:crypto: a KeyObject made once per accepted key, then `crypto.verify`. Synchronous verification is the fastest
 * for one request at a time (no hop to another thread); with several in flight the thread pool lets the RSA work run
 * on another core while this thread parses the next token. `adaptive` uses the pool only while another check is
 * already on it; with the key at hand each verification otherwise runs to completion on this thread, so in practice
 * it is synchronous. Measured (bench, 2026-11-30): always-pool costs a single caller more than half its speed
 * (0.75x jose against 1.73x synchronously) and gains only 23 -> 40 % of the floor at 16 in flight, where the
 * analysis on this thread, not the RSA work, is the limit. A detector of "several verifications this event-loop
 * turn" was tried and dropped: a promise-chained sequence looks busy to it and went to the pool (0.77x jose).
 */
export function createRs256Verifier(mode: Rs256Mode = 'adaptive'): Rs256Verifier {
  // Per verifier (not module-wide): each AcceptedKey is an immutable object the key-set layer created.
  const keyObjects = new WeakMap<AcceptedKey, KeyObject | null>()
  let inFlight = 0

  const keyObjectFor = (key: AcceptedKey): KeyObject | null => {
    let keyObject = keyObjects.get(key)
    if (keyObject === undefined) {
      try {
        keyObject = createPublicKey({ key: { kty: 'RSA', n: key.jwk.n, e: key.jwk.e }, format: 'jwk' })
      } catch {
        keyObject = null
      }
      keyObjects.set(key, keyObject)
    }
    return keyObject
  }

  return {
    name: 'node:crypto',
    verify(key, signingInput, signature) {
      const keyObject = keyObjectFor(key)
      if (keyObject === null || !signatureLengthFits(key, signature)) return false
      const data = Buffer.from(signingInput, 'latin1')
      const sig = Buffer.from(signature, 'base64url')
      if (mode === 'sync' || (mode === 'adaptive' && inFlight === 0)) {
        try {
          return cryptoVerify('sha256', data, keyObject, sig)
        } catch {
          return false
        }
      }
      inFlight++
      return new Promise<boolean>((resolve) => {
        try {
          cryptoVerify('sha256', data, keyObject, sig, (err, ok) => {
            inFlight--
            resolve(err === null && ok)
          })
        } catch {
          inFlight--
          resolve(false)
        }
      })
    },
  }
}
