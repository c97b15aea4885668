import { authorize, type TokenVerifier } from './authorize.js'
import { ALERTS, MACHINES } from './data.js'

export type Handler = (request: Request) => Promise<Response>

interface Route {
  method: string
  pattern: RegExp
  /** The Defender operation this route stands for: the permission model decides who may call it. */
  operation: string
  run(params: string[], caller: string): Response
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  })
}

const ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/alerts$/,
    operation: 'GET /api/alerts',
    run: () => json({ value: ALERTS }),
  },
  {
    method: 'GET',
    pattern: /^\/api\/machines$/,
    operation: 'GET /api/machines',
    run: () => json({ value: MACHINES }),
  },
  {
    method: 'POST',
    pattern: /^\/api\/machines\/([0-9a-f]{40})\/isolate$/,
    operation: 'POST /api/machines/{id}/isolate',
    run: ([id], caller) =>
      MACHINES.some((m) => m.id === id)
        ? json(
            { id: crypto.randomUUID(), type: 'Isolate', status: 'Pending', machineId: id, requestor: caller },
            201,
          )
        : json({ error: { code: 'NotFound', message: `No machine ${id}.` } }, 404),
  },
]

/**
 * A tiny Defender-style API as a plain fetch handler (Deno.serve, Bun.serve, Cloudflare Workers, or any Node
 * adapter take it as is). Every route names its Defender operation; the verifier decides with the token and the
 * Defender permission model, so the routes hold no authorization code of their own.
 */
export function createDefenderProxy(options: { verifier: TokenVerifier }): Handler {
  return async (request) => {
    const path = new URL(request.url).pathname
    const candidates = ROUTES.filter((r) => r.pattern.test(path))
    if (candidates.length === 0)
      return json({ error: { code: 'NotFound', message: `No route ${path}.` } }, 404)
    const route = candidates.find((r) => r.method === request.method)
    if (route === undefined) {
      return new Response(null, {
        status: 405,
        headers: { allow: candidates.map((r) => r.method).join(', ') },
      })
    }
    const auth = await authorize(options.verifier, request, route.operation)
    if (!auth.ok) return auth.response
    const token = auth.report.token
    // Authorization already happened on tid + roles/scp; the caller's name is only recorded, never trusted.
    const caller =
      token?.kind === 'delegated'
        ? (token.user ?? token.objectId ?? 'unknown user')
        : `app ${token?.appId ?? 'unknown'}`
    return route.run(route.pattern.exec(path)?.slice(1) ?? [], caller)
  }
}
