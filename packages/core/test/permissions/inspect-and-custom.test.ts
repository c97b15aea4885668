import { describe, expect, it } from 'vitest'
import { checkPermissions, inspectToken, parseCatalog, type PermissionCatalog } from '../../src/index.js'
import { MDE_AUD, appOnlyClaims, at, delegatedClaims, jwt } from './tokens.js'

const ORDERS = {
  id: 'contoso-orders',
  name: 'Contoso Orders API',
  appId: '6e5d4c3b-2a19-4807-b6a5-948372615041',
  identifierUris: ['api://contoso-orders'],
  hosts: ['orders.contoso.example'],
  permissions: [
    { value: 'Orders.Read.All', kind: 'application', id: null },
    { value: 'Orders.ReadWrite.All', kind: 'application', id: null, includes: ['Orders.Read.All'] },
    { value: 'Orders.Read', kind: 'delegated', id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' },
  ],
  aliases: { 'Order.Read.All': 'Orders.Read.All' },
  operations: [
    {
      method: 'GET',
      path: '/orders/{id}',
      application: ['Orders.Read.All', 'Orders.ReadWrite.All'],
      delegated: ['Orders.Read'],
      source: 'https://contoso.example/docs/orders',
    },
    { method: 'DELETE', path: '/orders/{id}', application: ['Orders.ReadWrite.All'], delegated: [] },
  ],
}

describe('inspectToken fills Report.permissions', () => {
  it('app-only token, operation granted', () => {
    const r = inspectToken(jwt(appOnlyClaims(['Machine.Isolate'])), {
      ...at,
      api: 'mde',
      operation: 'POST /api/machines/x/isolate',
    })
    expect(r.permissions).toMatchObject({
      satisfied: true,
      context: 'application',
      granted: ['Machine.Isolate'],
      operation: 'POST /api/machines/{id}/isolate',
      api: 'mde',
    })
    expect(r.ok).toBe(true)
  })

  it('denied: ok is false and permission-missing is in the findings', () => {
    const r = inspectToken(jwt(appOnlyClaims(['Machine.Read.All'])), {
      ...at,
      operation: 'POST /api/machines/x/isolate',
    })
    expect(r.ok).toBe(false)
    expect(r.permissions).toMatchObject({ satisfied: false, missing: ['Machine.Isolate'] })
    expect(r.findings.map((f) => f.code)).toContain('permission-missing')
  })

  it('no operation, no requirement: nothing checked', () => {
    const r = inspectToken(jwt(appOnlyClaims(['Machine.Isolate'])), { ...at, api: 'mde' })
    expect(r.permissions).toMatchObject({ satisfied: null, required: [], operation: null, api: null })
  })

  it('wrong-api is emitted once when both the audience check and the permission check see it', () => {
    const withApi = inspectToken(jwt(appOnlyClaims(['AdvancedQuery.Read.All'])), {
      ...at,
      api: 'm365d',
      operation: 'POST /api/advancedhunting/run',
    })
    expect(withApi.findings.filter((f) => f.code === 'wrong-api')).toHaveLength(1)
    const fromUrl = inspectToken(jwt(appOnlyClaims(['AdvancedQuery.Read.All'])), {
      ...at,
      operation: 'POST https://api.security.microsoft.com/api/advancedhunting/run',
    })
    expect(fromUrl.findings.filter((f) => f.code === 'wrong-api')).toHaveLength(1)
    expect(fromUrl.permissions.satisfied).toBe(false)
  })

  it('an unknown operation is refused (fail closed): satisfied false, operation-unknown is an error', () => {
    const r = inspectToken(jwt(appOnlyClaims(['Machine.Read.All'])), { ...at, operation: 'GET /api/unknown' })
    expect(r.permissions.satisfied).toBe(false)
    expect(r.findings.find((f) => f.code === 'operation-unknown')?.severity).toBe('error')
    expect(r.verdict).toBe('refused')
  })

  it('delegated token: delegated-needs-user-role note', () => {
    const r = inspectToken(jwt(delegatedClaims('Alert.Read')), { ...at, operation: 'GET /api/alerts/da637' })
    expect(r.permissions).toMatchObject({ satisfied: true, context: 'delegated' })
    expect(r.findings.map((f) => f.code)).toContain('delegated-needs-user-role')
  })
})

describe('custom catalogs', () => {
  const parsed = parseCatalog(ORDERS)
  const catalog = parsed.catalog as PermissionCatalog

  it('validates the documented format', () => {
    expect(parsed.errors).toEqual([])
    expect(catalog.operations).toHaveLength(2)
  })

  it('checks tokens against it with the same findings', () => {
    const token = jwt(appOnlyClaims(['Orders.ReadWrite.All'], 'api://contoso-orders'))
    const r = inspectToken(token, {
      ...at,
      catalog,
      operation: 'GET https://orders.contoso.example/orders/17?expand=lines',
    })
    expect(r.permissions).toMatchObject({
      satisfied: true,
      api: 'contoso-orders',
      granted: ['Orders.ReadWrite.All'],
      source: 'https://contoso.example/docs/orders',
    })
    expect(r.findings.map((f) => f.code)).toContain('permission-broader-than-needed')
    const del = inspectToken(jwt(delegatedClaims('Orders.Read', 'api://contoso-orders')), {
      ...at,
      catalog,
      operation: 'DELETE /orders/17',
    })
    expect(del.findings.map((f) => f.code)).toContain('permission-kind-mismatch')
    const alias = inspectToken(token, { ...at, catalog, require: ['order.read.all'] })
    expect(alias.permissions).toMatchObject({ satisfied: false, missing: ['Orders.Read.All'] })
  })

  it('a token for another audience gets audience-mismatch (wrong-api for a known API), once', () => {
    const r = inspectToken(jwt(appOnlyClaims(['Orders.Read.All'], 'api://someone-else')), {
      ...at,
      catalog,
      operation: 'GET /orders/1',
    })
    expect(r.findings.filter((f) => f.code === 'audience-mismatch')).toHaveLength(1)
    expect(r.permissions.satisfied).toBe(false)
    const mde = inspectToken(jwt(appOnlyClaims(['Orders.Read.All'], MDE_AUD)), {
      ...at,
      catalog,
      operation: 'GET /orders/1',
      audience: 'api://contoso-orders',
    })
    expect(mde.findings.filter((f) => f.code === 'audience-mismatch' || f.code === 'wrong-api')).toHaveLength(
      1,
    )
  })

  it('rejects invalid catalogs with every problem', () => {
    const bad = parseCatalog({
      ...ORDERS,
      id: 'bad id',
      extra: 1,
      operations: [
        { method: 'FETCH', path: 'orders' },
        { method: 'GET', path: '/x', application: ['Nope.All'] },
      ],
    })
    expect(bad.ok).toBe(false)
    expect(bad.errors.length).toBeGreaterThanOrEqual(4)
    expect(parseCatalog(null).ok).toBe(false)
    expect(parseCatalog({ ...ORDERS, permissions: [{ value: 'A B', kind: 'application' }] }).ok).toBe(false)
    expect(parseCatalog({ ...ORDERS, aliases: { __proto__: 'x' } }).ok).toBe(true)
    expect(() =>
      checkPermissions({ payload: {} }, { catalog: { id: 'x' } as never, require: ['a'] }),
    ).toThrow(TypeError)
  })
})
