import jwt, { type GetPublicKeyOrSecret, type VerifyOptions } from 'jsonwebtoken'
import jwksClient from 'jwks-rsa'
import { audience, issuer, jwksUri, type KeyInHand, type PeerConfig, type Verify } from './config.js'

function options(c: PeerConfig): VerifyOptions & { complete?: false } {
  return { algorithms: ['RS256'], issuer: issuer(c), audience: audience(c) }
}

/** jsonwebtoken with a PEM string in hand (it parses the PEM on every call). */
export function jsonwebtokenPem(c: PeerConfig, key: KeyInHand): Verify {
  const opts = options(c)
  return async (token) => jwt.verify(token, key.pem, opts)
}

/**
 * jsonwebtoken + jwks-rsa as jwks-rsa's README and examples show: `jwksClient({ jwksUri })` (cache on by default,
 * rate limiting off by default) and a `getKey(header, callback)` that asks the client for the header's kid.
 * `rateLimit: true` is the documented opt-in (jwksRequestsPerMinute, default 10).
 */
export function jsonwebtokenJwksRsa(c: PeerConfig, rateLimit = false): Verify {
  const client = jwksClient({
    jwksUri: jwksUri(c),
    ...(rateLimit ? { rateLimit: true, jwksRequestsPerMinute: 10 } : {}),
  })
  const getKey: GetPublicKeyOrSecret = (header, callback) => {
    client.getSigningKey(header.kid, (err, key) => {
      if (err || key === undefined) callback(err ?? new Error('no key'))
      else callback(null, key.getPublicKey())
    })
  }
  const opts = options(c)
  return (token) =>
    new Promise((resolve, reject) => {
      jwt.verify(token, getKey, opts, (err, payload) => (err ? reject(err) : resolve(payload)))
    })
}
