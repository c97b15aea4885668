import type { SigningKey, Tenant, TokenVersion } from '../entra-tokens.js'
import { audienceFor, issuerFor } from '../entra-tokens.js'

/** What every contestant is told: the API's audience and issuer for one token version, and where the keys are. */
export interface PeerConfig {
  version: TokenVersion
  tenant: Tenant
  /** The local server standing in for login.microsoftonline.com. */
  origin: string
}

/** The public half of the signing key, for the contestants handed a key rather than a key set. */
export type KeyInHand = Pick<SigningKey, 'jwk' | 'pem' | 'publicKey'>

export function issuer(c: PeerConfig): string {
  return issuerFor(c.version, c.tenant.tenantId)
}

export function audience(c: PeerConfig): string {
  return audienceFor(c.version)
}

/**
 * The key set URL Microsoft documents for a tenant (`https://login.microsoftonline.com/{tid}/discovery/v2.0/keys`),
 * on the local server. Entra signs v1 and v2 tokens with the same keys.
 */
export function jwksUri(c: PeerConfig): string {
  return `${c.origin}/${c.tenant.tenantId}/discovery/v2.0/keys`
}

/** A verification that resolves when the token is accepted and rejects (with the library's error) otherwise. */
export type Verify = (token: string) => Promise<unknown>

/** A short, stable description of why a library rejected a token, for outcome tallies. */
export function reasonOf(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as Error & { code?: unknown }).code
    if (typeof code === 'string' && code.length > 0) return code
    return err.name === 'Error' ? err.message.slice(0, 60) : err.name
  }
  return String(err).slice(0, 60)
}
