import { createVerifier, type Verifier } from '@claimcheck/core'
import { authorize } from '@claimcheck/core/http'
import { ORDERS_AUDIENCE, ORDERS_CATALOG } from './catalog.js'

/** The Worker's bindings (wrangler.toml `[vars]`). */
export interface Env {
  TENANT_ID: string
}

// One verifier per isolate, made on first use: it holds this instance's key-set cache, the only state there is.
let verifier: Verifier | null = null

/**
 * A Cloudflare Worker protecting the same API with the Fetch-API entry point: the same catalog, the same answers.
 * Entra's discovery documents and key sets are fetched with the Worker's own fetch.
 */
export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname === '/health') return Response.json({ ok: true })
    verifier ??= createVerifier({ audience: ORDERS_AUDIENCE, tenants: [env.TENANT_ID] })
    const auth = await authorize(
      verifier,
      request,
      { catalog: ORDERS_CATALOG, operation: 'from-request' },
      { mountPath: '/api' },
    )
    if (!auth.ok) return auth.response
    if (auth.preflight) return new Response(null, { status: 204 })
    return Response.json({
      path: url.pathname,
      caller: auth.report.token?.appId ?? null,
      operation: auth.report.permissions.operation,
    })
  },
}
