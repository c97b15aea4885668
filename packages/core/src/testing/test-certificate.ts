import { readPemBlocks } from '../tenants/pem.js'

/** A self-signed certificate and its key, as a partner uploads one to an app registration ("Certificates & secrets"). */
export interface TestCertificate {
  /** `-----BEGIN PRIVATE KEY-----` (PKCS#8). */
  privateKeyPem: string
  /** `-----BEGIN CERTIFICATE-----`: upload this part to the test application (`certificatePem`). */
  certificatePem: string
  /** Key and certificate in one text: the form `claimcheck tenants --certificate <file>` reads. */
  pem: string
  /** base64url SHA-256 of the certificate's DER: the `x5t#S256` a client assertion names. */
  thumbprintS256: string
}

/**
 * Generates an RSA-2048 key and a minimal self-signed X.509 v3 certificate (CN=ClaimCheck test certificate),
 * with WebCrypto only, for testing certificate credentials without OpenSSL. Not for production use.
 */
export async function createTestCertificate(options: { now?: Date } = {}): Promise<TestCertificate> {
  const pair = await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  )
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey))
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey))
  const now = options.now ?? new Date()
  const name = seq(
    set(seq(oid([0x55, 0x04, 0x03]), tlv(0x0c, new TextEncoder().encode('ClaimCheck test certificate')))),
  )
  const serial = crypto.getRandomValues(new Uint8Array(16))
  serial[0] = ((serial[0] as number) & 0x7f) | 0x01 // positive and without a leading zero byte
  const tbs = seq(
    tlv(0xa0, tlv(0x02, new Uint8Array([2]))), // [0] version v3
    tlv(0x02, serial),
    SHA256_WITH_RSA,
    name,
    seq(utcTime(new Date(now.getTime() - 3600_000)), utcTime(new Date(now.getTime() + 365 * 86400_000))),
    name,
    spki,
  )
  const signature = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, tbs))
  const der = seq(tbs, SHA256_WITH_RSA, tlv(0x03, concat(new Uint8Array([0]), signature)))
  const privateKeyPem = pem('PRIVATE KEY', pkcs8)
  const certificatePem = pem('CERTIFICATE', der)
  return {
    privateKeyPem,
    certificatePem,
    pem: `${privateKeyPem}${certificatePem}`,
    thumbprintS256: base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', der))),
  }
}

/** base64url SHA-256 of the first certificate in a PEM text (`x5t#S256`); null when there is none. */
export async function thumbprintS256(certificatePem: string): Promise<string | null> {
  const cert = readPemBlocks(certificatePem).find((b) => b.label === 'CERTIFICATE')
  if (cert === undefined) return null
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', cert.der)))
}

function base64url(bytes: Uint8Array): string {
  return toBase64(bytes)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/(?<!=)=+$/, '')
}

// --- minimal DER ------------------------------------------------------------------------------------------------
const SHA256_WITH_RSA = seq(
  oid([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b]),
  new Uint8Array([0x05, 0x00]),
)

function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const body = concat(...parts)
  const n = body.length
  const length =
    n < 0x80
      ? [n]
      : n < 0x100
        ? [0x81, n]
        : n < 0x10000
          ? [0x82, n >> 8, n & 0xff]
          : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]
  return concat(new Uint8Array([tag, ...length]), body)
}

function seq(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  return tlv(0x30, ...parts)
}
function set(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  return tlv(0x31, ...parts)
}
function oid(encoded: number[]): Uint8Array<ArrayBuffer> {
  return tlv(0x06, new Uint8Array(encoded))
}

function utcTime(date: Date): Uint8Array<ArrayBuffer> {
  const iso = date.toISOString() // YYYY-MM-DDTHH:MM:SS.sssZ
  const text = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`
  return tlv(0x17, new TextEncoder().encode(text))
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function pem(label: string, der: Uint8Array): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}
