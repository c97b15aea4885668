import type { AcceptedKey } from '../../../entra/keyset/accept-key.js'
import { decodeBase64Url } from '../../../lib/base64url.js'
import { signatureLengthFits, type Rs256Mode, type Rs256Verifier } from './backend.js'

const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const
const encoder = new TextEncoder()

/** WebCrypto (browsers, Cloudflare Workers, Deno): a CryptoKey imported once per accepted key, then subtle.verify. */
export function createRs256Verifier(_mode: Rs256Mode = 'adaptive'): Rs256Verifier {
  const cryptoKeys = new WeakMap<AcceptedKey, Promise<CryptoKey | null>>()

  const cryptoKeyFor = (key: AcceptedKey): Promise<CryptoKey | null> => {
    let cryptoKey = cryptoKeys.get(key)
    if (cryptoKey === undefined) {
      const jwk: JsonWebKey = { kty: 'RSA', n: key.jwk.n, e: key.jwk.e, alg: 'RS256', ext: true }
      cryptoKey = crypto.subtle.importKey('jwk', jwk, ALGORITHM, false, ['verify']).then(
        (k) => k,
        () => null,
      )
      cryptoKeys.set(key, cryptoKey)
    }
    return cryptoKey
  }

  return {
    name: 'webcrypto',
    async verify(key, signingInput, signature) {
      if (!signatureLengthFits(key, signature)) return false
      const bytes = decodeBase64Url(signature)
      const cryptoKey = await cryptoKeyFor(key)
      if (cryptoKey === null || !bytes.ok) return false
      try {
        return await crypto.subtle.verify(
          ALGORITHM,
          cryptoKey,
          bytes.bytes as Uint8Array<ArrayBuffer>,
          encoder.encode(signingInput),
        )
      } catch {
        return false
      }
    },
  }
}
