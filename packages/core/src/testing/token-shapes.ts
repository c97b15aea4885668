import type { CloudName } from '../entra/clouds.js'
import { expectedIssuer, type TokenVersion } from '../entra/issuers.js'
import type { JsonObject } from '../lib/json.js'

export type TestTokenKind = 'app-only' | 'delegated' | 'id-token'

/** The signed-in user of delegated and ID tokens. */
export interface TestUser {
  /** The user's object ID in the tenant. */
  oid: string
  name: string
  givenName: string
  familyName: string
  /** The sign-in name (`upn`/`unique_name` in v1, `preferred_username` in v2). */
  upn: string
}

/** Everything decided before the claims are laid out; every value here is already resolved. */
export interface TokenShapeInput {
  kind: TestTokenKind
  version: TokenVersion
  tenantId: string
  cloud: CloudName
  audience: string
  /** The calling application (appid / azp), or the application an ID token is for. */
  clientId: string
  /** oid of the calling application's service principal in the tenant (app-only tokens). */
  servicePrincipalId: string
  user: TestUser
  /** Pairwise subject for the user and this client. */
  userSubject: string
  roles: readonly string[]
  scopes: readonly string[]
  iat: number
  exp: number
  nonce: string
  aio: string
  rh: string
  uti: string
}

/** `appidacr`/`azpacr`: 0 public client, 1 client secret, 2 certificate. Confidential apps with a secret are the common case. */
const CONFIDENTIAL_CLIENT = '1'
const PUBLIC_CLIENT = '0'
/** An address from the documentation range (RFC 5737), never a real one. */
const TEST_IP = '203.0.113.10'

/**
 * The claims Entra writes for this kind and version, in the order it writes them (aud, iss, times, then
 * alphabetically), so a decoded test token reads like a real one. Optional claims that need app configuration
 * (email, groups, wids, xms_*) are left out; add them through `claims` when a test needs them.
 */
export function tokenClaims(input: TokenShapeInput): JsonObject {
  const iss = expectedIssuer(input.tenantId, input.version, input.cloud)
  const times: JsonObject = { iat: input.iat, nbf: input.iat, exp: input.exp }
  const roles: JsonObject = input.roles.length > 0 ? { roles: [...input.roles] } : {}
  const v1 = input.version === '1.0'
  const u = input.user

  if (input.kind === 'app-only') {
    const client: JsonObject = v1
      ? { appid: input.clientId, appidacr: CONFIDENTIAL_CLIENT, idp: iss }
      : { azp: input.clientId, azpacr: CONFIDENTIAL_CLIENT }
    return {
      aud: input.audience,
      iss,
      ...times,
      aio: input.aio,
      ...client,
      idtyp: 'app',
      oid: input.servicePrincipalId,
      rh: input.rh,
      ...roles,
      sub: input.servicePrincipalId,
      tid: input.tenantId,
      uti: input.uti,
      ver: input.version,
    }
  }

  if (input.kind === 'delegated') {
    const scp = input.scopes.join(' ')
    if (v1) {
      return {
        aud: input.audience,
        iss,
        ...times,
        acr: '1',
        aio: input.aio,
        amr: ['pwd', 'mfa'],
        appid: input.clientId,
        appidacr: PUBLIC_CLIENT,
        family_name: u.familyName,
        given_name: u.givenName,
        ipaddr: TEST_IP,
        name: u.name,
        oid: u.oid,
        rh: input.rh,
        ...roles,
        scp,
        sub: input.userSubject,
        tid: input.tenantId,
        unique_name: u.upn,
        upn: u.upn,
        uti: input.uti,
        ver: '1.0',
      }
    }
    return {
      aud: input.audience,
      iss,
      ...times,
      aio: input.aio,
      azp: input.clientId,
      azpacr: PUBLIC_CLIENT,
      name: u.name,
      oid: u.oid,
      preferred_username: u.upn,
      rh: input.rh,
      ...roles,
      scp,
      sub: input.userSubject,
      tid: input.tenantId,
      uti: input.uti,
      ver: '2.0',
    }
  }

  // ID tokens are for the client itself: aud is its application ID, whatever API it later calls.
  if (v1) {
    return {
      aud: input.clientId,
      iss,
      ...times,
      amr: ['pwd', 'mfa'],
      family_name: u.familyName,
      given_name: u.givenName,
      ipaddr: TEST_IP,
      name: u.name,
      nonce: input.nonce,
      oid: u.oid,
      rh: input.rh,
      ...roles,
      sub: input.userSubject,
      tid: input.tenantId,
      unique_name: u.upn,
      upn: u.upn,
      ver: '1.0',
    }
  }
  return {
    aud: input.clientId,
    iss,
    ...times,
    aio: input.aio,
    name: u.name,
    nonce: input.nonce,
    oid: u.oid,
    preferred_username: u.upn,
    rh: input.rh,
    ...roles,
    sub: input.userSubject,
    tid: input.tenantId,
    uti: input.uti,
    ver: '2.0',
  }
}
