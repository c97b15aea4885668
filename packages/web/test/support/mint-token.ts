import { createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import type { JsonObject } from '@claimcheck/core'

/** A fresh RSA key for one test file: tests never reuse a checked-in key. */
export function testKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
}

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url')
}

/** RS256 compact JWS over exactly these header and payload objects. */
export function mintToken(header: JsonObject, payload: JsonObject, key: KeyObject): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`
  return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`
}

export function randomSegment(): string {
  return b64url(Buffer.from(Array.from({ length: 18 }, (_, i) => (i * 37 + 11) % 256)))
}

/** The key set (JWKS) that verifies tokens signed with `key`, as Entra would publish it. */
export function publicJwks(key: KeyObject, kid: string): { keys: Record<string, unknown>[] } {
  return { keys: [{ ...createPublicKey(key).export({ format: 'jwk' }), kid, use: 'sig', kty: 'RSA' }] }
}
