/** One PEM block's label and DER bytes. */
export interface PemBlock {
  label: string
  der: Uint8Array<ArrayBuffer>
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g

/** Every PEM block in a text (a key and a certificate may share one file); malformed base64 throws a TypeError. */
export function readPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = []
  for (const match of text.matchAll(BLOCK)) {
    const label = match[1] ?? ''
    const body = (match[2] ?? '').replace(/\s+/g, '')
    // Encrypted PKCS#8 and legacy OpenSSL headers ("Proc-Type:") are not base64: reject with the label, not the content.
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body))
      throw new TypeError(`PEM block ${label} is not plain base64 (an encrypted or legacy-format key?)`)
    const binary = atob(body)
    const der = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) der[i] = binary.charCodeAt(i)
    blocks.push({ label, der })
  }
  return blocks
}
