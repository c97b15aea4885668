// Issue 24 point 3: the answer's own API decides; the token is only compared with it. Plus the answers the page's
// box and `explain` now read: AADSTS JSON, CAE claims challenges, 429s, bare status lines.
import { describe, expect, it } from 'vitest'
import { explainApiResponse } from '../../../src/index.js'
import { at, appOnlyClaims, jwt } from '../tokens.js'
import { ANSWER_FIXTURES } from './fixtures.js'

const GRAPH_ALERTS = ANSWER_FIXTURES.find((f) => f.name.startsWith('Graph alerts_v2'))?.text as string
const MDE_MACHINES = ANSWER_FIXTURES.find((f) => f.name.includes('only Machine.StopAndQuarantine'))
  ?.text as string
const mdeToken = jwt(appOnlyClaims(['Machine.Read.All', 'Alert.Read.All']))
const graphToken = jwt(appOnlyClaims(['User.Read.All'], 'https://graph.microsoft.com'))

describe('which API answered: the answer decides, the token is compared', () => {
  it("Graph's role names make it Graph's answer, whatever token came with it", () => {
    expect(explainApiResponse(GRAPH_ALERTS).api).toBe('graph')
    const r = explainApiResponse(GRAPH_ALERTS, { token: mdeToken, ...at })
    expect(r.api).toBe('graph')
    expect(r.apiFrom).toBe('answer')
    expect(r.tokenApi).toBe('mde')
    expect(r.tokenForAnotherApi).toBe(true)
    expect(r.add).toMatchObject({ permission: 'SecurityAlert.Read.All', api: 'graph', alreadyInToken: false })
    // The first advice names the token to request instead; none calls SecurityAlert.Read.All an MDE permission.
    expect(r.advice[0]).toContain('Microsoft Graph')
    expect(r.advice[0]).toContain('https://graph.microsoft.com/.default')
    expect(r.advice[0]).toContain('SecurityAlert.Read.All')
    expect(r.advice.join(' ')).not.toMatch(/SecurityAlert\.Read\.All \(Microsoft Defender for Endpoint\)/)
  })

  it("a Defender for Endpoint answer with a Graph token: the answer's API, and the token to request", () => {
    const r = explainApiResponse(MDE_MACHINES, { token: graphToken, ...at })
    expect(r.api).toBe('mde')
    expect(r.tokenForAnotherApi).toBe(true)
    expect(r.advice[0]).toContain('https://api.securitycenter.microsoft.com/.default')
  })

  it('the same API on both sides: no mismatch, the permission to add', () => {
    const r = explainApiResponse(MDE_MACHINES, { token: mdeToken, ...at })
    expect(r.tokenForAnotherApi).toBe(false)
    expect(r.add?.alreadyInToken).toBe(true)
  })

  it('the token fills in only when the answer does not tell, and says so', () => {
    const r = explainApiResponse('Authorization has been denied for this request.', {
      token: mdeToken,
      ...at,
    })
    expect(r.api).toBe('mde')
    expect(r.apiFrom).toBe('token')
    expect(r.tokenForAnotherApi).toBe(false)
  })

  it("a WWW-Authenticate challenge's client_id names the API", () => {
    const r = explainApiResponse(
      'WWW-Authenticate: Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
      { token: mdeToken, ...at },
    )
    expect(r.api).toBe('graph')
    expect(r.tokenForAnotherApi).toBe(true)
  })
})

