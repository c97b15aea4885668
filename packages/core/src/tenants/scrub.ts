/** Anything shaped like a JWS (a token or an assertion), wherever it appears in a text. */
const JWS_LIKE = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g

/** Shorter forms of a secret would redact ordinary words and say nothing about the secret. */
const MIN_NEEDLE = 4

export interface Scrubber {
  (text: string): string
  /** The same scrubber, also hiding these values (a per-request assertion, say) in every encoding. */
  with(secrets: readonly string[]): Scrubber
}

/**
 * Removes the known secrets and anything shaped like a token from a text before it is put on a result. The text
 * comes from the token endpoint (error descriptions), which should never echo a credential; this makes sure of it,
 * in every encoding a server could echo it in: verbatim, form-encoded (`~` → `%7E`, space → `+`), percent-encoded
 * (either case of hex digit), JSON-escaped, and base64 / base64url at any byte alignment. Callers scrub whole texts
 * before cutting them, so a secret cut in half is never shown either.
 */
export function scrubber(secrets: readonly string[]): Scrubber {
  const needles = [...new Set(secrets.flatMap(encodings))]
    .filter((n) => n.length >= MIN_NEEDLE)
    // Longest first: a long encoding is replaced before a shorter one inside it could break it up.
    .sort((a, b) => b.length - a.length)
  const scrub = (text: string): string => {
    let out = text.replace(JWS_LIKE, '[redacted]')
    for (const needle of needles) if (out.includes(needle)) out = out.split(needle).join('[redacted]')
    return out
  }
  return Object.assign(scrub, {
    with: (more: readonly string[]): Scrubber => scrubber([...secrets, ...more]),
  })
}

/** Every form in which `secret` may come back inside a server's text. */
export function encodings(secret: string): string[] {
  if (secret.length < MIN_NEEDLE) return []
  const percent = encodeURIComponent(secret)
  const form = new URLSearchParams({ s: secret }).toString().slice(2)
  const json = JSON.stringify(secret).slice(1, -1)
  const jsonAscii = json.replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  const forms = [
    secret,
    percent,
    lowerHex(percent),
    form,
    lowerHex(form),
    json,
    jsonAscii,
    json.replace(/\//g, '\\/'),
  ]
  const bytes = new TextEncoder().encode(secret)
  for (let offset = 0; offset < 3; offset++) {
    const b64 = base64Inner(bytes, offset)
    if (b64 !== '') forms.push(b64, b64.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  return forms
}

/** Percent-escapes with lower-case hex digits (`%7e`): servers differ. */
function lowerHex(text: string): string {
  return text.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())
}

/**
 * The base64 characters that depend on `bytes` alone when they start `offset` bytes into a larger base64'd text:
 * characters shared with the bytes before or after are left out, so the needle matches wherever it sits.
 */
function base64Inner(bytes: Uint8Array, offset: number): string {
  const padded = new Uint8Array(offset + bytes.length)
  padded.set(bytes, offset)
  let binary = ''
  for (const b of padded) binary += String.fromCharCode(b)
  const full = btoa(binary).replace(/(?<!=)=+$/, '')
  const head = [0, 2, 3][offset] as number
  const tail = (offset + bytes.length) % 3 === 0 ? 0 : 1
  return full.slice(head, full.length - tail)
}
