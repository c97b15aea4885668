/**
 * The path Express's router ran, below where the guard is registered: `req.path`, which Express makes relative to
 * the router (or `app.use` path) the middleware sits in — `req.baseUrl` + `req.path` is the whole routed path, and
 * `req.baseUrl` is the actual text the mount matched, parameters filled (`/t/acme` for `/t/:tenant`). Express
 * matches case-insensitively and with an optional trailing slash by default; the catalog match does both as well.
 * Null when the request gives no path to judge.
 */
export function expressRoutePath(req: { path?: unknown; url?: unknown }): string | null {
  if (typeof req.path === 'string' && req.path.startsWith('/')) return req.path
  if (typeof req.url !== 'string' || !req.url.startsWith('/')) return null
  const query = req.url.indexOf('?')
  return query < 0 ? req.url : req.url.slice(0, query)
}
