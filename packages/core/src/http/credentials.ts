/** What the Authorization header brought: no bearer credentials, a well-formed token, or a malformed attempt. */
export type Credentials =
  | { kind: 'none' }
  | { kind: 'bearer'; token: string }
  /** A bearer attempt that breaks RFC 6750 §2.1; `problem` is a short sentence for error_description. */
  | { kind: 'malformed'; problem: string }

// RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/
const SCHEME_END = /[ \t]/

/**
 * RFC 6750 §2.1: `Bearer` (any case), one or more spaces, one b64token, nothing after. Another scheme (Basic,
 * Negotiate) or no header counts as no bearer credentials, so the answer is the bare challenge. Anything else that
 * starts with `Bearer` — quotes, a second token, a repeated scheme, an empty token, a tab, characters outside
 * b64token, two Authorization headers — is malformed (400 invalid_request): guessing which token was meant would let
 * a proxy and the API read different ones. Pass every header value the request carried (an array when the framework
 * keeps them apart: Node merges or drops duplicates of Authorization in `req.headers`). The query-string and
 * form-body methods of §2.2/2.3 are not supported: tokens in URLs end up in logs.
 */
export function readCredentials(authorization: string | readonly string[] | null | undefined): Credentials {
  if (authorization === null || authorization === undefined) return { kind: 'none' }
  if (typeof authorization !== 'string') {
    if (authorization.length > 1)
      return { kind: 'malformed', problem: 'The request has more than one Authorization header.' }
    return readCredentials(authorization[0])
  }
  // HTTP parsers strip whitespace around a field value (RFC 9110 §5.5); a Request built by hand may not have.
  const value = trimSpaceAndTab(authorization)
  const end = value.search(SCHEME_END)
  const scheme = end < 0 ? value : value.slice(0, end)
  if (scheme.toLowerCase() !== 'bearer') return { kind: 'none' }
  const rest = end < 0 ? '' : value.slice(end)
  return bearerToken(rest)
}

function trimSpaceAndTab(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--
  return text.slice(start, end)
}

function bearerToken(rest: string): Credentials {
  const malformed = (problem: string): Credentials => ({ kind: 'malformed', problem })
  if (rest.length === 0) return malformed('The Authorization header has no token after Bearer.')
  if (rest.includes('\t'))
    return malformed('The Authorization header has a tab where only spaces are allowed.')
  const token = trimSpaceAndTab(rest)
  if (token.length === 0) return malformed('The Authorization header has no token after Bearer.')
  const words = token.split(/ +/)
  const first = words[0] ?? ''
  if (/^bearer$/i.test(first) || /^authorization:?$/i.test(first))
    return malformed('The Authorization header repeats the Bearer scheme or the header name.')
  // A comma is how a proxy or Fetch's Headers join two Authorization headers into one value.
  if (/,\s*bearer\b/i.test(token)) return malformed('The request has more than one Authorization header.')
  if (words.length > 1) return malformed('The Authorization header has more than one token after Bearer.')
  if (/["']/.test(token)) return malformed('The token in the Authorization header is in quotes.')
  if (!B64TOKEN.test(token))
    return malformed('The token in the Authorization header has characters a bearer token cannot have.')
  return { kind: 'bearer', token }
}
