/**
 * The authority origin token requests go to instead of the cloud's sign-in host (`--authority`). https anywhere;
 * plain http only for loopback addresses (127.0.0.0/8, localhost, [::1]), so a test can point the check at a local
 * fake without any flag that could also send a secret in clear text across a network. Misuse throws a TypeError.
 */
export function resolveAuthority(value: string): string {
  if (typeof value !== 'string' || !URL.canParse(value))
    throw new TypeError(`authority: "${String(value)}" is not an absolute URL`)
  const url = new URL(value)
  if (url.username !== '' || url.password !== '')
    throw new TypeError('authority: credentials in the URL are not accepted')
  if (url.search !== '' || url.hash !== '')
    throw new TypeError(
      'authority: a query or fragment is not accepted; give the origin (and path prefix) only',
    )
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new TypeError(
      `authority: plain http is accepted only for loopback addresses (127.0.0.0/8, localhost, [::1]), not ${url.hostname}`,
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TypeError(`authority: ${url.protocol} is not http(s)`)
  return `${url.origin}${url.pathname.replace(/(?<!\/)\/+$/, '')}`
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  if (host === 'localhost' || host === '[::1]') return true
  // WHATWG URL parsing has already normalised IPv4 forms (127.1, 0x7f.1) to dotted decimal.
  const parts = host.split('.')
  return (
    parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)
  )
}
