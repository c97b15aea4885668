import { createHash, generateKeyPairSync, randomBytes, randomUUID, sign, type KeyObject } from 'node:crypto'

/** A locally generated RSA-2048 signing key, published in the key set under `kid`. */
export interface SigningKey {
  kid: string
  privateKey: KeyObject
  publicKey: KeyObject
  /** The public JWK as Entra publishes it (kty, use, kid, x5t, n, e, issuer). */
  jwk: PublicJwk
  /** SPKI PEM, for the peers that take a PEM string. */
  pem: string
}

export interface PublicJwk {
  kty: 'RSA'
  use: 'sig'
  kid: string
  x5t: string
  n: string
  e: string
  issuer?: string
}

export type TokenVersion = 'v1' | 'v2'

/** The tenant and apps the benchmark's tokens are issued for (fresh GUIDs per run: nothing real). */
export interface Tenant {
  tenantId: string
  clientAppId: string
  servicePrincipalId: string
}

export const MDE_AUDIENCE = 'https://api.securitycenter.microsoft.com'
/** Microsoft 365 Defender's application ID: what `aud` carries in a v2 token for it. */
export const M365D_APP_ID = '8ee8fdad-f234-4243-8f3b-15c294843740'

export function newTenant(): Tenant {
  return { tenantId: randomUUID(), clientAppId: randomUUID(), servicePrincipalId: randomUUID() }
}

export function issuerFor(version: TokenVersion, tenantId: string): string {
  return version === 'v1'
    ? `https://sts.windows.net/${tenantId}/`
    : `https://login.microsoftonline.com/${tenantId}/v2.0`
}

export function audienceFor(version: TokenVersion): string {
  return version === 'v1' ? MDE_AUDIENCE : M365D_APP_ID
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url')
}

/** Entra's kids look like base64url SHA-1 thumbprints (27 characters); so do ours. */
function thumbprintLike(seed: Buffer): string {
  return createHash('sha1').update(seed).digest('base64url')
}

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicExponent: 0x10001,
  })
  const exported = publicKey.export({ format: 'jwk' })
  const kid = thumbprintLike(publicKey.export({ format: 'der', type: 'spki' }))
  if (typeof exported.n !== 'string' || typeof exported.e !== 'string')
    throw new Error('RSA JWK export failed')
  return {
    kid,
    privateKey,
    publicKey,
    jwk: { kty: 'RSA', use: 'sig', kid, x5t: kid, n: exported.n, e: exported.e },
    pem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  }
}

/** A random kid nobody publishes (the unknown-kid storm). */
export function randomKid(): string {
  return thumbprintLike(randomBytes(32))
}

export interface MintOptions {
  version: TokenVersion
  tenant: Tenant
  key: SigningKey
  /** Issue time, epoch seconds. */
  iat: number
  /** Overrides the header's kid (x5t follows), e.g. to name a key the set does not have. */
  kid?: string
}

/** Claims shaped like a real client-credentials token for Defender for Endpoint (v1) or Defender XDR (v2). */
export function entraClaims(o: MintOptions): Record<string, unknown> {
  const { tenant, version, iat } = o
  const common = {
    aud: audienceFor(version),
    iss: issuerFor(version, tenant.tenantId),
    iat,
    nbf: iat,
    exp: iat + 3599 + Math.floor(Math.random() * 600),
    aio: b64url(randomBytes(48)),
  }
  const rh = `0.A${b64url(randomBytes(40))}.`
  const uti = b64url(randomBytes(16))
  if (version === 'v1') {
    return {
      ...common,
      app_displayname: 'Contoso SOC automation',
      appid: tenant.clientAppId,
      appidacr: '1',
      idp: `https://sts.windows.net/${tenant.tenantId}/`,
      idtyp: 'app',
      oid: tenant.servicePrincipalId,
      rh,
      roles: ['Machine.Read.All', 'Alert.Read.All', 'Ti.ReadWrite', 'Vulnerability.Read.All'],
      sub: tenant.servicePrincipalId,
      tenant_region_scope: 'EU',
      tid: tenant.tenantId,
      uti,
      ver: '1.0',
      xms_idrel: '7 30',
    }
  }
  return {
    ...common,
    azp: tenant.clientAppId,
    azpacr: '1',
    idtyp: 'app',
    oid: tenant.servicePrincipalId,
    rh,
    roles: ['Incident.Read.All', 'AdvancedHunting.Read.All', 'Alert.Read.All'],
    sub: tenant.servicePrincipalId,
    tid: tenant.tenantId,
    uti,
    ver: '2.0',
    xms_idrel: '7 26',
  }
}

export function mintToken(o: MintOptions): string {
  const kid = o.kid ?? o.key.kid
  const header = { typ: 'JWT', alg: 'RS256', x5t: kid, kid }
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(entraClaims(o)))}`
  const signature = sign('sha256', Buffer.from(signingInput), o.key.privateKey)
  return `${signingInput}.${b64url(signature)}`
}

/** `count` distinct tokens (each has its own uti, aio and rh), for first-sight measurements. */
export function mintMany(count: number, o: MintOptions): string[] {
  const out: string[] = []
  for (let i = 0; i < count; i++) out.push(mintToken(o))
  return out
}

/**
 * The same token under a header naming another kid. Its signature no longer matches anything, which does not
 * matter for a kid that no key set has: the point is what a client does to find the key.
 */
export function withKid(token: string, kid: string): string {
  const rest = token.slice(token.indexOf('.'))
  return `${b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', x5t: kid, kid }))}${rest}`
}
