import { createVerifier } from '@claimcheck/core'
import { createTestTenant, fixedClock, type FixedClock, type TestTenant } from '@claimcheck/core/testing'
import '@claimcheck/core/vitest'
import { beforeEach, describe, expect, it } from 'vitest'
import { createDefenderProxy, type Handler } from '../src/index.js'

const MACHINE = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07'
const ISOLATE = `https://proxy.example/api/machines/${MACHINE}/isolate`

let clock: FixedClock
let tenant: TestTenant
let api: Handler

function call(url: string, token: string | null, method = 'GET'): Promise<Response> {
  return api(
    new Request(url, { method, headers: token === null ? {} : { authorization: `Bearer ${token}` } }),
  )
}

async function findings(response: Response): Promise<string[]> {
  const body = (await response.json()) as { error: { findings?: string[] } }
  return body.error.findings ?? []
}

beforeEach(async () => {
  clock = fixedClock('2025-06-01T09:00:00Z')
  tenant = await createTestTenant({ now: clock })
  const verifier = createVerifier({
    audience: 'https://api.securitycenter.microsoft.com',
    tenants: [tenant.tenantId],
    fetch: tenant.fetch,
    now: clock,
  })
  api = createDefenderProxy({ verifier })
})

describe('the Defender proxy API', () => {
  it('asks for a token when none is sent', async () => {
    const response = await call('https://proxy.example/api/alerts', null)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="defender-proxy-api"$/)
  })

  it('lets an app with Machine.Isolate isolate a machine', async () => {
    const token = await tenant.issueToken({ api: 'mde', roles: ['Machine.Isolate'] })
    const response = await call(ISOLATE, token, 'POST')
    expect(response.status).toBe(201)
    expect(await response.json()).toMatchObject({
      type: 'Isolate',
      machineId: MACHINE,
      requestor: `app ${tenant.clientId}`,
    })
  })

  it('forbids an app without the permission (403 insufficient_scope, naming the permission)', async () => {
    const token = await tenant.issueToken({ api: 'mde', roles: ['Alert.Read.All'] })
    expect((await call('https://proxy.example/api/alerts', token)).status).toBe(200)
    const response = await call(ISOLATE, token, 'POST')
    expect(response.status).toBe(403)
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"')
    expect(response.headers.get('www-authenticate')).toContain('Machine.Isolate')
    expect(await findings(response)).toContain('permission-missing')
  })

  it('accepts a delegated token with the user scope', async () => {
    const token = await tenant.issueToken({ api: 'mde', kind: 'delegated', scopes: ['Machine.Isolate'] })
    const response = await call(ISOLATE, token, 'POST')
    expect(response.status).toBe(201)
    expect(await response.json()).toMatchObject({ requestor: tenant.user.upn })
  })

  it('refuses (401 invalid_token) expired tokens, other tenants, other APIs and unknown keys', async () => {
    const expired = await tenant.issueToken({ api: 'mde', roles: ['Machine.Isolate'], lifetimeSeconds: 600 })
    const stranger = await (
      await createTestTenant({ now: clock })
    ).issueToken({ api: 'mde', roles: ['Machine.Isolate'] })
    const m365d = await tenant.issueToken({ api: 'm365d', roles: ['Machine.Isolate'] })
    const forged = await tenant.issueToken({
      api: 'mde',
      roles: ['Machine.Isolate'],
      signingKey: 'unpublished',
    })
    clock.advance(600 + 301)
    const cases: [string, string][] = [
      [expired, 'token-expired'],
      [stranger, 'tenant-not-allowed'],
      [m365d, 'wrong-api'],
      [forged, 'signing-key-not-found'],
    ]
    for (const [token, code] of cases) {
      const response = await call(ISOLATE, token, 'POST')
      expect(response.status, code).toBe(401)
      expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"')
      expect(await findings(response)).toContain(code)
    }
  })

  it('keeps working across a key rotation, fetching the key set again only when a new kid appears', async () => {
    const first = await tenant.issueToken({ api: 'mde', roles: ['Alert.Read.All'] })
    expect((await call('https://proxy.example/api/alerts', first)).status).toBe(200)
    const fetchesBefore = tenant.requests.length
    expect(
      (
        await call(
          'https://proxy.example/api/alerts',
          await tenant.issueToken({ api: 'mde', roles: ['Alert.Read.All'] }),
        )
      ).status,
    ).toBe(200)
    expect(tenant.requests.length).toBe(fetchesBefore)

    await tenant.rotateKeys()
    const rotated = await tenant.issueToken({ api: 'mde', roles: ['Alert.Read.All'] })
    expect((await call('https://proxy.example/api/alerts', rotated)).status).toBe(200)
    expect(tenant.requests.length).toBeGreaterThan(fetchesBefore)
    expect((await call('https://proxy.example/api/alerts', first)).status).toBe(200)
  })

  it('answers 404 and 405 without looking at the token', async () => {
    expect((await call('https://proxy.example/api/nothing', null)).status).toBe(404)
    const response = await call(ISOLATE, null, 'GET')
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
  })
})
