import { createRequire } from 'node:module'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import express, { type NextFunction, type Request, type Response } from 'express'
import { expressjwt, type GetVerificationKey } from 'express-jwt'
import jwksRsa from 'jwks-rsa'
import { ORDERS_AUDIENCE, ORDERS_ROLE } from './tokens.js'

/**
 * The same API (GET /api/orders/:id needing Orders.Read.All) behind the validators people assemble by hand, each
 * configured as its documentation says for a single-tenant Entra API, run as its own process by the load scenario:
 *   express-jwt + jwks-rsa   key set by URL, issuer and audience checked, then the role checked in the handler
 *   passport-azure-ad        BearerStrategy with the tenant's v1 metadata (https only: the stand-in's TLS origin)
 * Prints {"port"} once it listens.
 */
export interface PeerServerArgs {
  subject: 'express-jwt' | 'passport-azure-ad'
  tenantId: string
  /** express-jwt: the tenant's v1 key set on the http stand-in. */
  jwksUri: string
  /** passport-azure-ad: the tenant's v1 metadata on the https stand-in. */
  identityMetadata: string
}

const args = JSON.parse(process.argv[2] ?? '{}') as PeerServerArgs

const app = express()
app.disable('x-powered-by')
const answer = (roles: unknown, req: Request, res: Response): void => {
  if (!Array.isArray(roles) || !roles.includes(ORDERS_ROLE)) {
    res.status(403).json({ error: 'insufficient_scope' })
    return
  }
  res.json({ id: req.params.id })
}

if (args.subject === 'express-jwt') {
  app.use(
    '/api',
    expressjwt({
      secret: jwksRsa.expressJwtSecret({
        jwksUri: args.jwksUri,
        cache: true,
        rateLimit: true,
        jwksRequestsPerMinute: 10,
      }) as GetVerificationKey,
      algorithms: ['RS256'],
      audience: ORDERS_AUDIENCE,
      issuer: `https://sts.windows.net/${args.tenantId}/`,
    }),
  )
  app.get('/api/orders/:id', (req, res) =>
    answer((req as Request & { auth?: { roles?: unknown } }).auth?.roles, req, res),
  )
} else {
  // passport and passport-azure-ad ship no type declarations: loaded through require, used through the few members named here.
  const require = createRequire(import.meta.url)
  interface Passport {
    use(strategy: unknown): void
    initialize(): express.RequestHandler
    authenticate(name: string, options: { session: boolean }): express.RequestHandler
  }
  const passport = require('passport') as Passport
  const { BearerStrategy } = require('passport-azure-ad') as {
    BearerStrategy: new (
      options: object,
      verify: (token: object, done: (err: unknown, user: object, info: object) => void) => void,
    ) => unknown
  }
  passport.use(
    new BearerStrategy(
      {
        identityMetadata: args.identityMetadata,
        clientID: '00000000-0000-0000-0000-000000000001',
        audience: ORDERS_AUDIENCE,
        validateIssuer: true,
        loggingLevel: 'error',
        loggingNoPII: true,
      },
      (token, done) => done(null, token, token),
    ),
  )
  app.use(passport.initialize())
  app.get('/api/orders/:id', passport.authenticate('oauth-bearer', { session: false }), (req, res) =>
    answer((req as Request & { authInfo?: { roles?: unknown } }).authInfo?.roles, req, res),
  )
}
app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
  res.status(401).json({ error: 'invalid_token', name: err instanceof Error ? err.name : 'error' })
})

const server = createServer(app)
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`)
})
