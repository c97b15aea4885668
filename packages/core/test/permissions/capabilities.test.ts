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

describe('capabilitiesOf reads the token once (issue 19)', () => {
  const everyRow = (f: ReturnType<typeof facts>, catalogId: keyof typeof BUILTIN_CATALOGS) =>
    capabilitiesOf(f, BUILTIN_CATALOGS[catalogId]).areas.flatMap((a) => a.operations)

  it('says for every row of every built-in catalog what checkPermissions of that operation says', () => {
    const variants = [
      v1AppOnlyClaims({ roles: ['Machine.Read.All', 'alert.readwrite.all', 'Ti.ReadWrite', 'Other.Thing'] }),
      v1AppOnlyClaims({ roles: [] }),
      v1DelegatedClaims({ scp: 'Machine.Read Alert.ReadWrite Incident.Read.All User.Read' }),
      v1DelegatedClaims({ scp: 'User.Read' }),
    ]
    let rows = 0
    for (const claims of variants) {
      const token = facts(claims)
      for (const id of Object.keys(BUILTIN_CATALOGS) as (keyof typeof BUILTIN_CATALOGS)[]) {
        for (const row of everyRow(token, id)) {
          const check = checkPermissions(token, { api: id, operation: row.operation })
          expect(
            { granted: row.granted, grantedBy: row.grantedBy, needs: row.needs },
            `${id} ${row.operation}`,
          ).toEqual({
            granted: check.satisfied,
            grantedBy: check.satisfied ? check.granted : [],
            needs: check.anyOf,
          })
          rows++
        }
      }
    }
    expect(rows).toBeGreaterThan(100)
  })

  it('judges a token with 20,000 roles like the same token with only the roles that matter', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `Custom${i}.ReadWrite.All`)
    // Beyond the decoder's size limit as a token, so the facts are built from a small one.
    const small = facts(v1AppOnlyClaims({ roles: ['Machine.Read.All', 'Alert.Read.All'] }))
    const roles = [...many, 'Machine.Read.All', 'Alert.Read.All']
    const big = { ...small, roles, payload: { ...small.payload, roles } }
    const result = capabilitiesOf(big, BUILTIN_CATALOGS.mde)
    expect(result).toEqual(capabilitiesOf(small, BUILTIN_CATALOGS.mde))
    expect(result.granted).toBeGreaterThan(0)
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
