// A consumer of the installed tarball, type-checked with moduleResolution node16 and bundler: every subpath
// resolves to declarations, the opt-in framework augmentations type req.auth / request.auth (c.get('auth') needs
// none), and misuse is a type error (the @ts-expect-error lines fail the check if the types ever loosen to any).
// side-by-side.ts checks the other way round: no augmentation, beside express-oauth2-jwt-bearer's.
import { createVerifier, type Report } from '@claimcheck/core'
import { authorize, type AuthorizeResult, type ProtectedCatalog } from '@claimcheck/core/http'
import { entraAuth as expressAuth } from '@claimcheck/core/express'
import { entraAuth as fastifyAuth } from '@claimcheck/core/fastify'
import { entraAuth as honoAuth, type EntraAuthEnv } from '@claimcheck/core/hono'
import { createTestTenant } from '@claimcheck/core/testing'
import '@claimcheck/core/express/augment'
import '@claimcheck/core/fastify/augment'
import express from 'express'
import Fastify from 'fastify'
import { Hono } from 'hono'

const catalog: ProtectedCatalog = {
  id: 'orders',
  name: 'Orders',
  appId: null,
  identifierUris: ['api://orders'],
  hosts: [],
  permissions: [{ value: 'Orders.Read.All', kind: 'application', id: null }],
  operations: [
    {
      method: 'GET',
      path: '/orders/{id}',
      application: ['Orders.Read.All'],
      delegated: [],
      authContext: 'c1',
    },
  ],
}
const verifier = createVerifier({
  audience: 'api://orders',
  tenants: ['72f988bf-86f1-41af-91ab-2d7cd011db47'],
})

const app = express()
app.use('/api', expressAuth({ verifier, requirement: 'from-request', catalog }))
app.get('/api/orders/:id', (req, res) => {
  const report: Report | undefined = req.auth
  res.json({ verdict: report?.verdict })
})

const fastify = Fastify()
fastify.get('/me', { preHandler: fastifyAuth({ verifier }) }, async (request) => ({
  verdict: request.auth?.verdict,
}))

const hono = new Hono<EntraAuthEnv>()
hono.use(
  '/api/*',
  honoAuth({
    audience: 'api://orders',
    tenants: 'any',
    requirement: { catalog, operation: 'GET /orders/{id}' },
  }),
)
hono.get('/api/orders/:id', (c) => c.json({ verdict: c.get('auth').verdict }))

export async function handle(request: Request): Promise<Response> {
  const result: AuthorizeResult = await authorize(
    verifier,
    request,
    { catalog, operation: 'from-request' },
    { mountPath: '/api' },
  )
  if (!result.ok) return result.response
  if (result.preflight) return new Response(null, { status: 204 })
  return Response.json({ app: result.report.token?.appId })
}

export async function kit(): Promise<string> {
  const tenant = await createTestTenant()
  return tenant.issueToken({ api: { audience: 'api://orders' }, roles: ['Orders.Read.All'] })
}

// @ts-expect-error: requirement members are checked (no "scopes")
void authorize(verifier, new Request('https://x.example/'), { scopes: ['x'] })
// @ts-expect-error: requestProperty is a string
expressAuth({ verifier, requestProperty: 1 })
// @ts-expect-error: 'from-request' is the only string requirement
expressAuth({ verifier, requirement: 'from-anywhere' })
