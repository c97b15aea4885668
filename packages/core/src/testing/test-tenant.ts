import { base64url, CompactSign, type JWK } from 'jose'
import { API_RESOURCES } from '../entra/apis.js'
import { isCloudName, isGuid, type CloudName } from '../entra/clouds.js'
import { expectedIssuer, type TokenVersion } from '../entra/issuers.js'
import { assertKnownKeys } from '../lib/strict-options.js'
import type { JsonObject, JsonValue } from '../lib/json.js'
import { readClock, type Clock } from '../token/options.js'
import { cloudInstanceName, tenantEndpoints, type TenantEndpoints } from './discovery-documents.js'
import type { IssueTokenOptions, RotateKeysOptions, TestApi } from './issue-options.js'
import { randomAio, randomGuid, randomRh, randomUti } from './random.js'
import { generateSigningKey, importSigningKey, type SigningKey } from './signing-key.js'
import { createTenantFetch, type TenantRequest } from './tenant-fetch.js'
import { answerTokenRequest, type TestApplication } from './token-endpoint.js'
import { externalIdIssuer } from '../entra/external-id.js'
import { callerClaims, kindOfCaller, TEST_CALLERS } from './caller-shapes.js'
import { tokenClaims, type TestTokenKind, type TestUser } from './token-shapes.js'

export interface CreateTestTenantOptions {
  /** Default: a random GUID. */
  tenantId?: string
  /** Default 'public'. */
  cloud?: CloudName
  /** The default issue instant for tokens (default: the system clock). Pass fixedClock(...) for repeatable tests. */
  now?: Clock
  /** The default calling application (appid / azp). Default: a random GUID. */
  clientId?: string
  /** A private RSA JWK to sign with instead of a fresh key: the kit CLI's tenant keeps its key in a file. */
  signingKey?: JWK
}

/** A public signing key as the tenant serves it, with Entra's members. */
export type TestJwk = JWK & { kid: string; x5t: string; issuer?: string; cloud_instance_name: string }

export interface TestJwks {
  keys: TestJwk[]
}

/** An in-memory Entra tenant: signs tokens with real claim shapes and serves its discovery documents and keys. */
export interface TestTenant {
  readonly tenantId: string
  readonly cloud: CloudName
  /** The default calling application (appid / azp) and ID-token audience. */
  readonly clientId: string
  /** The default signed-in user of delegated and ID tokens. */
  readonly user: Readonly<TestUser>
  /** The v2 key set served now (a copy; each key carries the tenant's v2 `issuer`): `createVerifier({ jwks })` skips discovery. */
  readonly jwks: TestJwks
  /** The key set served at a version's jwks_uri now (a copy); the v1 set's keys carry no `issuer`, as Entra's do not. */
  keySet(version: TokenVersion): TestJwks
  /** The kid new tokens are signed with. */
  readonly currentKid: string
  /** Serves this tenant's v1 and v2 discovery documents and key sets at Entra's URLs; 404 for anything else. */
  readonly fetch: typeof fetch
  /** Every request `fetch` answered, oldest first. */
  readonly requests: readonly TenantRequest[]
  issuer(version: TokenVersion): string
  endpoints(version: TokenVersion): TenantEndpoints
  issueToken(options?: IssueTokenOptions): Promise<string>
  /** Signs new tokens with a new key; returns its kid. */
  rotateKeys(options?: RotateKeysOptions): Promise<string>
  /** Forgets the recorded requests. */
  clearRequests(): void
  /**
   * Registers a partner app in this tenant (as admin consent would), so `fetch` answers its client-credentials
   * requests at `{authority}/{tenantId}/oauth2/v2.0/token` with a secret or a client assertion. Replaces an app
   * with the same client ID.
   */
  addApplication(app: TestApplication): void
}

/** Entra's default access-token lifetime is 60–90 minutes; an hour keeps arithmetic in tests simple. */
const DEFAULT_LIFETIME_SECONDS = 3600

function resolveAudience(
  api: TestApi | undefined,
  kind: TestTokenKind,
  version: TokenVersion,
  cloud: CloudName,
  clientId: string,
): string {
  if (kind === 'id-token') return clientId
  if (api === undefined)
    throw new TypeError("issueToken: pass api ('mde', 'm365d' or { audience }) for an access token.")
  if (typeof api === 'object' && api !== null && typeof api.audience === 'string' && api.audience.length > 0)
    return api.audience
  if (api !== 'mde' && api !== 'm365d')
    throw new TypeError(`issueToken: api must be 'mde', 'm365d' or { audience }, not ${JSON.stringify(api)}.`)
  const resource = API_RESOURCES[api]
  // v2 tokens name their resource by application ID; v1 tokens by the identifier URI that was requested.
  if (version === '2.0') return resource.appId
  const uri = resource.resourceByCloud[cloud]
  if (uri === undefined)
    throw new TypeError(
      `issueToken: ${resource.name} is not offered in the ${cloud} cloud; pass api: { audience } to mint such a token anyway.`,
    )
  return uri
}