describe('a CAE claims challenge is decoded and explained', () => {
  // {"access_token":{"nbf":{"essential":true, "value":"1604106651"}}} — Entra's CAE example.
  const claims = btoa('{"access_token":{"nbf":{"essential":true, "value":"1604106651"}}}')
  const header = `WWW-Authenticate: Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="${claims}"`

  it('as a revocation: revoked session or a disallowed location, and the claims sent to MSAL with cp1', () => {
    const r = explainApiResponse(header)
    expect(r.status).toBe(401)
    expect(r.claimsChallenge).toMatchObject({ kind: 'revoked', authContext: [] })
    expect(r.claimsChallenge?.claims).toContain('"nbf"')
    expect(r.advice[0]).toMatch(/revoked/)
    expect(r.advice[0]).toMatch(/location or IP/)
    expect(r.advice[1]).toContain('cp1')
    expect(r.advice[1]).toMatch(/claims/)
  })

  it('an authentication-context challenge names the context', () => {
    const acrs = btoa('{"access_token":{"acrs":{"essential":true,"value":"c2"}}}')
    const r = explainApiResponse(`Bearer error="insufficient_claims", claims="${acrs}"`)
    expect(r.claimsChallenge).toMatchObject({ kind: 'auth-context', authContext: ['c2'] })
  })

  it('an undecodable claims value is still a claims challenge, never a throw', () => {
    const r = explainApiResponse('Bearer error="insufficient_claims", claims="%%%not base64"')
    expect(r.claimsChallenge).toEqual({ kind: 'other', claims: null, authContext: [] })
  })
})

describe('429 answers (Graph and Defender) with Retry-After and the documented limits', () => {
  it("Graph's TooManyRequests with Retry-After", () => {
    const r = explainApiResponse(
      'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 30\r\nContent-Type: application/json\r\n\r\n{"error":{"code":"TooManyRequests","message":"Too many requests.","innerError":{"request-id":"x","date":"2026-01-01T00:00:00"}}}',
    )
    expect(r).toMatchObject({ form: 'too-many-requests', status: 429, api: 'graph', retryAfterSeconds: 30 })
    expect(r.rateLimits.join(' ')).toContain('130,000')
    expect(r.advice[0]).toContain('30 second')
  })

  it("Defender's 429 body (error.code, message, target) and an HTTP-date Retry-After", () => {
    const r = explainApiResponse(
      'HTTP/1.1 429 Too Many Requests\nRetry-After: Wed, 01 May 2024 10:01:00 GMT\n\n{"error":{"code":"TooManyRequests","message":"Rate limit is exceeded. Try again in 60 seconds.","target":"e7a8…"}}',
      { now: new Date('2024-05-01T10:00:00Z') },
    )
    expect(r).toMatchObject({ form: 'too-many-requests', api: 'mde', retryAfterSeconds: 60 })
    expect(r.rateLimits.length).toBeGreaterThan(0)
  })

  it('without Retry-After: back off', () => {
    const r = explainApiResponse('{"error":{"code":"TooManyRequests","message":"Too many requests"}}')
    expect(r.retryAfterSeconds).toBeNull()
    expect(r.advice[0]).toMatch(/back off/)
  })
})

describe("an Entra error in the answer box is explained (the page's box calls this)", () => {
  it("a token endpoint's AADSTS JSON", () => {
    const r = explainApiResponse(
      '{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.\\r\\nTrace ID: 1","error_codes":[7000215]}',
    )
    expect(r).toMatchObject({ recognized: true, form: 'aadsts', errorCode: 'AADSTS7000215' })
    expect(r.aadsts?.known).toBe(true)
    expect(r.advice[1]).toBe(r.aadsts?.fix)
  })

  it('an AADSTS text', () => {
    const r = explainApiResponse(
      "AADSTS9010010: The resource parameter provided in the request doesn't match with the requested scopes.",
    )
    expect(r.aadsts?.known).toBe(true)
    expect(r.aadsts?.fix).toMatch(/App ID URI/)
  })
})

describe('a bare status line is read as an API answer', () => {
  it.each([
    ['HTTP/1.1 401 Unauthorized', 401],
    ['HTTP/2 403', 403],
    ['401 Unauthorized', 401],
  ] as const)('%s', (text, status) => {
    const r = explainApiResponse(text)
    expect(r).toMatchObject({ recognized: true, form: 'http-status', status })
    expect(r.advice.length).toBe(1)
  })
})
