/** What the Authorization header brought: nothing usable as a bearer token, or the token text. */
export type Credentials = { kind: 'none' } | { kind: 'bearer'; token: string }

/**
 * RFC 6750 §2.1: `Authorization: Bearer <token>`, scheme case-insensitive. Another scheme (Basic, Negotiate) counts
 * as no bearer credentials, so the answer is the bare challenge. The query-string and form-body methods of §2.2/2.3
 * are not supported: tokens in URLs end up in logs.
 */
export function readCredentials(authorization: string | null | undefined): Credentials {
  if (typeof authorization !== 'string') return { kind: 'none' }
  const value = authorization.trim()
  const space = value.search(/[ \t]/)
  const scheme = space < 0 ? value : value.slice(0, space)
  if (scheme.toLowerCase() !== 'bearer') return { kind: 'none' }
  // An empty token is still a bearer attempt: the verifier refuses it (token-malformed), so the answer is invalid_token.
  return { kind: 'bearer', token: space < 0 ? '' : value.slice(space).trim() }
}