function applyOverrides(
  base: JsonObject,
  overrides: Readonly<Record<string, JsonValue | undefined>> | undefined,
): JsonObject {
  if (overrides === undefined) return base
  const result: JsonObject = { ...base }
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete result[name]
    else result[name] = value
  }
  return result
}

async function pairwiseSubject(userOid: string, clientId: string): Promise<string> {
  // Entra's sub is unique per user and application; a hash of the two gives the same length and stability.
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${userOid}|${clientId}`))
  return base64url.encode(new Uint8Array(digest))
}

function checkStringList(name: string, value: readonly string[] | undefined): readonly string[] {
  if (value === undefined) return []
  if (
    !Array.isArray(value) ||
    !value.every((v) => typeof v === 'string' && v.length > 0 && !v.includes(' '))
  ) {
    throw new TypeError(`issueToken: ${name} must be an array of permission names without spaces.`)
  }
  return value
}

/** Every option createTestTenant accepts, in one list: an unknown key throws a TypeError naming it. */
const TEST_TENANT_OPTION_KEYS: readonly (keyof CreateTestTenantOptions)[] = [
  'tenantId',
  'cloud',
  'now',
  'clientId',
  'signingKey',
]
const ROTATE_KEYS_OPTION_KEYS: readonly (keyof RotateKeysOptions)[] = ['keepPrevious']

export async function createTestTenant(options: CreateTestTenantOptions = {}): Promise<TestTenant> {
  assertKnownKeys('createTestTenant', options, TEST_TENANT_OPTION_KEYS)
  if (
    options.now !== undefined &&
    typeof options.now !== 'function' &&
    !(options.now instanceof Date && Number.isFinite(options.now.getTime()))
  )
    throw new TypeError('createTestTenant: now must be a valid Date or a function returning one.')
  const tenantId = options.tenantId ?? randomGuid()
  if (!isGuid(tenantId))
    throw new TypeError(`createTestTenant: tenantId must be a GUID, not ${JSON.stringify(tenantId)}.`)
  const cloud = options.cloud ?? 'public'
  if (!isCloudName(cloud))
    throw new TypeError(
      `createTestTenant: cloud must be one of public, usgov, china; not ${JSON.stringify(cloud)}.`,
    )
  const defaultClock = options.now

  if (options.clientId !== undefined && !isGuid(options.clientId))
    throw new TypeError(`createTestTenant: clientId must be a GUID, not ${JSON.stringify(options.clientId)}.`)
  let current: SigningKey =
    options.signingKey === undefined ? await generateSigningKey() : await importSigningKey(options.signingKey)
  let served: SigningKey[] = [current]
  let unpublished: SigningKey | null = null
  const servicePrincipals = new Map<string, string>()
  const applications = new Map<string, TestApplication>()
  const requests: TenantRequest[] = []
  const clientId = options.clientId?.toLowerCase() ?? randomGuid()
  const user: TestUser = {
    oid: randomGuid(),
    name: 'Test User',
    givenName: 'Test',
    familyName: 'User',
    upn: 'test.user@contoso.onmicrosoft.com',
  }

  // Entra's v2 key set names the tenant's v2 issuer on every key; the v1 key set attaches no issuer to its keys
  // (Microsoft.IdentityModel's signing-key issuer check relies on exactly that difference).
  const keySet = (version: TokenVersion = '2.0'): TestJwks => ({
    keys: served.map((k) => ({
      ...k.publicJwk,
      ...(version === '2.0' ? { issuer: expectedIssuer(tenantId, '2.0', cloud) } : {}),
      cloud_instance_name: cloudInstanceName(cloud),
    })),
  })
  // An agent identity's parent (blueprint) app: one per agent app, stable across its tokens.
  const blueprints = new Map<string, string>()
  const blueprintOf = (appId: string): string => {
    let id = blueprints.get(appId)
    if (id === undefined) blueprints.set(appId, (id = randomGuid()))
    return id
  }
  const servicePrincipalOf = (appId: string): string => {
    let id = servicePrincipals.get(appId)
    if (id === undefined) servicePrincipals.set(appId, (id = randomGuid()))
    return id
  }

  const issueToken = async (opts: IssueTokenOptions = {}): Promise<string> => {
    const caller = opts.caller
    if (caller !== undefined && !TEST_CALLERS.includes(caller))
      throw new TypeError(
        `issueToken: caller must be one of ${TEST_CALLERS.join(', ')}, not ${JSON.stringify(caller)}.`,
      )
    const kind = opts.kind ?? (caller === undefined ? 'app-only' : kindOfCaller(caller))
    if (caller !== undefined && kind !== kindOfCaller(caller))
      throw new TypeError(`issueToken: a ${caller} token is ${kindOfCaller(caller)}, not ${kind}.`)
    if (kind !== 'app-only' && kind !== 'delegated' && kind !== 'id-token') {
      throw new TypeError(
        `issueToken: kind must be 'app-only', 'delegated' or 'id-token', not ${JSON.stringify(kind)}.`,
      )
    }
    if (opts.externalId === true && opts.version === '1.0')
      throw new TypeError('issueToken: External ID (externalId: true) issues v2 tokens only.')
    const version = opts.version ?? (kind === 'id-token' || opts.externalId === true ? '2.0' : '1.0')
    if (version !== '1.0' && version !== '2.0')
      throw new TypeError(`issueToken: version must be '1.0' or '2.0', not ${JSON.stringify(version)}.`)
    const roles = checkStringList('roles', opts.roles)
    const scopes = checkStringList('scopes', opts.scopes)
    if (kind === 'delegated' && scopes.length === 0) {
      throw new TypeError(
        'issueToken: a delegated token always carries scp; pass scopes (or remove scp with claims: { scp: undefined } for a negative test).',
      )
    }
    if (kind !== 'delegated' && scopes.length > 0)
      throw new TypeError(`issueToken: scopes are delegated permissions; a ${kind} token has no scp.`)
    const lifetime = opts.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS
    if (!Number.isInteger(lifetime))
      throw new TypeError('issueToken: lifetimeSeconds must be a whole number of seconds.')
    const app = opts.clientId ?? clientId
    const iat = Math.floor(readClock(opts.now ?? defaultClock).getTime() / 1000)

    const claims = tokenClaims({
      kind,
      version,
      tenantId,
      cloud,
      audience: resolveAudience(opts.api, kind, version, cloud, app),
      clientId: app,
      servicePrincipalId: servicePrincipalOf(app),
      user,
      userSubject: await pairwiseSubject(user.oid, app),
      roles,
      scopes,
      iat,
      exp: iat + lifetime,
      nonce: opts.nonce ?? randomUti(),
      aio: randomAio(),
      rh: randomRh(),
      uti: randomUti(),
    })
    const shaped =
      caller === undefined
        ? claims
        : applyOverrides(
            claims,
            callerClaims({
              caller,
              version,
              tenantId,
              blueprintId: blueprintOf(app),
              agentSubject: randomGuid(),
              subscriptionId: tenantId,
            }),
          )
    const issued = opts.externalId === true ? { ...shaped, iss: externalIdIssuer(tenantId) } : shaped
    const payload = applyOverrides(issued, opts.claims)

    const key = opts.signingKey === 'unpublished' ? (unpublished ??= await generateSigningKey()) : current
    // v1 tokens carry the certificate thumbprint twice (x5t and kid); v2 tokens only kid.
    const baseHeader: JsonObject =
      version === '1.0'
        ? { typ: 'JWT', alg: 'RS256', x5t: key.kid, kid: key.kid }
        : { typ: 'JWT', alg: 'RS256', kid: key.kid }
    const header = applyOverrides(baseHeader, opts.header)
    header.alg = 'RS256'
    return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader(header as { alg: string })
      .sign(key.privateKey)
  }

  return {
    tenantId,
    cloud,
    clientId,
    user,
    get jwks() {
      return keySet('2.0')
    },
    keySet,
    get currentKid() {
      return current.kid
    },
    fetch: createTenantFetch(
      {
        tenantId,
        cloud,
        keySet,
        token: (url, body) =>
          answerTokenRequest(
            {
              tenantId,
              cloud,
              application: (id) => applications.get(id.toLowerCase()),
              mint: (app, api, roles) => issueToken({ api, roles, clientId: app }),
              now: () => readClock(defaultClock),
            },
            url,
            body,
          ),
      },
      requests,
    ),
    get requests() {
      return requests
    },
    issuer: (version) => expectedIssuer(tenantId, version, cloud),
    endpoints: (version) => tenantEndpoints(tenantId, version, cloud),
    issueToken,
    async rotateKeys(rotation: RotateKeysOptions = {}): Promise<string> {
      assertKnownKeys('rotateKeys', rotation, ROTATE_KEYS_OPTION_KEYS)
      current = await generateSigningKey()
      // The new key is listed first, as Entra lists the key it signs with now.
      served = rotation.keepPrevious === false ? [current] : [current, ...served]
      return current.kid
    },
    clearRequests() {
      requests.length = 0
    },
    addApplication(app: TestApplication): void {
      if (!isGuid(app?.clientId)) throw new TypeError('addApplication: clientId must be a GUID.')
      applications.set(app.clientId.toLowerCase(), { ...app, clientId: app.clientId.toLowerCase() })
    },
  }
}
