import { createVerifier } from 'fast-jwt'
import buildGetJwks from 'get-jwks'
import { audience, issuer, type KeyInHand, type PeerConfig, type Verify } from './config.js'

/** fast-jwt with a PEM key in hand (synchronous, node:crypto): the fastest a Node validator gets. */
export function fastJwtStatic(c: PeerConfig, key: KeyInHand): Verify {
  const verify = createVerifier({
    key: key.pem,
    algorithms: ['RS256'],
    allowedIss: issuer(c),
    allowedAud: audience(c),
  })
  return async (token) => verify(token)
}

/**
 * fast-jwt + get-jwks as get-jwks's README shows (key callback → getPublicKey({ kid, alg, domain }), an allow-list
 * of domains). Entra's key set is not at `/.well-known/jwks.json`, so the domain is the tenant's authority and
 * `jwksPath` names Entra's path; both point at the local server. `cache` turns on fast-jwt's verified-token cache.
 */
export function fastJwtGetJwks(c: PeerConfig, cache = false): Verify {
  const domain = `${c.origin}/${c.tenant.tenantId}`
  const getJwks = buildGetJwks({ issuersWhitelist: [domain], jwksPath: '/discovery/v2.0/keys' })
  const verify = createVerifier({
    key: async ({ header }: { header: { kid?: string; alg?: string } }) =>
      getJwks.getPublicKey({ kid: header.kid, alg: header.alg, domain }),
    algorithms: ['RS256'],
    allowedIss: issuer(c),
    allowedAud: audience(c),
    cache,
  })
  return (token) => verify(token)
}
