import { compactVerify, importJWK } from 'jose'
import type { AcceptedKey } from '../../entra/keyset/accept-key.js'

const imported = new WeakMap<AcceptedKey, Promise<CryptoKey | null>>()

function cryptoKeyFor(key: AcceptedKey): Promise<CryptoKey | null> {
  let p = imported.get(key)
  if (!p) {
    // Only the public RSA members, as a JWK: jose never sees bytes or PEM it could mistake for an HMAC secret.
    p = importJWK({ ...key.jwk }, 'RS256').then((k) => (k instanceof Uint8Array ? null : k), () => null)
    imported.set(key, p)
  }
  return p
}

/**
 * RS256 over the compact JWS, by jose, with the one key the kid selected. Returns false for every failure: a bad
 * signature, a header jose refuses (crit, b64), or a key WebCrypto cannot import.
 */
export async function verifyRs256(compact: string, key: AcceptedKey): Promise<boolean> {
  const cryptoKey = await cryptoKeyFor(key)
  if (cryptoKey === null) return false
  try {
    await compactVerify(compact, cryptoKey, { algorithms: ['RS256'] })
    return true
  } catch {
    return false
  }
}
