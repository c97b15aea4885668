/**
 * A `WWW-Authenticate: Bearer …` value (RFC 6750 §3). Attribute values are quoted-strings; anything outside the
 * printable ASCII RFC 6750 allows is dropped, so no caller-controlled text can break the header.
 */
export function bearerChallenge(attributes: Readonly<Record<string, string | undefined>>): string {
  const parts: string[] = []
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue
    const safe = value.replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '')
    parts.push(`${name}="${safe}"`)
  }
  return parts.length === 0 ? 'Bearer' : `Bearer ${parts.join(', ')}`
}
