import { randomBytes } from 'node:crypto'
import type { BrowserContext, Route } from 'playwright-core'
import type { TestTenant } from '@claimcheck/core/testing'

// Entra's sign-in endpoints, answered inside the browser by the test (no network) for one tenant of core's testing
// kit: metadata from the kit, the authorize request with a redirect to the page's redirect bridge carrying a code and
// the request's own state, and the token endpoint with tokens the kit mints (the ID token with the request's nonce).

export interface AuthorizeSeen {
  clientId: string
  redirectUri: string
  state: string
  nonce: string
  scope: string
  codeChallenge: string
  responseMode: string
}

export interface TokenSeen {
  grantType: string
  body: URLSearchParams
}

/** What the token endpoint answers: tokens (the access token minted per request), or an error Entra would send. */
export type TokenAnswer =
  { accessToken: (scope: string) => Promise<string> } | { status: number; error: Record<string, unknown> }

export interface FakeEntra {
  authorize: AuthorizeSeen[]
  token: TokenSeen[]
  /** Every request to a sign-in host: "METHOD url". */
  requests: string[]
  /** Every access, ID and refresh token handed out. */
  issued: string[]
  answer: TokenAnswer
}

const CORS = (origin: string) => ({
  'access-control-allow-origin': origin,
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': '*',
  'access-control-expose-headers': '*',
})

function b64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/** Instance discovery as Entra answers it for its public cloud. */
function instanceDiscovery(tenant: TestTenant): object {
  return {
    tenant_discovery_endpoint: tenant.endpoints('2.0').discovery,
    'api-version': '1.1',
    metadata: [
      {
        preferred_network: 'login.microsoftonline.com',
        preferred_cache: 'login.windows.net',
        aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
      },
    ],
  }
}

export async function answerEntraSignIn(
  context: BrowserContext,
  tenant: TestTenant,
  appOrigin: string,
  answer: TokenAnswer,
): Promise<FakeEntra> {
  const fake: FakeEntra = { authorize: [], token: [], requests: [], issued: [], answer }
  const clientInfo = b64url({ uid: tenant.user.oid, utid: tenant.tenantId })
  const codes = new Map<string, AuthorizeSeen>()

  const handle = async (route: Route): Promise<void> => {
    const request = route.request()
    const url = new URL(request.url())
    fake.requests.push(`${request.method()} ${request.url()}`)
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS(appOrigin) })
    const json = (status: number, body: object) =>
      route.fulfill({
        status,
        contentType: 'application/json; charset=utf-8',
        headers: CORS(appOrigin),
        body: JSON.stringify(body),
      })

    if (url.pathname === '/common/discovery/instance') return json(200, instanceDiscovery(tenant))

    if (url.pathname.endsWith('/oauth2/v2.0/authorize')) {
      const p = url.searchParams
      const seen: AuthorizeSeen = {
        clientId: p.get('client_id') ?? '',
        redirectUri: p.get('redirect_uri') ?? '',
        state: p.get('state') ?? '',
        nonce: p.get('nonce') ?? '',
        scope: p.get('scope') ?? '',
        codeChallenge: p.get('code_challenge') ?? '',
        responseMode: p.get('response_mode') ?? '',
      }
      fake.authorize.push(seen)
      const code = randomBytes(24).toString('base64url')
      codes.set(code, seen)
      const response = new URLSearchParams({
        code,
        client_info: clientInfo,
        state: seen.state,
        session_state: randomBytes(8).toString('hex'),
      })
      const sep = seen.responseMode === 'query' ? '?' : '#'
      return route.fulfill({ status: 302, headers: { location: `${seen.redirectUri}${sep}${response}` } })
    }

    if (url.pathname.endsWith('/oauth2/v2.0/token') && request.method() === 'POST') {
      const body = new URLSearchParams(request.postData() ?? '')
      fake.token.push({ grantType: body.get('grant_type') ?? '', body })
      const a = fake.answer
      if ('error' in a) return json(a.status, a.error)
      const code = body.get('code')
      const authorize = code === null ? fake.authorize.at(-1) : codes.get(code)
      if (authorize === undefined)
        return json(400, {
          error: 'invalid_grant',
          error_description: 'AADSTS70008: The provided authorization code or refresh token has expired.',
          error_codes: [70008],
        })
      const scope = body.get('scope') ?? ''
      const accessToken = await a.accessToken(scope)
      const idToken = await tenant.issueToken({
        kind: 'id-token',
        clientId: authorize.clientId,
        nonce: authorize.nonce,
      })
      const refreshToken = `test-refresh-${randomBytes(24).toString('base64url')}`
      fake.issued.push(accessToken, idToken, refreshToken)
      return json(200, {
        token_type: 'Bearer',
        scope,
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: accessToken,
        refresh_token: refreshToken,
        id_token: idToken,
        client_info: clientInfo,
      })
    }

    // Discovery documents and key sets: the kit's own answers.
    const res = await tenant.fetch(request.url())
    return route.fulfill({
      status: res.status,
      contentType: 'application/json; charset=utf-8',
      headers: CORS(appOrigin),
      body: await res.text(),
    })
  }

  await context.route('https://login.microsoftonline.com/**', handle)
  return fake
}

/** Every 16-character window of a token: a leak of any recognisable piece is caught. */
export function tokenPieces(token: string): string[] {
  const out: string[] = []
  for (let i = 0; i + 16 <= token.length; i += 8) out.push(token.slice(i, i + 16))
  return out
}
