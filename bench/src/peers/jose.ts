import { createRemoteJWKSet, importJWK, jwtVerify } from 'jose'
import { audience, issuer, jwksUri, type KeyInHand, type PeerConfig, type Verify } from './config.js'

const ALGORITHMS = ['RS256']

/** Bare `jose.jwtVerify` with the key in hand: the baseline every ratio is taken against. */
export async function bareJose(c: PeerConfig, keyInHand: Pick<KeyInHand, 'jwk'>): Promise<Verify> {
  const key = await importJWK(keyInHand.jwk, 'RS256')
  const options = { issuer: issuer(c), audience: audience(c), algorithms: ALGORITHMS }
  return (token) => jwtVerify(token, key, options)
}

/** jose with its remote key set (`createRemoteJWKSet`, default cooldown and cache age), as its docs show. */
export function remoteJose(c: PeerConfig): Verify {
  const keys = createRemoteJWKSet(new URL(jwksUri(c)))
  const options = { issuer: issuer(c), audience: audience(c), algorithms: ALGORITHMS }
  return (token) => jwtVerify(token, keys, options)
}
