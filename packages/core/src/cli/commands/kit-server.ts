import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CLOUDS } from '../../entra/clouds.js'
import type { TestTenant } from '../../testing/test-tenant.js'
import type { KitState } from './kit-state.js'

/** What `kit serve` needs beyond the tenant: the roles its token endpoint grants to the kit's client. */
export interface KitServerOptions {
  state: KitState
  tenant: TestTenant
  roles: readonly string[]
  port: number
}

const BODY_LIMIT = 16 * 1024
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }

function send(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, JSON_HEADERS)
  res.end(JSON.stringify(body))
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > BODY_LIMIT) {
        resolve(null)
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', () => resolve(null))
  })
}

/**
 * Entra's documents name Entra's host; served from 127.0.0.1 their endpoint URLs name the loopback origin instead, so
 * a verifier pointed at it (`authority`) fetches the keys here. The issuer stays Entra's: tokens carry it.
 */
function rewriteOrigins(
  document: Record<string, unknown>,
  from: string,
  to: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(document))
    out[k] =
      k !== 'issuer' && typeof v === 'string' && v.startsWith(`${from}/`) ? `${to}${v.slice(from.length)}` : v
  return out
}

/** OAuth 2.0 errors in Entra's shape (an AADSTS code where Entra sends one for the same mistake). */
function oauthError(res: ServerResponse, status: number, error: string, description: string): void {
  send(res, status, { error, error_description: description })
}

async function tokenEndpoint(
  req: IncomingMessage,
  res: ServerResponse,
  options: KitServerOptions,
): Promise<void> {
  const text = await readBody(req)
  if (text === null) return oauthError(res, 413, 'invalid_request', 'The request body is too large.')
  const form = new URLSearchParams(text)
  if (form.get('grant_type') !== 'client_credentials')
    return oauthError(res, 400, 'unsupported_grant_type', 'The kit issues client_credentials tokens only.')
  if (
    form.get('client_id')?.toLowerCase() !== options.state.clientId ||
    form.get('client_secret') !== options.state.clientSecret
  )
    return oauthError(res, 401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.')
  const scope = form.get('scope') ?? ''
  if (!scope.endsWith('/.default') || scope.includes(' '))
    return oauthError(
      res,
      400,
      'invalid_scope',
      'AADSTS1002012: client_credentials needs one scope, <resource>/.default.',
    )
  const audience = scope.slice(0, -'/.default'.length)
  const token = await options.tenant.issueToken({ api: { audience }, roles: options.roles, version: '2.0' })
  send(res, 200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: token })
}

/**
 * The test tenant on 127.0.0.1: its discovery documents and key sets (Entra's paths), and a client-credentials token
 * endpoint at `/{tenant}/oauth2/v2.0/token` for the kit's own client. Nothing else; never on another interface.
 */
export async function startKitServer(options: KitServerOptions): Promise<{ server: Server; origin: string }> {
  const authority = CLOUDS[options.tenant.cloud].authority
  let origin = ''
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const segments = url.pathname.split('/').filter((s) => s.length > 0)
    if (req.method === 'POST') {
      if (
        segments.length === 4 &&
        segments[0]?.toLowerCase() === options.state.tenantId &&
        segments.slice(1).join('/') === 'oauth2/v2.0/token'
      )
        return void tokenEndpoint(req, res, options).catch(() =>
          oauthError(res, 500, 'server_error', 'The kit failed to sign.'),
        )
      return oauthError(res, 404, 'not_found', `The kit serves no endpoint at ${url.pathname}.`)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return oauthError(res, 405, 'invalid_request', 'GET or POST only.')
    void options.tenant
      .fetch(`${authority}${url.pathname}${url.search}`)
      .then(async (answer) => {
        const body = (await answer.json()) as Record<string, unknown>
        send(res, answer.status, answer.ok ? rewriteOrigins(body, authority, origin) : body)
      })
      // Never an unhandled rejection that would stop the server: a request it cannot answer gets a 500.
      .catch(() => oauthError(res, 500, 'server_error', 'The kit could not answer this request.'))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { server, origin }
}
