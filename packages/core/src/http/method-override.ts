/** The headers by which clients ask a server to treat a POST as another method (Google, Microsoft, Rails styles). */
export const METHOD_OVERRIDE_HEADERS = [
  'x-http-method-override',
  'x-http-method',
  'x-method-override',
] as const

/**
 * Whether a method-override header disagrees with the method the guard sees. An override the app applied before
 * the guard (Express's method-override sets `req.method`) agrees and is judged as that method. One still pending
 * would be applied after the token was judged for another method — the handler of DELETE run on a token judged
 * for POST — so it is refused (400) rather than guessed at. Overrides applied after the guard by other means (a
 * `_method` form field) are the app's ordering to get right; docs/protect-an-api.md says so.
 */
export function overridePending(method: string, values: readonly (string | null | undefined)[]): boolean {
  const asked = method.toUpperCase()
  return values.some((v) => typeof v === 'string' && v.trim() !== '' && v.trim().toUpperCase() !== asked)
}
