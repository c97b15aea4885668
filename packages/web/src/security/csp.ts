// The page's Content-Security-Policy, shared by the build (a <meta> tag) and `pnpm start`'s server (headers).
// No imports: vite.config.ts loads this file before any app code is compiled.

/**
 * Entra sign-in hosts: the only origins the page may contact. Without sign-in: GETs of discovery documents and key
 * sets. With sign-in, MSAL also reads instance and tenant metadata there and POSTs to the token endpoint (the
 * authorize request itself is a navigation of the sign-in window, which connect-src does not govern).
 */
export const ENTRA_LOGIN_ORIGINS: readonly string[] = [
  'https://login.microsoftonline.com',
  'https://login.microsoftonline.us',
  'https://login.partner.microsoftonline.cn',
  'https://login.chinacloudapi.cn',
]

const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  // Lit adopts constructed style sheets; 'self' covers a stylesheet file should a build emit one.
  ['style-src', "'self'"],
  ['img-src', "'self'"],
  ['connect-src', ENTRA_LOGIN_ORIGINS.join(' ')],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
]

/** For the <meta> tag: browsers ignore (and warn about) frame-ancestors there, so only the header carries it. */
export const CSP_META = DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ')

export const CSP_HEADER = `${CSP_META}; frame-ancestors 'none'`

/** Headers for the static server: the policy plus the usual hardening for a page that handles credentials. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Cache-Control': 'no-store',
}

/** The sign-in redirect bridge (MSAL v5): Entra sends the sign-in window back to it. */
export const REDIRECT_BRIDGE_PATHNAME = '/redirect.html'

/**
 * The headers for one path. The redirect bridge is served without Cross-Origin-Opener-Policy, as MSAL v5 requires:
 * with it the sign-in window would be moved to a new browsing context group on arrival and could not hand the
 * response back. It keeps every other header, the CSP included.
 */
export function securityHeadersFor(pathname: string): Readonly<Record<string, string>> {
  if (pathname !== REDIRECT_BRIDGE_PATHNAME) return SECURITY_HEADERS
  const { 'Cross-Origin-Opener-Policy': _coop, ...rest } = SECURITY_HEADERS
  return rest
}
