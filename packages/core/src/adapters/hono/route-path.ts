import { pathBelowMount } from '../../http/from-request.js'

/**
 * The path Hono's router ran, below the sub-app the middleware is mounted with (`app.route('/api', sub)`):
 * `c.req.path` after `basePath(c)`, which Hono gives with its parameters filled (`/t/acme` for `/t/:tenant`). Null
 * when the path is not under that base (a mount the adapter cannot line up with the path).
 */
export function honoRoutePath(path: string, base: string): string | null {
  return pathBelowMount(path, base)
}
