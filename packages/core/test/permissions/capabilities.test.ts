import { describe, expect, it } from 'vitest'
import {
  BUILTIN_CATALOGS,
  capabilitiesOf,
  catalogForToken,
  checkPermissions,
  inspectToken,
} from '../../src/index.js'
import { buildToken, v1AppOnlyClaims, v1DelegatedClaims } from '../fixtures/tokens.js'

const facts = (claims: Record<string, unknown>) => {
  const token = inspectToken(buildToken({ payload: claims })).token
  if (token === null) throw new Error('fixture did not decode')
  return token
}

describe('capabilitiesOf: a token judged against a whole catalog', () => {
  it("finds the catalog from the token's own API, generically over BUILTIN_CATALOGS", () => {
    expect(catalogForToken(facts(v1AppOnlyClaims()))?.id).toBe('mde')
    expect(catalogForToken({ api: 'other' })).toBeNull()
    expect(catalogForToken({ api: '__proto__' })).toBeNull()
    for (const id of Object.keys(BUILTIN_CATALOGS)) expect(catalogForToken({ api: id })?.id).toBe(id)
  })

  it('counts every operation once, grouped by area, and agrees with checkPermissions row by row', () => {
    const token = facts(v1AppOnlyClaims({ roles: ['Machine.Read.All', 'Alert.Read.All'] }))
    const caps = capabilitiesOf(token, BUILTIN_CATALOGS.mde)
    expect(caps.total).toBe(BUILTIN_CATALOGS.mde.operations.length)
    expect(caps.areas.reduce((n, a) => n + a.total, 0)).toBe(caps.total)
    expect(caps.areas.reduce((n, a) => n + a.granted, 0)).toBe(caps.granted)
    expect(caps.granted).toBeGreaterThan(0)
    expect(caps.granted).toBeLessThan(caps.total)
    expect(caps.context).toBe('application')
    for (const area of caps.areas) {
      for (const row of area.operations) {
        expect(row.granted).toBe(checkPermissions(token, { api: 'mde', operation: row.operation }).satisfied)
        expect(row.grantedBy.length > 0).toBe(row.granted)
      }
    }
    const alerts = caps.areas.find((a) => a.area === 'Alerts')
    expect(alerts?.operations.find((o) => o.operation === 'GET /api/alerts')).toMatchObject({
      granted: true,
      grantedBy: ['Alert.Read.All'],
    })
    expect(alerts?.operations.find((o) => o.operation === 'PATCH /api/alerts/{id}')).toMatchObject({
      granted: false,
      grantedBy: [],
      needs: ['Alert.ReadWrite.All'],
    })
  })

  it('grants nothing to an app-only token with no roles', () => {
    const caps = capabilitiesOf(facts(v1AppOnlyClaims({ roles: undefined })), BUILTIN_CATALOGS.mde)
    expect(caps.granted).toBe(0)
  })

  it('reads scp for a delegated token', () => {
    const caps = capabilitiesOf(facts(v1DelegatedClaims()), BUILTIN_CATALOGS.m365d)
    expect(caps.context).toBe('delegated')
    expect(caps.granted).toBeGreaterThan(0)
  })
})

describe('loadBuiltinCatalog by default (every catalog present at load)', () => {
  it('resolves with the catalog BUILTIN_CATALOGS already holds', async () => {
    const { loadBuiltinCatalog } = await import('../../src/index.js')
    for (const id of Object.keys(BUILTIN_CATALOGS) as (keyof typeof BUILTIN_CATALOGS)[])
      expect(await loadBuiltinCatalog(id)).toBe(BUILTIN_CATALOGS[id])
    expect(Object.keys(BUILTIN_CATALOGS)).toEqual(['mde', 'm365d', 'graph'])
  })
})
