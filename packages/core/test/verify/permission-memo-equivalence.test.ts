/**
 * The permission memo is a specialised path of the permission step: for any token, request and instant, on first,
 * second and third sight, a verifier with the memo (and its result cache) answers exactly the Report of a verifier
 * with neither. The tokens differ in what the memo's key leaves out (other roles, their order, their case) and in
 * what it keeps (tenant, app, user, kind, aud), so a decision remembered for one token is offered to the others.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { deepFreeze } from '../../src/lib/freeze.js'
import type { PermissionCatalog, Report, RequirementOptions } from '../../src/index.js'
import { evaluatePermissions } from '../../src/permissions/evaluate.js'
import { verifierFor } from '../../src/token/verify/create-verifier.js'
import { compileRequirement } from '../../src/permissions/requirement.js'
import { createPermissionMemo } from '../../src/token/verify/permission-memo.js'
import { resolveVerifierOptions } from '../../src/token/verify/options.js'
import {
  CLIENT_APP,
  MDE,
  NOW_S,
  OTHER_TENANT,
  TENANT,
  entraClaims,
  entraHeader,
  inMemoryEntra,
  makeKey,
  signCompact,
  type TestKey,
} from './fixtures/entra.js'

let k1: TestKey
beforeAll(() => {
  k1 = makeKey('k1')
})

const OTHER_APP = '11111111-2222-4333-8444-555555555555'

const custom: PermissionCatalog = deepFreeze({
  id: 'contoso',
  name: 'Contoso API',
  appId: null,
  identifierUris: [MDE],
  hosts: ['api.contoso.example'],
  permissions: [
    { value: 'Orders.Read', kind: 'application', id: null },
    { value: 'Orders.ReadWrite', kind: 'application', id: null, includes: ['Orders.Read'] },
  ],
  operations: [
    { method: 'GET', path: '/orders', application: ['Orders.Read', 'Orders.ReadWrite'], delegated: [] },
  ],
}) as PermissionCatalog

function tokens(): [string, string][] {
  const sign = (claims: Record<string, unknown>) => signCompact(entraHeader(k1), claims, k1.privateKey)
  const many = Array.from({ length: 2_000 }, (_, i) => `Other${i}.Read`)
  return [
    ['one role', sign(entraClaims())],
    ['the role and others', sign(entraClaims({}, { roles: ['Alert.Read.All', 'Machine.Read.All'] }))],
    ['others first, other case', sign(entraClaims({}, { roles: ['alert.read.all', 'MACHINE.READ.ALL'] }))],
    ['broader', sign(entraClaims({}, { roles: ['Machine.ReadWrite.All', 'Machine.Read.All'] }))],
    ['broader only', sign(entraClaims({}, { roles: ['Machine.ReadWrite.All'] }))],
    ['missing', sign(entraClaims({}, { roles: ['Alert.Read.All'] }))],
    ['missing, other roles', sign(entraClaims({}, { roles: ['Ti.Read.All', 'Vulnerability.Read.All'] }))],
    ['no roles', sign(entraClaims({}, { roles: [] }))],
    ['an empty role', sign(entraClaims({}, { roles: [''] }))],
    [
      '2,000 roles and the one',
      sign(entraClaims({}, { roles: [...many, 'Machine.Read.All', 'Orders.Read'] })),
    ],
    ['2,000 roles without', sign(entraClaims({}, { roles: many }))],
    ['other app', sign(entraClaims({}, { azp: OTHER_APP }))],
    ['other app, missing', sign(entraClaims({}, { azp: OTHER_APP, roles: ['Alert.Read.All'] }))],
    ['other tenant', sign(entraClaims({ tid: OTHER_TENANT }))],
    ['v1', sign(entraClaims({ version: '1.0' }))],
    ['delegated', sign(entraClaims({ kind: 'delegated' }))],
    ['delegated, other user', sign(entraClaims({ kind: 'delegated' }, { upn: 'kim@contoso.example' }))],
    ['delegated, more scopes', sign(entraClaims({ kind: 'delegated' }, { scp: 'Alert.Read Machine.Read' }))],
    ['delegated, no scopes', sign(entraClaims({ kind: 'delegated' }, { scp: '' }))],
    ['orders', sign(entraClaims({}, { roles: ['Orders.Read'] }))],
    ['orders, other case', sign(entraClaims({}, { roles: ['ORDERS.READ', 'x'] }))],
    ['graph audience', sign(entraClaims({ aud: 'https://graph.microsoft.com' }))],
    ['expiring', sign(entraClaims({}, { exp: NOW_S + 120 }))],
  ]
}

const requests: [string, RequirementOptions][] = [
  ['none', {}],
  ['operation', { api: 'mde', operation: 'GET /api/machines' }],
  ['operation, full URL', { operation: 'GET https://api.securitycenter.microsoft.com/api/machines/abc' }],
  ['explicit', { require: ['Machine.Read.All'] }],
  ['explicit, two', { require: ['Machine.Read.All', 'Alert.Read.All'] }],
  ['unknown operation', { api: 'mde', operation: 'GET /api/nothing' }],
  ['frozen custom catalog', { catalog: custom, operation: 'GET /orders' }],
  ['api alone', { api: 'mde' }],
  ['invalid api', { api: 'nope' as 'mde' }],
]

const instants = [NOW_S - 1_000, NOW_S, NOW_S + 2_999, NOW_S + 3_301].map((s) => s * 1000)

describe('the permission memo answers what the general path answers', () => {
  it('for every token × request × instant, on first, second and third sight', async () => {
    let now = instants[1] as number
    const entra = inMemoryEntra(() => [
      { ...k1.jwk, issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0' },
    ])
    const options = resolveVerifierOptions({
      audience: MDE,
      tenants: [TENANT, OTHER_TENANT],
      clientApps: [CLIENT_APP, OTHER_APP],
      fetch: entra.fetch,
      now: () => new Date(now),
    })
    const memoized = verifierFor(options)
    const general = verifierFor({ ...options, resultCacheEntries: 0 }, { memoEntries: 0 })
    let compared = 0
    for (const at of instants) {
      now = at
      for (const [requestName, request] of requests) {
        for (const [tokenName, token] of tokens()) {
          const expected: Report = await general.verify(token, request)
          for (let sight = 1; sight <= 3; sight++) {
            const actual = await memoized.verify(token, request)
            expect(JSON.stringify(actual), `${tokenName} / ${requestName} / ${at} / sight ${sight}`).toBe(
              JSON.stringify(expected),
            )
            compared++
          }
        }
      }
    }
    expect(compared).toBe(instants.length * requests.length * tokens().length * 3)
  })
})

describe('the permission memo', () => {
  const facts = (roles: string[]) =>
    ({
      kind: 'app-only',
      audience: MDE,
      api: 'mde',
      cloud: 'public',
      tenantId: TENANT,
      appId: CLIENT_APP,
      user: null,
      roles,
      scopes: [],
      payload: { aud: MDE, roles },
    }) as unknown as Parameters<typeof evaluatePermissions>[0]
  const request = compileRequirement({ api: 'mde', operation: 'GET /api/machines' })

  it('decides once for tokens that differ only in names the requirement does not mention', () => {
    let calls = 0
    const memo = createPermissionMemo((...args) => {
      calls++
      return evaluatePermissions(...args)
    })
    const many = Array.from({ length: 20_000 }, (_, i) => `Other${i}.Read`)
    const first = memo(facts(['Machine.Read.All']), request, [])
    const second = memo(facts([...many, 'Machine.Read.All']), request, [])
    expect(calls).toBe(1)
    expect(second).toBe(first)
    expect(first.report?.satisfied).toBe(true)
    expect(Object.isFrozen(first.report)).toBe(true)
  })

  it('decides again when a mentioned name, the app or the earlier findings differ; refusals are not kept', () => {
    let calls = 0
    const memo = createPermissionMemo((...args) => {
      calls++
      return evaluatePermissions(...args)
    })
    memo(facts(['Machine.Read.All']), request, [])
    memo(facts(['Machine.ReadWrite.All']), request, [])
    memo({ ...facts(['Machine.Read.All']), appId: OTHER_APP }, request, [])
    expect(calls).toBe(3)
    memo(facts(['Alert.Read.All']), request, [])
    memo(facts(['Alert.Read.All']), request, [])
    expect(calls).toBe(5)
  })

  it('is bounded: the oldest decision goes first', () => {
    let calls = 0
    const memo = createPermissionMemo((...args) => {
      calls++
      return evaluatePermissions(...args)
    }, 2)
    for (const app of [CLIENT_APP, OTHER_APP, TENANT])
      memo({ ...facts(['Machine.Read.All']), appId: app }, request, [])
    memo({ ...facts(['Machine.Read.All']), appId: CLIENT_APP }, request, [])
    expect(calls).toBe(4)
  })
})
