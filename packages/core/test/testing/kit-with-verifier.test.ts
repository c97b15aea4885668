import { describe, expect, it } from 'vitest'
import { createVerifier, inspectToken, parseCatalog } from '../../src/index.js'
import {
  assertAccepted,
  assertDoesNotGrant,
  assertGrants,
  assertRefused,
  createTestTenant,
  fetchForTenants,
  fixedClock,
  TokenAssertionError,
} from '../../src/testing/index.js'
import '../../src/vitest/index.js'

const NOW = '2025-03-01T12:00:00Z'
const MDE = 'https://api.securitycenter.microsoft.com'

describe('the kit with the permission model', () => {
  it('assertGrants / toGrant follow the Defender catalog for app-only and delegated tokens', async () => {
    const tenant = await createTestTenant({ now: fixedClock(NOW) })
    const app = await tenant.issueToken({ api: 'mde', roles: ['Machine.Isolate', 'Alert.Read.All'] })
    expect(assertGrants(app, 'POST /api/machines/{id}/isolate', { api: 'mde' }).permissions.satisfied).toBe(
      true,
    )
    assertGrants(app, 'GET /api/alerts', { api: 'mde' })
    assertDoesNotGrant(app, 'PATCH /api/alerts/{id}', { api: 'mde' })
    await expect(app).toGrant('GET /api/alerts/{id}', { api: 'mde' })
    await expect(app).not.toGrant('POST /api/advancedqueries/run', { api: 'mde' })

    const user = await tenant.issueToken({ api: 'mde', kind: 'delegated', scopes: ['Alert.ReadWrite'] })
    await expect(user).toGrant('PATCH /api/alerts/{id}', { api: 'mde' })
    // Application permission names in scp grant nothing: the kinds differ.
    const confused = await tenant.issueToken({
      api: 'mde',
      kind: 'delegated',
      scopes: ['Alert.ReadWrite.All'],
    })
    await expect(confused).not.toGrant('PATCH /api/alerts/{id}', { api: 'mde' })
  })

  it('checks your own API against its catalog (the catalog option)', async () => {
    const parsed = parseCatalog({
      id: 'contoso-orders',
      name: 'Contoso Orders API',
      appId: null,
      identifierUris: ['api://contoso-orders'],
      hosts: ['orders.contoso.example'],
      permissions: [
        { value: 'Orders.Read.All', kind: 'application', id: null },
        { value: 'Orders.Read', kind: 'delegated', id: null },
      ],
      operations: [
        { method: 'GET', path: '/orders/{id}', application: ['Orders.Read.All'], delegated: ['Orders.Read'] },
      ],
    })
    if (!parsed.ok) throw new Error('catalog invalid')
    const catalog = parsed.catalog
    const tenant = await createTestTenant({ now: fixedClock(NOW) })
    const reader = await tenant.issueToken({
      api: { audience: 'api://contoso-orders' },
      roles: ['Orders.Read.All'],
    })
    await expect(reader).toGrant('GET /orders/{id}', { catalog })
    const nobody = await tenant.issueToken({ api: { audience: 'api://contoso-orders' } })
    await expect(nobody).not.toGrant('GET /orders/{id}', { catalog })
    await expect(expect(nobody).toGrant('GET /orders/{id}', { catalog })).rejects.toThrow(
      /Contoso Orders API/,
    )
  })

  it('explains a missing permission with required, granted and missing', async () => {
    const tenant = await createTestTenant({ now: fixedClock(NOW) })
    const token = await tenant.issueToken({ api: 'mde', roles: ['Alert.Read.All'] })
    let error: unknown
    try {
      assertGrants(token, 'POST /api/machines/{id}/isolate', { api: 'mde' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(TokenAssertionError)
    const report = (error as TokenAssertionError).report
    expect(report.findings.map((f) => f.code)).toContain('permission-missing')
    expect(report.permissions.missing).toContain('Machine.Isolate')
    expect((error as TokenAssertionError).message).toMatch(
      /permission-missing[\s\S]*Machine\.Isolate|Machine\.Isolate[\s\S]*permission-missing/,
    )
  })
})

describe('the kit with createVerifier', () => {
  it('verifies tokens through tenant.fetch (v1 and v2), refuses other tenants without fetching for them', async () => {
    const clock = fixedClock(NOW)
    const tenant = await createTestTenant({ now: clock })
    const other = await createTestTenant({ now: clock })
    const verifier = createVerifier({
      audience: [MDE, 'api://contoso-orders'],
      tenants: [tenant.tenantId],
      fetch: tenant.fetch,
      now: clock,
    })
    const v1 = await tenant.issueToken({ api: 'mde', roles: ['Alert.Read.All'] })
    const report = await assertAccepted(verifier, v1, { api: 'mde', operation: 'GET /api/alerts' })
    expect(report.signature.status).toBe('valid')
    expect(report.signature.jwksUri).toBe(tenant.endpoints('1.0').jwksUri)
    const v2 = await tenant.issueToken({
      api: { audience: 'api://contoso-orders' },
      kind: 'delegated',
      scopes: ['Orders.Read'],
      version: '2.0',
    })
    expect((await assertAccepted(verifier, v2)).signature.jwksUri).toBe(tenant.endpoints('2.0').jwksUri)
    await assertRefused(
      verifier,
      await other.issueToken({ api: 'mde', roles: ['Machine.Read.All'] }),
      {},
      'tenant-not-allowed',
    )
    expect(other.requests).toHaveLength(0)
  })

  it('reports forged, tampered, expired and rotated-away tokens with the right codes', async () => {
    const clock = fixedClock(NOW)
    const tenant = await createTestTenant({ now: clock })
    const verifier = createVerifier({
      audience: MDE,
      tenants: [tenant.tenantId],
      fetch: tenant.fetch,
      now: clock,
    })
    await assertRefused(
      verifier,
      await tenant.issueToken({ api: 'mde', signingKey: 'unpublished' }),
      {},
      'signing-key-not-found',
    )
    const good = await tenant.issueToken({ api: 'mde', roles: ['Alert.Read.All'] })
    const [h, p, s] = good.split('.') as [string, string, string]
    const payload = JSON.parse(
      new TextDecoder().decode(
        Uint8Array.from(atob(p.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
      ),
    ) as Record<string, unknown>
    payload.roles = ['Machine.Isolate']
    const tampered = `${h}.${btoa(JSON.stringify(payload)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.${s}`
    await assertRefused(verifier, tampered, {}, 'signature-invalid')
    await assertAccepted(verifier, good)

    const keep = await createTestTenant({ now: clock })
    const keepVerifier = createVerifier({
      audience: MDE,
      tenants: [keep.tenantId],
      fetch: keep.fetch,
      now: clock,
    })
    const old = await keep.issueToken({ api: 'mde', roles: ['Machine.Read.All'] })
    await assertAccepted(keepVerifier, old)
    await keep.rotateKeys({ keepPrevious: false })
    await assertAccepted(keepVerifier, await keep.issueToken({ api: 'mde', roles: ['Machine.Read.All'] }))

    clock.advance(3600 + 301)
    await assertRefused(verifier, good, {}, 'token-expired')
  })

  it('serves several tenants to one verifier with fetchForTenants', async () => {
    const clock = fixedClock(NOW)
    const a = await createTestTenant({ now: clock })
    const b = await createTestTenant({ now: clock })
    const verifier = createVerifier({
      audience: MDE,
      tenants: [a.tenantId, b.tenantId],
      fetch: fetchForTenants(a, b),
      now: clock,
    })
    await expect(await a.issueToken({ api: 'mde', roles: ['Machine.Read.All'] })).toBeAcceptedBy(verifier)
    await expect(await b.issueToken({ api: 'mde', roles: ['Machine.Read.All'] })).toBeAcceptedBy(verifier)
    expect(a.requests.length).toBeGreaterThan(0)
    expect(b.requests.length).toBeGreaterThan(0)
  })

  it('verifies v1 and v2 tokens against tenant.jwks / tenant.keySet without any fetch', async () => {
    const clock = fixedClock(NOW)
    const tenant = await createTestTenant({ now: clock })
    const v2 = await tenant.issueToken({ api: { audience: 'api://contoso-orders' }, version: '2.0' })
    await assertAccepted(
      createVerifier({
        audience: 'api://contoso-orders',
        tenants: [tenant.tenantId],
        jwks: tenant.jwks,
        now: clock,
      }),
      v2,
    )
    const v1 = await tenant.issueToken({ api: 'mde', roles: ['Machine.Read.All'] })
    await assertAccepted(
      createVerifier({ audience: MDE, tenants: [tenant.tenantId], jwks: tenant.keySet('1.0'), now: clock }),
      v1,
    )
    // A v1 token against the v2 key set: the key's v2 issuer names the same tenant, as Microsoft's validator accepts.
    await assertAccepted(
      createVerifier({ audience: MDE, tenants: [tenant.tenantId], jwks: tenant.jwks, now: clock }),
      v1,
    )
    expect(tenant.requests).toHaveLength(0)
    // The inspect-only path agrees on the shape.
    expect(inspectToken(v1, { now: clock, api: 'mde' }).ok).toBe(true)
  })
})
