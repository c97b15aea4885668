// The page's Content-Security-Policy, shared by the build (a <meta> tag) and `pnpm start`'s server (headers).
// No imports: vite.config.ts loads this file before any app code is compiled.

/** Entra sign-in hosts: the only origins the page may contact (discovery documents and key sets, GET only). */
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
