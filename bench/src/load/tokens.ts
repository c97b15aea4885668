import { sign } from 'node:crypto'
import { entraClaims, type SigningKey, type Tenant } from '../entra-tokens.js'

/** The example API's audience and the permission its GET /orders/{id} needs (examples/protected-api/src/catalog.ts). */
export const ORDERS_AUDIENCE = 'api://contoso-orders'
export const ORDERS_ROLE = 'Orders.Read.All'

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url')

/**
 * `count` distinct v1 client-credentials tokens for the example API (each has its own uti, aio, rh and exp), shaped
 * like Entra's and signed with `key`: v1, because every peer can validate them (passport-azure-ad with v1 metadata).
 */
export function mintOrdersTokens(count: number, tenant: Tenant, key: SigningKey, iat: number): string[] {
  const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', x5t: key.kid, kid: key.kid }))
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const claims = {
      ...entraClaims({ version: 'v1', tenant, key, iat }),
      aud: ORDERS_AUDIENCE,
      roles: [ORDERS_ROLE],
    }
    const input = `${header}.${b64url(JSON.stringify(claims))}`
    out.push(`${input}.${b64url(sign('sha256', Buffer.from(input), key.privateKey))}`)
  }
  return out
}
