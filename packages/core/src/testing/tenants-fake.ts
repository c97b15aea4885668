import { CompactSign } from 'jose'
import { API_RESOURCES } from '../entra/apis.js'
import { isCloudName, isGuid, type CloudName } from '../entra/clouds.js'
import { BUILTIN_CATALOGS } from '../permissions/builtin.js'
import type { TenantOutcome } from '../tenants/outcomes.js'
import { readClock, type Clock } from '../token/options.js'
import { randomAio, randomGuid, randomRh, randomUti } from './random.js'
import { generateSigningKey, type SigningKey } from './signing-key.js'
import { requestBody, requestUrlAndMethod } from './tenant-fetch.js'
import { answerTokenRequest, entraError, type TestApplication, type TestTokenApi } from './token-endpoint.js'
import { tokenClaims } from './token-shapes.js'

/** How one fake customer tenant answers token requests. `outcome` is a shorthand; the other fields refine it. */
export interface FakeTenantSetup {
  /**
   * `ready`: roles for every application permission of the API (unless `roles` says otherwise); `missing-permissions`:
   * `roles` is required; `not-consented`: no roles; `not-onboarded`: AADSTS700016; `api-not-in-tenant`: AADSTS500011;
   * `tenant-not-found`: AADSTS90002; `credential-problem`: AADSTS7000215; `unavailable`: HTTP 503, always.
   */
  outcome?: TenantOutcome
  /** Application permissions granted in this tenant (for the API the token is asked for). */
  roles?: readonly string[]
  /** Answer this AADSTS code instead of a token. */
  aadsts?: number
  /** Answer 429 with this Retry-After (seconds or an HTTP date) the first `times` requests. */
  throttle?: { times: number; retryAfter: string }
  /** Answer this status (default 503) the first `times` requests; `times: Infinity` for always. */
  failures?: { times: number; status?: number }
  /** Answer only after this long (an aborted request stops waiting): slow tenants and timeouts. */
  delayMs?: number
  /** Default `public`: the cloud the tenant's tokens name. */
  cloud?: CloudName
}

export interface TenantsFakeOptions {
  /** The partner app the fake knows; any other client ID is AADSTS700016 everywhere. */
  clientId: string
  /** The client secret value the app accepts. */
  secret?: string
  /** The app's certificate (PEM): client assertions signed with its key are accepted. */
  certificatePem?: string
  /** Federated credentials: assertions this function accepts are accepted. */
  acceptAssertion?: (assertion: string) => boolean
  /** Per tenant ID or domain (any case); a function is asked lazily, so 5,000 tenants need no table. Unknown: AADSTS90002. */
  tenants: Readonly<Record<string, FakeTenantSetup>> | ((tenant: string) => FakeTenantSetup | undefined)
  /** Default: the system clock. */
  now?: Clock
  /**
   * Sign each tenant's token once and answer repeat requests with it (default false: a fresh token each time).
   * For benchmarks, so that the fake's RSA signing does not dominate what is measured.
   */
  reuseTokens?: boolean
}

/** A token endpoint for many customer tenants at once: in-process (`fetch`) or behind a loopback server (`handle`). */
export interface TenantsFake {
  /** Serves `{any origin}/{tenant}/oauth2/v2.0/token`; records every request. */
  readonly fetch: typeof fetch
  /** The same, for a Request (what an HTTP server adapter has). */
  handle(request: Request): Promise<Response>
  /** Requests answered or in progress. */
  readonly requests: number
  readonly inFlight: number
  /** The most requests that were ever in progress at once. */
  readonly maxInFlight: number
  requestsFor(tenant: string): number
}

const PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/

