import { createServer } from 'node:http'
import { serve } from '@hono/node-server'
import { createVerifier } from '@claimcheck/core'
import { ORDERS_AUDIENCE } from './catalog.js'
import { createExpressApp } from './express-app.js'
import { createFastifyApp } from './fastify-app.js'
import { createHonoApp } from './hono-app.js'

/**
 * Runs one of the example servers against your tenant (build first: pnpm --filter @claimcheck/example-protected-api build).
 * Usage: TENANT_ID=<guid> PORT=3000 node dist/serve.js express|fastify|hono
 */
const framework = process.argv[2] ?? 'express'
const tenantId = process.env.TENANT_ID
if (tenantId === undefined) throw new TypeError('set TENANT_ID to your tenant GUID')
const port = Number(process.env.PORT ?? 3000)
const verifier = createVerifier({ audience: ORDERS_AUDIENCE, tenants: [tenantId] })

if (framework === 'express') createServer(createExpressApp(verifier)).listen(port, '127.0.0.1')
else if (framework === 'fastify') await createFastifyApp(verifier).listen({ port, host: '127.0.0.1' })
else if (framework === 'hono') serve({ fetch: createHonoApp(verifier).fetch, port, hostname: '127.0.0.1' })
else throw new TypeError('usage: serve.js express|fastify|hono')
process.stdout.write(`${framework} example listening on http://127.0.0.1:${port}\n`)
