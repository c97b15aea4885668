import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { PublicJwk } from './entra-tokens.js'

/**
 * A stand-in for login.microsoftonline.com on 127.0.0.1: OpenID metadata and key sets under Entra's paths,
 * with a switch to make it fail the way a real outage does, and a count of every request it receives.
 *
 * The metadata's jwks_uri names this server's own origin, as Entra's names its own authority. Paths:
 *   /{tid}/.well-known/openid-configuration          v1 metadata → jwks_uri …/{tid}/discovery/keys
 *   /{tid}/v2.0/.well-known/openid-configuration     v2 metadata → jwks_uri …/{tid}/discovery/v2.0/keys
 *   /{tid}/discovery/keys, /{tid}/discovery/v2.0/keys, /common/discovery/v2.0/keys   the key set
 */
export type ServerMode = 'ok' | 'error-500' | 'reset'

export interface RequestCounts {
  metadata: number
  keys: number
  other: number
}

export interface JwksServer {
  /** http://127.0.0.1:port */
  origin: string
  setKeys(keys: readonly PublicJwk[]): void
  setMode(mode: ServerMode): void
  counts(): RequestCounts
  resetCounts(): void
  close(): Promise<void>
}

export async function startJwksServer(initialKeys: readonly PublicJwk[] = []): Promise<JwksServer> {
  let keys: readonly PublicJwk[] = initialKeys
  let mode: ServerMode = 'ok'
  const counts: RequestCounts = { metadata: 0, keys: 0, other: 0 }

  let origin = ''
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    const metadata = /^\/([^/]+)(\/v2\.0)?\/\.well-known\/openid-configuration$/.exec(path)
    const keySet = /\/discovery(\/v2\.0)?\/keys$/.test(path) || path.endsWith('/.well-known/jwks.json')
    if (metadata !== null) counts.metadata++
    else if (keySet) counts.keys++
    else counts.other++

    if (mode === 'reset') {
      req.socket.destroy()
      return
    }
    if (mode === 'error-500') {
      res.writeHead(500, { 'content-type': 'text/html' }).end('<html><body>Service unavailable</body></html>')
      return
    }
    if (metadata !== null) {
      const tid = metadata[1] ?? ''
      const v2 = metadata[2] !== undefined
      const issuer = v2 ? `https://login.microsoftonline.com/${tid}/v2.0` : `https://sts.windows.net/${tid}/`
      const jwksUri = v2 ? `${origin}/${tid}/discovery/v2.0/keys` : `${origin}/${tid}/discovery/keys`
      sendJson(res, { issuer, jwks_uri: jwksUri, id_token_signing_alg_values_supported: ['RS256'] })
      return
    }
    if (keySet) {
      sendJson(res, { keys })
      return
    }
    res.writeHead(404).end()
  }

  const server = createServer({ keepAlive: true }, handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    setKeys(next) {
      keys = next
    },
    setMode(next) {
      mode = next
    },
    counts: () => ({ ...counts }),
    resetCounts() {
      counts.metadata = 0
      counts.keys = 0
      counts.other = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function sendJson(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body)
  res
    .writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
    .end(text)
}