export function createTenantsFake(options: TenantsFakeOptions): TenantsFake {
  if (!isGuid(options.clientId)) throw new TypeError('createTenantsFake: clientId must be a GUID.')
  const clientId = options.clientId.toLowerCase()
  const table =
    typeof options.tenants === 'function'
      ? null
      : new Map(Object.entries(options.tenants).map(([t, s]) => [t.toLowerCase(), s]))
  const lookup = typeof options.tenants === 'function' ? options.tenants : (t: string) => table?.get(t)
  const perTenant = new Map<string, number>()
  const now = (): Date => readClock(options.now)
  let requests = 0
  let inFlight = 0
  let maxInFlight = 0
  let key: Promise<SigningKey> | null = null
  const minted = new Map<string, Promise<string>>()

  const mint = async (
    tenantId: string,
    cloud: CloudName,
    api: TestTokenApi,
    roles: readonly string[],
  ): Promise<string> => {
    // One key for every tenant: the check judges tokens offline, and 5,000 RSA keys would dominate a benchmark.
    const signing = await (key ??= generateSigningKey())
    const iat = Math.floor(now().getTime() / 1000)
    const sp = randomGuid()
    const claims = tokenClaims({
      kind: 'app-only',
      version: '1.0',
      tenantId,
      cloud,
      audience: API_RESOURCES[api].resourceByCloud[cloud] ?? API_RESOURCES[api].appId,
      clientId,
      servicePrincipalId: sp,
      user: { oid: sp, name: '', givenName: '', familyName: '', upn: '' },
      userSubject: sp,
      roles,
      scopes: [],
      iat,
      exp: iat + 3600,
      nonce: '',
      aio: randomAio(),
      rh: randomRh(),
      uti: randomUti(),
    })
    return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
      .setProtectedHeader({ typ: 'JWT', alg: 'RS256', x5t: signing.kid, kid: signing.kid })
      .sign(signing.privateKey)
  }

  const answer = async (url: URL, body: string, signal: AbortSignal | null): Promise<Response> => {
    const match = PATH.exec(url.pathname)
    if (match === null)
      return new Response(JSON.stringify({ error: 'not_found' }), {
        status: 404,
        headers: { 'content-type': 'application/json' },
      })
    const tenant = decodeURIComponent(match[1] ?? '').toLowerCase()
    const count = (perTenant.get(tenant) ?? 0) + 1
    perTenant.set(tenant, count)
    const setup = lookup(tenant)
    if (setup?.delayMs !== undefined) await delay(setup.delayMs, signal)
    if (setup === undefined)
      return entraError(
        { now },
        400,
        'invalid_request',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      )
    const cloud = setup.cloud ?? 'public'
    if (!isCloudName(cloud)) throw new TypeError(`createTenantsFake: unknown cloud for ${tenant}`)
    if (setup.failures !== undefined && count <= setup.failures.times) {
      return new Response(JSON.stringify({ error: 'temporarily_unavailable' }), {
        status: setup.failures.status ?? 503,
        headers: { 'content-type': 'application/json' },
      })
    }
    if (setup.outcome === 'unavailable') return new Response('Service Unavailable', { status: 503 })
    if (setup.throttle !== undefined && count <= setup.throttle.times) {
      return new Response(
        JSON.stringify({ error: 'temporarily_unavailable', error_description: 'Too many requests.' }),
        {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': setup.throttle.retryAfter },
        },
      )
    }
    const code = setup.aadsts ?? OUTCOME_CODES[setup.outcome ?? 'ready']
    if (code !== undefined)
      return entraError(
        { now },
        CLIENT_CODES.has(code) ? 401 : 400,
        CLIENT_CODES.has(code) ? 'invalid_client' : 'invalid_request',
        code,
        `The test tenant ${tenant} is set to answer AADSTS${code}.`,
      )
    const app: TestApplication = {
      clientId,
      ...(options.secret !== undefined ? { secret: options.secret } : {}),
      ...(options.certificatePem !== undefined ? { certificatePem: options.certificatePem } : {}),
      ...(options.acceptAssertion !== undefined ? { acceptAssertion: options.acceptAssertion } : {}),
    }
    return answerTokenRequest(
      {
        tenantId: tenant,
        cloud,
        now,
        application: (id) => (id === clientId ? app : undefined),
        mint: (_client, api) => {
          if (options.reuseTokens !== true) return mint(tenant, cloud, api, rolesFor(setup, api))
          const cacheKey = `${tenant}|${api}`
          let token = minted.get(cacheKey)
          if (token === undefined)
            minted.set(cacheKey, (token = mint(tenant, cloud, api, rolesFor(setup, api))))
          return token
        },
      },
      url.href,
      body,
    )
  }

  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const { url, method } = requestUrlAndMethod(input, init)
    requests++
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    try {
      if (method !== 'POST' || !URL.canParse(url))
        return new Response(null, { status: 405, headers: { allow: 'POST' } })
      const signal = init?.signal ?? (input instanceof Request ? input.signal : null)
      return await answer(new URL(url), await requestBody(input, init), signal)
    } finally {
      inFlight--
    }
  }

  return {
    fetch: fetchImpl,
    handle: (request) => fetchImpl(request),
    get requests() {
      return requests
    },
    get inFlight() {
      return inFlight
    },
    get maxInFlight() {
      return maxInFlight
    },
    requestsFor: (tenant) => perTenant.get(tenant.toLowerCase()) ?? 0,
  }
}

const OUTCOME_CODES: Partial<Record<TenantOutcome, number>> = {
  'not-onboarded': 700016,
  'api-not-in-tenant': 500011,
  'tenant-not-found': 90002,
  'credential-problem': 7000215,
}

/** Codes Entra sends with 401 invalid_client (the app's own credential). */
const CLIENT_CODES: ReadonlySet<number> = new Set([7000215, 7000222, 7000218, 70002, 700027, 700024, 700021])

function rolesFor(setup: FakeTenantSetup, api: TestTokenApi): readonly string[] {
  if (setup.roles !== undefined) return setup.roles
  if (setup.outcome === 'missing-permissions')
    throw new TypeError('createTenantsFake: a missing-permissions tenant needs roles (what consent granted).')
  if (setup.outcome === 'not-consented') return []
  const catalog = BUILTIN_CATALOGS[api]
  return catalog.permissions.filter((p) => p.kind === 'application').map((p) => p.value)
}

function delay(ms: number, signal: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) return reject(new DOMException('aborted', 'AbortError'))
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(new DOMException('aborted', 'AbortError'))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
