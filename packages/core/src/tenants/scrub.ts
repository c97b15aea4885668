/** Anything shaped like a JWS (a token or an assertion), wherever it appears in a text. */
const JWS_LIKE = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g

/**
 * Removes the known secrets and anything shaped like a token from a text before it is put on a result. The text
 * comes from the token endpoint (error descriptions), which should never echo a credential; this makes sure of it.
 */
export function scrubber(secrets: readonly string[]): (text: string) => string {
  const known = secrets.filter((s) => s.length >= 4)
  return (text: string): string => {
    let out = text.replace(JWS_LIKE, '[redacted]')
    for (const secret of known) out = out.split(secret).join('[redacted]')
    return out
  }
}
