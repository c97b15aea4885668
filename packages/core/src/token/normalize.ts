export interface NormalizedInput {
  token: string
  /** What was removed, in the order it was found, for the input-normalized finding. */
  removed: string[]
}

const HEADER_NAME = /^authorization\s*:\s*/i
const BEARER = /^bearer\s+/i

/**
 * Accepts what people paste: a raw token, "Bearer <jwt>", a whole "Authorization: Bearer <jwt>" header line,
 * or any of these in quotes. Whitespace inside the token is left alone: it makes the token malformed, and the
 * decoder says where.
 */
export function normalizeInput(raw: string): NormalizedInput {
  const removed: string[] = []
  let s = raw
  const trimmed = s.trim()
  if (trimmed !== s) {
    removed.push('surrounding whitespace')
    s = trimmed
  }
  for (let pass = 0; pass < 3; pass++) {
    const before = s
    if (s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'")))) {
      s = s.slice(1, -1).trim()
      removed.push('quotes')
    }
    if (HEADER_NAME.test(s)) {
      s = s.replace(HEADER_NAME, '')
      removed.push('"Authorization:" header name')
    }
    if (BEARER.test(s)) {
      s = s.replace(BEARER, '').trim()
      removed.push('"Bearer " prefix')
    }
    if (s === before) break
  }
  return { token: s, removed }
}
