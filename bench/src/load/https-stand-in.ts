import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { PublicJwk } from '../entra-tokens.js'

/**
 * passport-azure-ad accepts only an https identityMetadata URL: this is the v1 metadata and key set of one tenant
 * over TLS on 127.0.0.1, with a certificate made for the run (its server process trusts it via NODE_EXTRA_CA_CERTS).
 */
export interface HttpsStandIn {
  origin: string
  certPath: string
  counts(): { metadata: number; keys: number }
  close(): Promise<void>
}

export async function startHttpsStandIn(
  dir: string,
  tenantId: string,
  keys: readonly PublicJwk[],
): Promise<HttpsStandIn> {
  const keyPath = join(dir, 'stand-in.key')
  const certPath = join(dir, 'stand-in.crt')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' },
  )
  const counts = { metadata: 0, keys: 0 }
  let origin = ''
  const server = createServer({ key: readFileSync(keyPath), cert: readFileSync(certPath) }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    let body: unknown = null
    if (path === `/${tenantId}/.well-known/openid-configuration`) {
      counts.metadata++
      body = {
        issuer: `https://sts.windows.net/${tenantId}/`,
        jwks_uri: `${origin}/common/discovery/keys`,
        authorization_endpoint: `${origin}/${tenantId}/oauth2/authorize`,
        token_endpoint: `${origin}/${tenantId}/oauth2/token`,
        end_session_endpoint: `${origin}/${tenantId}/oauth2/logout`,
        userinfo_endpoint: `${origin}/${tenantId}/openid/userinfo`,
        id_token_signing_alg_values_supported: ['RS256'],
      }
    } else if (path === '/common/discovery/keys') {
      counts.keys++
      body = { keys }
    }
    if (body === null) res.writeHead(404).end()
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    certPath,
    counts: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
