import { verify as nodeVerify, webcrypto } from 'node:crypto'
import type { KeyInHand } from './config.js'

/**
 * The cost of the RSA signature check alone, without parsing or claims: the floor any validator sits on.
 * node:crypto runs on the calling thread; WebCrypto's subtle.verify runs on libuv's thread pool.
 */
export function signatureParts(token: string): { data: Buffer; signature: Buffer } {
  const dot = token.lastIndexOf('.')
  return { data: Buffer.from(token.slice(0, dot)), signature: Buffer.from(token.slice(dot + 1), 'base64url') }
}

export function nodeCryptoFloor(keyInHand: KeyInHand): (token: string) => Promise<unknown> {
  const key = keyInHand.publicKey
  return async (token) => {
    const { data, signature } = signatureParts(token)
    if (!nodeVerify('sha256', data, key, signature)) throw new Error('bad signature')
  }
}

/** The same check on libuv's thread pool (crypto.verify with a callback): another core can do the RSA work. */
export function nodeCryptoPoolFloor(keyInHand: KeyInHand): (token: string) => Promise<unknown> {
  const key = keyInHand.publicKey
  return (token) => {
    const { data, signature } = signatureParts(token)
    return new Promise((resolve, reject) => {
      nodeVerify('sha256', data, key, signature, (err, ok) =>
        err === null && ok ? resolve(undefined) : reject(err ?? new Error('bad signature')),
      )
    })
  }
}

export async function webCryptoFloor(keyInHand: KeyInHand): Promise<(token: string) => Promise<unknown>> {
  const key = await webcrypto.subtle.importKey(
    'jwk',
    keyInHand.jwk,
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['verify'],
  )
  return async (token) => {
    const { data, signature } = signatureParts(token)
    if (!(await webcrypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature, data)))
      throw new Error('bad signature')
  }
}
