import { verify as nodeVerify, webcrypto } from 'node:crypto'
import type { PeerConfig } from './config.js'

/**
 * The cost of the RSA signature check alone, without parsing or claims: the floor any validator sits on.
 * node:crypto runs on the calling thread; WebCrypto's subtle.verify runs on libuv's thread pool.
 */
export function signatureParts(token: string): { data: Buffer; signature: Buffer } {
  const dot = token.lastIndexOf('.')
  return { data: Buffer.from(token.slice(0, dot)), signature: Buffer.from(token.slice(dot + 1), 'base64url') }
}

export function nodeCryptoFloor(c: PeerConfig): (token: string) => Promise<unknown> {
  const key = c.key.publicKey
  return async (token) => {
    const { data, signature } = signatureParts(token)
    if (!nodeVerify('sha256', data, key, signature)) throw new Error('bad signature')
  }
}

export async function webCryptoFloor(c: PeerConfig): Promise<(token: string) => Promise<unknown>> {
  const key = await webcrypto.subtle.importKey('jwk', c.key.jwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, [
    'verify',
  ])
  return async (token) => {
    const { data, signature } = signatureParts(token)
    if (!(await webcrypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature, data))) throw new Error('bad signature')
  }
}
