import { compactVerify, decodeProtectedHeader, importX509 } from 'jose'
import { API_RESOURCES } from '../entra/apis.js'
import type { CloudName } from '../entra/clouds.js'
import { thumbprintS256 } from './test-certificate.js'

/** The Defender APIs a test application can hold application permissions for. */
export type TestTokenApi = 'mde' | 'm365d'

/**
 * A partner's multi-tenant app as one test tenant knows it: its credentials (on the home registration) and the
 * application permissions admin consent granted in this tenant.
 */
export interface TestApplication {
  clientId: string
  /** The client secret's value the app registration accepts. */
  secret?: string
  /** Answer AADSTS7000222 (secret expired) when this secret is presented. */
  secretExpired?: boolean
  /** A certificate (PEM) uploaded to the app registration: client assertions signed with its key are accepted. */
  certificatePem?: string
  /** Federated credentials: a client assertion this function accepts is accepted (e.g. a workload identity token). */
  acceptAssertion?: (assertion: string) => boolean
  /** Application permissions granted in this tenant, per API; an API left out issues tokens without roles. */
  roles?: Partial<Record<TestTokenApi, readonly string[]>>
}

/** What the endpoint needs from the tenant serving it. */
export interface TokenEndpointTenant {
  tenantId: string
  cloud: CloudName
  application(clientId: string): TestApplication | undefined
  /** Signs an app-only v1 access token (Defender APIs issue v1 tokens) for the app, API and roles. */
  mint(clientId: string, api: TestTokenApi, roles: readonly string[]): Promise<string>
  now(): Date
}

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
/** Entra allows client assertions five minutes of clock skew. */
const ASSERTION_SKEW_SECONDS = 300

/**
 * Answers a client-credentials request the way Entra's v2 token endpoint does, AADSTS codes and all: an unknown
 * client is AADSTS700016, a wrong secret AADSTS7000215, a bad assertion AADSTS700027 / 700024, a resource the
 * tenant lacks AADSTS500011. `requestUrl` is the URL the request came to (the assertion's `aud`).
 */
export async function answerTokenRequest(
  tenant: TokenEndpointTenant,
  requestUrl: string,
  body: string,
): Promise<Response> {
  const form = new URLSearchParams(body)
  if (form.get('grant_type') !== 'client_credentials') {
    return entraError(
      tenant,
      400,
      'unsupported_grant_type',
      70003,
      'The app requested an unsupported grant type; this test endpoint serves client_credentials only.',
    )
  }
  const clientId = (form.get('client_id') ?? '').toLowerCase()
  const app = tenant.application(clientId)
  if (app === undefined) {
    return entraError(
      tenant,
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant.tenantId}'.`,
    )
  }
  const refused = await checkCredential(tenant, app, form, requestUrl)
  if (refused !== null) return refused

  const scope = form.get('scope') ?? ''
  const api = apiForScope(scope, tenant.cloud)
  if (api === null) {
    return entraError(
      tenant,
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${scope.replace(/\/\.default$/, '')} was not found in the tenant named ${tenant.tenantId}.`,
    )
  }
  const accessToken = await tenant.mint(app.clientId, api, app.roles?.[api] ?? [])
  return json(200, {
    token_type: 'Bearer',
    expires_in: 3599,
    ext_expires_in: 3599,
    access_token: accessToken,
  })
}

async function checkCredential(
  tenant: TokenEndpointTenant,
  app: TestApplication,
  form: URLSearchParams,
  requestUrl: string,
): Promise<Response | null> {
  const secret = form.get('client_secret')
  const assertion = form.get('client_assertion')
  if (secret === null && assertion === null) {
    return entraError(
      tenant,
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    )
  }
  if (secret !== null) {
    if (app.secret === undefined || secret !== app.secret) {
      return entraError(
        tenant,
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
      )
    }
    if (app.secretExpired === true) {
      return entraError(
        tenant,
        401,
        'invalid_client',
        7000222,
        `The provided client secret keys for app '${app.clientId}' are expired.`,
      )
    }
    return null
  }
  if (form.get('client_assertion_type') !== JWT_BEARER || assertion === null) {
    return entraError(
      tenant,
      401,
      'invalid_client',
      7000218,
      "client_assertion_type must be 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'.",
    )
  }
  if (app.acceptAssertion?.(assertion) === true) return null
  if (app.certificatePem === undefined) {
    return entraError(
      tenant,
      401,
      'invalid_client',
      700027,
      'Client assertion failed signature validation: the app has no certificate.',
    )
  }
  return checkAssertion(tenant, app, app.certificatePem, assertion, requestUrl)
}

async function checkAssertion(
  tenant: TokenEndpointTenant,
  app: TestApplication,
  certificatePem: string,
  assertion: string,
  requestUrl: string,
): Promise<Response | null> {
  const badSignature = entraError(
    tenant,
    401,
    'invalid_client',
    700027,
    'Client assertion failed signature validation.',
  )
  let payload: Record<string, unknown>
  try {
    const header = decodeProtectedHeader(assertion)
    if (header['x5t#S256'] !== (await thumbprintS256(certificatePem))) return badSignature
    const { payload: bytes } = await compactVerify(assertion, await importX509(certificatePem, 'RS256'), {
      algorithms: ['RS256', 'PS256'],
    })
    payload = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>
  } catch {
    return badSignature
  }
  if (payload.iss !== app.clientId || payload.sub !== app.clientId) {
    return entraError(
      tenant,
      401,
      'invalid_client',
      700021,
      "Client assertion application identifier doesn't match 'client_id' parameter.",
    )
  }
  const audience = requestUrl.split('?')[0]
  if (payload.aud !== audience) {
    return entraError(
      tenant,
      401,
      'invalid_client',
      700027,
      `Client assertion audience is not the token endpoint ${audience}.`,
    )
  }
  const now = Math.floor(tenant.now().getTime() / 1000)
  const exp = typeof payload.exp === 'number' ? payload.exp : 0
  const nbf = typeof payload.nbf === 'number' ? payload.nbf : 0
  if (exp + ASSERTION_SKEW_SECONDS < now || nbf - ASSERTION_SKEW_SECONDS > now) {
    return entraError(
      tenant,
      401,
      'invalid_client',
      700024,
      'Client assertion is not within its valid time range.',
    )
  }
  return null
}

function apiForScope(scope: string, cloud: CloudName): TestTokenApi | null {
  if (!scope.endsWith('/.default')) return null
  const resource = scope.slice(0, -'/.default'.length).toLowerCase()
  for (const api of ['mde', 'm365d'] as const) {
    const r = API_RESOURCES[api]
    if (r.resourceByCloud[cloud]?.toLowerCase() === resource || r.appId === resource) return api
  }
  return null
}

function json(status: number, body: object, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  })
}

/** Entra's error body: error, error_description with "AADSTS…" and trace lines, error_codes, error_uri. */
export function entraError(
  tenant: Pick<TokenEndpointTenant, 'now'>,
  status: number,
  error: string,
  code: number,
  text: string,
  headers: Record<string, string> = {},
): Response {
  const timestamp = tenant
    .now()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z')
  return json(
    status,
    {
      error,
      error_description: `AADSTS${code}: ${text} Trace ID: 00000000-0000-0000-0000-000000000000 Correlation ID: 00000000-0000-0000-0000-000000000000 Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: '00000000-0000-0000-0000-000000000000',
      correlation_id: '00000000-0000-0000-0000-000000000000',
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
    headers,
  )
}
