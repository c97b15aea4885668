/**
 * Fills the array with random bytes in place: the shape of Web Crypto's `crypto.getRandomValues`, so tests can pass
 * a fixed source.
 */
export type RandomSource = (bytes: Uint8Array<ArrayBuffer>) => unknown

const STATE_BYTES = 16

/** A fresh state value: 128 random bits in hex, from Web Crypto unless another source is injected. */
export function randomState(random?: RandomSource): string {
  const bytes = new Uint8Array(STATE_BYTES)
  if (random) random(bytes)
  else globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
