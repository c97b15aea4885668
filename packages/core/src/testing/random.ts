import { base64url } from 'jose'

export function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length)
  crypto.getRandomValues(bytes)
  return bytes
}

/** A random version-4 GUID in Entra's lower-case form. */
export function randomGuid(): string {
  const b = randomBytes(16)
  b[6] = ((b[6] as number) & 0x0f) | 0x40
  b[8] = ((b[8] as number) & 0x3f) | 0x80
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** `uti`: Entra's token identifier, 16 random bytes in base64url (22 characters). */
export function randomUti(): string {
  return base64url.encode(randomBytes(16))
}

/** `rh`: an opaque refresh hint Entra uses internally; only its shape ("0.A…") matters to anyone else. */
export function randomRh(): string {
  return `0.A${base64url.encode(randomBytes(60))}.`
}

/** `aio`: opaque internal data, base64 (with padding) in real tokens. */
export function randomAio(): string {
  let binary = ''
  for (const byte of randomBytes(64)) binary += String.fromCharCode(byte)
  return btoa(binary)
}
