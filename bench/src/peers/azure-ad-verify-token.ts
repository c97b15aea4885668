import { verify } from 'azure-ad-verify-token'
import { audience, issuer, jwksUri, type PeerConfig, type Verify } from './config.js'

/**
 * azure-ad-verify-token as its README shows: `verify(token, { jwksUri, issuer, audience })`. Its key cache is
 * module-global and keyed by kid alone, so each key-set scenario runs it in a fresh process.
 */
export function azureAdVerifyToken(c: PeerConfig): Verify {
  const options = { jwksUri: jwksUri(c), issuer: issuer(c), audience: audience(c) }
  return (token) => verify(token, options)
}
