import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { createVerifier, type VerifierOptions } from '@claimcheck/core'
import { ORDERS_AUDIENCE } from './catalog.js'
import { createExpressApp } from './express-app.js'
import { createFastifyApp } from './fastify-app.js'
import { createHonoApp } from './hono-app.js'

/**
 * Runs one of the example servers against your tenant (build first: pnpm --filter @claimcheck/example-protected-api build).
 *   TENANT_ID=<guid> PORT=3000 node dist/serve.js express|fastify|hono
 * Prints one JSON line, {"framework","port"}, once it listens. ENTRA_AUTHORITY points discovery at a stand-in for
 * login.microsoftonline.com (the load bench's, on 127.0.0.1); never set it in production.
 */
const framework = process.argv[2] ?? 'express'
const tenantId = process.env.TENANT_ID
if (tenantId === undefined) throw new TypeError('set TENANT_ID to your tenant GUID')
const port = Number(process.env.PORT ?? 3000)
const authority = process.env.ENTRA_AUTHORITY
const options: VerifierOptions = {
  audience: ORDERS_AUDIENCE,
  tenants: [tenantId],
  ...(authority === undefined ? {} : { authority, keySets: { allowLoopbackHttp: true } }),
}
const verifier = createVerifier(options)

let server
if (framework === 'express') server = createServer(createExpressApp(verifier))
else if (framework === 'hono') server = createAdaptorServer({ fetch: createHonoApp(verifier).fetch })
else if (framework === 'fastify') {
  const app = createFastifyApp(verifier)
  await app.listen({ port, host: '127.0.0.1' })
  server = app.server
} else throw new TypeError('usage: serve.js express|fastify|hono')
if (!server.listening) await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
process.stdout.write(`${JSON.stringify({ framework, port: (server.address() as AddressInfo).port })}\n`)
