import { readPemBlocks } from './pem.js'

/** An app registration's certificate credential: the PKCS#8 private key and the certificate uploaded to the app. */
export interface CertificateCredential {
  /** PEM text with `-----BEGIN PRIVATE KEY-----` (PKCS#8, unencrypted). May be the same text as `certificatePem`. */
  privateKeyPem: string
  /** PEM text with `-----BEGIN CERTIFICATE-----`: the certificate whose public part is on the app registration. */
  certificatePem: string
}

/** What a signed assertion needs besides the key: who asks, where it is sent, when. */
export interface AssertionClaims {
  clientId: string
  /** The token endpoint URL the assertion is sent to: Entra checks `aud` against it. */
  tokenUrl: string
  now: Date
}

export type AssertionSigner = (claims: AssertionClaims) => Promise<string>

/** Entra accepts client assertions valid for a short while; ten minutes covers clock skew and slow queues. */
const ASSERTION_LIFETIME_SECONDS = 600

/**
 * Imports the certificate credential once (WebCrypto, RS256) and returns a signer for client assertions
 * (RFC 7523 as Entra documents it: `x5t#S256` header = base64url SHA-256 of the certificate's DER; `iss` = `sub` =
 * client ID; `aud` = the token endpoint; a fresh `jti`). Bad PEM input throws a TypeError naming the problem,
 * never the key material.
 */
export async function createCertificateSigner(credential: CertificateCredential): Promise<AssertionSigner> {
  const keyBlocks = readPemBlocks(credential.privateKeyPem)
  if (keyBlocks.some((b) => b.label === 'RSA PRIVATE KEY')) {
    throw new TypeError(
      'certificate: the key is PKCS#1 (BEGIN RSA PRIVATE KEY); convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem',
    )
  }
  if (keyBlocks.some((b) => b.label === 'ENCRYPTED PRIVATE KEY')) {
    throw new TypeError(
      'certificate: the key is encrypted; decrypt it first: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem',
    )
  }
  const key = keyBlocks.find((b) => b.label === 'PRIVATE KEY')
  if (key === undefined)
    throw new TypeError('certificate: no "-----BEGIN PRIVATE KEY-----" (PKCS#8) block found')
  const cert = readPemBlocks(credential.certificatePem).find((b) => b.label === 'CERTIFICATE')
  if (cert === undefined) throw new TypeError('certificate: no "-----BEGIN CERTIFICATE-----" block found')

  let privateKey: CryptoKey
  try {
    privateKey = await crypto.subtle.importKey(
      'pkcs8',
      key.der,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    )
  } catch {
    throw new TypeError('certificate: the private key is not an RSA PKCS#8 key WebCrypto can import')
  }
  const thumbprint = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', cert.der)))
  const header = encodeJson({ alg: 'RS256', typ: 'JWT', 'x5t#S256': thumbprint })

  return async ({ clientId, tokenUrl, now }: AssertionClaims): Promise<string> => {
    const iat = Math.floor(now.getTime() / 1000)
    const payload = encodeJson({
      aud: tokenUrl,
      iss: clientId,
      sub: clientId,
      jti: crypto.randomUUID(),
      nbf: iat,
      iat,
      exp: iat + ASSERTION_LIFETIME_SECONDS,
    })
    const input = `${header}.${payload}`
    const signature = await crypto.subtle.sign(
      'RSASSA-PKCS1-v1_5',
      privateKey,
      new TextEncoder().encode(input),
    )
    return `${input}.${base64url(new Uint8Array(signature))}`
  }
}

function encodeJson(value: object): string {
  return base64url(new TextEncoder().encode(JSON.stringify(value)))
}

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/(?<!=)=+$/, '')
}
