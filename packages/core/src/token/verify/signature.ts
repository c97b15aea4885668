import { compactVerify, importJWK } from 'jose'
import type { AcceptedKey } from '../../entra/keyset/accept-key.js'

/** Each accepted key is imported once (by jose) and kept with it; null when WebCrypto refused it. */
const importing = new WeakMap<AcceptedKey, Promise<CryptoKey | null>>()
const imported = new WeakMap<AcceptedKey, CryptoKey | null>()

// Not frozen: jose builds a Set from the list, and V8 takes a slow path for frozen arrays. jose does not mutate it.
const OPTIONS = { algorithms: ['RS256'] }
const verified = (): boolean => true
const refused = (): boolean => false

function cryptoKeyFor(key: AcceptedKey): Promise<CryptoKey | null> {
  let p = importing.get(key)
  if (!p) {
    // Only the public RSA members, as a JWK: jose never sees bytes or PEM it could mistake for an HMAC secret.
    p = importJWK({ ...key.jwk }, 'RS256').then((k) => (k instanceof Uint8Array ? null : k), () => null)
    p.then((k) => imported.set(key, k), () => undefined)
    importing.set(key, p)
  }
  return p
}

function verifyWith(compact: string, cryptoKey: CryptoKey | null): Promise<boolean> {
  return cryptoKey === null ? Promise.resolve(false) : compactVerify(compact, cryptoKey, OPTIONS).then(verified, refused)
}

/**
 * RS256 over the compact JWS, by jose, with the one key the kid selected. Resolves false for every failure: a bad
 * signature, a header jose refuses (crit, b64), or a key WebCrypto cannot import.
 */
export function verifyRs256(compact: string, key: AcceptedKey): Promise<boolean> {
  const ready = imported.get(key)
  if (ready !== undefined) return verifyWith(compact, ready)
  return cryptoKeyFor(key).then((k) => verifyWith(compact, k))
}
