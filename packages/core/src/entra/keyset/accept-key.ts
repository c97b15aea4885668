import { decodeBase64Url } from '../../lib/base64url.js'
import { isJsonObject, ownValue, type JsonValue } from '../../lib/json.js'
import { hasRocaFingerprint } from './roca.js'

/** Smallest RSA modulus Entra's keys (and NIST) allow. */
export const MIN_RSA_BITS = 2048
/** Longer kids are not Entra's; they are never looked up (and never cause a refetch). */
export const MAX_KID_LENGTH = 256

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const

/** A key that passed every rule: only its public RSA members are ever handed to the cryptography. */
export interface AcceptedKey {
  kid: string
  jwk: { kty: 'RSA'; n: string; e: 'AQAB' }
  /** The key's `issuer` property (Entra's v2 key sets carry one, possibly with `{tenantid}`), or null. */
  issuer: string | null
  bits: number
}

export interface RejectedKey {
  kid: string | null
  reason: string
}

export type KeyVerdict = { ok: true; key: AcceptedKey } | { ok: false; rejected: RejectedKey }

function bitLength(bytes: Uint8Array): number {
  let k = 0
  while (k < bytes.length && bytes[k] === 0) k++
  if (k === bytes.length) return 0
  return (bytes.length - k - 1) * 8 + (32 - Math.clz32(bytes[k] as number))
}

/**
 * The rules for a key Entra could have published: RSA, e = AQAB, at least 2048 bits, use "sig" (or absent), alg RS256
 * (or absent), key_ops including verify (or absent), no private material, no ROCA fingerprint. jose alone would accept
 * e = 1 or a factorable key.
 */
export function acceptKey(value: JsonValue): KeyVerdict {
  if (!isJsonObject(value))
    return { ok: false, rejected: { kid: null, reason: 'the entry is not a JSON object' } }
  const kidValue = ownValue(value, 'kid')
  const kid =
    typeof kidValue === 'string' && kidValue.length > 0 && kidValue.length <= MAX_KID_LENGTH ? kidValue : null
  const reject = (reason: string): KeyVerdict => ({ ok: false, rejected: { kid, reason } })
  if (kid === null) return reject('it has no usable kid')
  const kty = ownValue(value, 'kty')
  if (kty !== 'RSA') return reject(`its kty is ${JSON.stringify(kty ?? null)}, not RSA`)
  const present = PRIVATE_MEMBERS.filter((m) => Object.hasOwn(value, m))
  if (present.length > 0)
    return reject(
      `it contains private key material (${present.join(', ')}); a published key set must hold public keys only`,
    )
  const use = ownValue(value, 'use')
  if (use !== undefined && use !== 'sig') return reject(`its use is ${JSON.stringify(use)}, not "sig"`)
  const alg = ownValue(value, 'alg')
  if (alg !== undefined && alg !== 'RS256') return reject(`its alg is ${JSON.stringify(alg)}, not RS256`)
  const ops = ownValue(value, 'key_ops')
  if (ops !== undefined && !(Array.isArray(ops) && ops.includes('verify')))
    return reject('its key_ops do not include "verify"')
  const e = ownValue(value, 'e')
  if (e !== 'AQAB') return reject(`its exponent is ${JSON.stringify(e ?? null)}, not AQAB (65537)`)
  const n = ownValue(value, 'n')
  const modulus = typeof n === 'string' ? decodeBase64Url(n) : null
  if (modulus === null || !modulus.ok) return reject('its modulus n is not canonical base64url')
  if (modulus.bytes[0] === 0) return reject('its modulus n has a leading zero byte')
  const bits = bitLength(modulus.bytes)
  if (bits < MIN_RSA_BITS)
    return reject(`it is a ${bits}-bit RSA key; at least ${MIN_RSA_BITS} bits are required`)
  if (hasRocaFingerprint(modulus.bytes))
    return reject('its modulus has the ROCA fingerprint (CVE-2017-15361): it can be factored')
  const issuer = ownValue(value, 'issuer')
  if (issuer !== undefined && typeof issuer !== 'string') return reject('its issuer property is not a string')
  return {
    ok: true,
    key: { kid, jwk: { kty: 'RSA', n: n as string, e: 'AQAB' }, issuer: issuer ?? null, bits },
  }
}
