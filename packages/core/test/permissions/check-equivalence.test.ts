import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BUILTIN_CATALOGS, checkPermissions, inspectToken, type PermissionCatalog, type PermissionRequirement, type TokenFacts } from '../../src/index.js'
import { checkPermissions as referenceCheck } from './check-reference.js'
import { M365D_AUD, MDE_AUD, appOnlyClaims, at, delegatedClaims, jwt } from './tokens.js'

function facts(claims: Record<string, unknown>): TokenFacts {
  const t = inspectToken(jwt(claims), at).token
  if (!t) throw new Error('test token did not decode')
  return t
}

function outcome(run: () => unknown): unknown {
  try {
    return { value: run() }
  } catch (err) {
    return { threw: err instanceof TypeError ? `TypeError: ${err.message}` : String(err) }
  }
}

/** The memoized check must return what the pre-memo implementation returns, the first time and every time after. */
function expectSame(subject: TokenFacts, requirement: PermissionRequirement): void {
  const expected = outcome(() => referenceCheck(subject, requirement))
  for (let i = 0; i < 3; i++) expect(outcome(() => checkPermissions(subject, requirement))).toEqual(expected)
}

const catalogs = Object.values(BUILTIN_CATALOGS) as PermissionCatalog[]
const allPermissions = [...new Set(catalogs.flatMap((c) => c.permissions.map((p) => p.value)))]
const operations = catalogs.flatMap((c) => c.operations.map((op) => `${op.method} ${op.path.replace(/\{[^}]+\}/g, 'abc').replace(/\(\.\.\.\)/g, "(x='1')")}`))
const custom: PermissionCatalog = {
  id: 'contoso', name: 'Contoso API', appId: '6a1f7c4e-2b3d-4e5f-8a9b-0c1d2e3f4a5b', identifierUris: ['api://contoso'], hosts: ['api.contoso.example'],
  permissions: [
    { value: 'Orders.Read', kind: 'application', id: null },
    { value: 'Orders.ReadWrite', kind: 'application', id: null, includes: ['Orders.Read'] },
    { value: 'Orders.Read', kind: 'delegated', id: null },
  ],
  aliases: { 'Order.Read': 'Orders.Read' },
  operations: [
    { method: 'GET', path: '/orders', application: ['Orders.Read', 'Orders.ReadWrite'], delegated: ['Orders.Read'] },
    { method: 'POST', path: '/orders', application: ['Orders.ReadWrite'], delegated: [] },
  ],
}

describe('checkPermissions, resolved once per requirement, equals the per-call implementation', () => {
  it('for every built-in operation, both kinds of token, with and without the permissions', () => {
    for (const catalog of catalogs) {
      const aud = catalog.id === 'mde' ? MDE_AUD : M365D_AUD
      for (const op of catalog.operations) {
        const operation = `${op.method} ${op.path.replace(/\{[^}]+\}/g, '42').replace(/\(\.\.\.\)/g, "(ip='10.0.0.1')")}`
        const grants = [[], [...op.application], [...op.delegated], op.application.slice(-1), ['Machine.Read.All'], ['machine.read.all', 'Alert.ReadWrite.All']]
        for (const g of grants) {
          for (const subject of [facts(appOnlyClaims(g, aud)), facts(delegatedClaims(g.join(' '), aud)), facts(appOnlyClaims(g, aud === MDE_AUD ? M365D_AUD : MDE_AUD))]) {
            expectSame(subject, { operation })
            expectSame(subject, { api: catalog.id, operation })
            expectSame(subject, { operation, require: ['Alert.Read.All'] })
          }
        }
      }
    }
    // 112 Defender for Endpoint operations × 6 grants × 3 tokens × 3 requirements: seconds on a shared 2-core machine.
  }, 30_000)

  it('for unknown operations, explicit requirements, custom catalogs and requests that are refused', () => {
    const subjects = [facts(appOnlyClaims(['Orders.Read'], 'api://contoso')), facts(appOnlyClaims(['Machine.Isolate'])), facts(delegatedClaims('Orders.Read Machine.Read')), facts(appOnlyClaims(undefined)), facts(delegatedClaims(undefined, 'https://graph.microsoft.com'))]
    const requirements: unknown[] = [
      { operation: 'GET /api/nothing-here' }, { operation: 'GET https://elsewhere.example/api/machines' }, { operation: 'GET https://api.securitycenter.microsoft.com/api/machines?x=1' },
      { require: ['Machine.Read.All', 'machine.read.all', 'Machine.Isolate'] }, { api: 'mde', require: ['Orders.Read'] },
      { catalog: custom, operation: 'GET /orders' }, { catalog: custom, operation: 'POST /orders' }, { catalog: custom, require: ['Order.Read'] },
      { catalog: custom, operation: 'GET /nope', require: ['Order.Read'] }, { api: 'contoso', catalog: custom, operation: 'GET /orders' },
      { api: 'nope', operation: 'GET /x' }, { operation: 'not an operation' }, { operation: 7 }, { require: 'Machine.Read.All' }, { require: ['has space'] },
      {}, null, [], Object.assign([], { operation: 'GET /api/machines' }), { api: 'mde', catalog: custom, operation: 'GET /orders' },
    ]
    for (const subject of subjects) for (const requirement of requirements) expectSame(subject, requirement as PermissionRequirement)
  })

  it('for random requirements and grants (1,000 cases)', () => {
    const name = fc.oneof(fc.constantFrom(...allPermissions), fc.constantFrom(...allPermissions).map((n) => n.toLowerCase()), fc.constantFrom('Orders.Read', 'Order.Read', 'Nope.All'))
    fc.assert(fc.property(
      fc.record({ operation: fc.option(fc.constantFrom(...operations, 'GET /orders', 'DELETE /api/x'), { nil: undefined }), require: fc.option(fc.array(name, { maxLength: 3 }), { nil: undefined }), api: fc.option(fc.constantFrom('mde', 'm365d'), { nil: undefined }), custom: fc.boolean() }),
      fc.array(name, { maxLength: 4 }), fc.boolean(), fc.constantFrom(MDE_AUD, M365D_AUD, 'api://contoso'),
      (r, grants, delegated, aud) => {
        const requirement: PermissionRequirement = {
          ...(r.operation !== undefined ? { operation: r.operation } : {}),
          ...(r.require !== undefined ? { require: r.require } : {}),
          ...(r.custom ? { catalog: custom } : r.api !== undefined ? { api: r.api } : {}),
        }
        expectSame(delegated ? facts(delegatedClaims(grants.join(' '), aud)) : facts(appOnlyClaims(grants, aud)), requirement)
      },
    ), { numRuns: 1_000 })
  })
})
