import { base64url, exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose'

/** One signing key of a test tenant: the private half signs, the public half is served in the key set. */
export interface SigningKey {
  kid: string
  privateKey: CryptoKey
  /** The public JWK as Entra serves it (without `issuer`, which depends on the tenant). */
  publicJwk: JWK & { kid: string; x5t: string }
}

/**
 * Entra's kid and x5t are the base64url SHA-1 thumbprint of the key's certificate. A test key has no
 * certificate, so the thumbprint is taken over the RFC 7638 members of the public key instead: same form, 27 characters.
 */
async function thumbprint(jwk: JWK): Promise<string> {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n })
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(canonical))
  return base64url.encode(new Uint8Array(digest))
}

/** A fresh 2048-bit RS256 key, the kind Entra signs access and ID tokens with. */
export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 })
  const exported = await exportJWK(publicKey)
  const kid = await thumbprint(exported)
  return {
    kid,
    privateKey,
    publicJwk: { kty: 'RSA', use: 'sig', kid, x5t: kid, n: exported.n as string, e: exported.e as string },
  }
}

/**
 * A signing key from a saved private RSA JWK (the kit CLI keeps its tenant's key in a file, so tokens minted by
 * `claimcheck kit mint` verify against `claimcheck kit serve` across restarts).
 */
export async function importSigningKey(privateJwk: JWK): Promise<SigningKey> {
  if (privateJwk?.kty !== 'RSA' || typeof privateJwk.n !== 'string' || typeof privateJwk.e !== 'string')
    throw new TypeError('signingKey must be a private RSA JWK (kty RSA with n, e, d, p, q, dp, dq, qi)')
  if (typeof privateJwk.d !== 'string')
    throw new TypeError('signingKey must be the private half (it has no d)')
  const privateKey = (await importJWK({ ...privateJwk, alg: 'RS256' }, 'RS256')) as CryptoKey
  const kid = await thumbprint(privateJwk)
  return {
    kid,
    privateKey,
    publicJwk: { kty: 'RSA', use: 'sig', kid, x5t: kid, n: privateJwk.n, e: privateJwk.e },
  }
}
