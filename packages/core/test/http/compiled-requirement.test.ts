import { describe, expect, it } from 'vitest'
import { entraAuth as expressAuth } from '../../src/adapters/express/index.js'
import { entraAuth as fastifyAuth } from '../../src/adapters/fastify/index.js'
import { entraAuth as honoAuth } from '../../src/adapters/hono/index.js'
import { ADAPTER_OPTION_KEYS } from '../../src/adapters/options.js'
import { authorize, createAuthorizer, type ProtectedCatalog } from '../../src/http/index.js'
import { checkTenants, createVerifier, type PermissionCatalog } from '../../src/index.js'
import { compileRequirement, requirementIdentity } from '../../src/permissions/requirement.js'
import { createTestTenant } from '../../src/testing/index.js'
import { VERIFIER_OPTION_KEYS } from '../../src/token/verify/options.js'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const MDE = 'https://api.securitycenter.microsoft.com'
const base = { audience: MDE, tenants: [TENANT] }

const orders = (): PermissionCatalog => ({
  id: 'orders',
  name: 'Orders API',
  appId: null,
  identifierUris: ['api://orders'],
  hosts: [],
  permissions: [
    { value: 'Orders.Read', kind: 'application', id: null },
    { value: 'Orders.Write', kind: 'application', id: null },
    { value: 'Orders.Write', kind: 'delegated', id: null },
  ],
  aliases: { 'Orders.Writer': 'Orders.Write' },
  operations: [
    { method: 'GET', path: '/orders/{id}', application: ['Orders.Read'], delegated: [] },
    {
      method: 'DELETE',
      path: '/orders/{id}',
      application: ['Orders.Write'],
      delegated: ['Orders.Write'],
      authContext: 'c2',
    },
  ],
})

const ADAPTERS = [
  ['express', expressAuth],
  ['fastify', fastifyAuth],
  ['hono', honoAuth],
] as const

describe('strict options: a typo throws at creation, naming the key and the closest valid one', () => {
  it('createVerifier (and its nested keySets and resultCache)', () => {
    expect(() => createVerifier({ ...base, clientApp: ['x'] } as never)).toThrow(
      /createVerifier: unknown option 'clientApp' — did you mean 'clientApps'\?/,
    )
    expect(() => createVerifier({ ...base, keySets: { maxEntrys: 1 } } as never)).toThrow(
      /keySets: unknown option 'maxEntrys' — did you mean 'maxEntries'\?/,
    )
    expect(() => createVerifier({ ...base, resultCache: { maxEntry: 1 } } as never)).toThrow(
      /resultCache: unknown option 'maxEntry' — did you mean 'maxEntries'\?/,
    )
    expect(() => createVerifier({ ...base, keySets: { allowLoopbackHttp: 'yes' } } as never)).toThrow(
      TypeError,
    )
    // JSON, from anywhere: the same check.
    expect(() =>
      createVerifier(JSON.parse(`{"audience":"${MDE}","tenants":["${TENANT}"],"tenant":[]}`)),
    ).toThrow(/did you mean 'tenants'/)
    // now is type-checked, never called, at creation.
    let called = 0
    expect(() =>
      createVerifier({
        ...base,
        now: () => {
          called++
          return new Date()
        },
      }),
    ).not.toThrow()
    expect(called).toBe(0)
    expect(() => createVerifier({ ...base, now: new Date('nope') })).toThrow(TypeError)
    expect(() => createVerifier({ ...base, now: 5 as never })).toThrow(TypeError)
  })

  for (const [name, make] of ADAPTERS) {
    it(`entraAuth on ${name}: adapter keys, verifier keys, and { verifier } with a verifier key`, () => {
      expect(() =>
        make({ ...base, requirment: { api: 'mde', operation: 'GET /api/alerts' } } as never),
      ).toThrow(/entraAuth: unknown option 'requirment' — did you mean 'requirement'\?/)
      expect(() => make({ ...base, clientApp: ['x'] } as never)).toThrow(/did you mean 'clientApps'/)
      const verifier = createVerifier(base)
      expect(() => make({ verifier, relm: 'x' } as never)).toThrow(
        /unknown option 'relm' — did you mean 'realm'/,
      )
      expect(() => make({ verifier, tenants: [TENANT] } as never)).toThrow(
        /'tenants' is a createVerifier option/,
      )
      expect(() =>
        make({ verifier, requirement: { api: 'mde', operation: 'GET /api/alerts' } }),
      ).not.toThrow()
    })
  }

  it('adapter keys are never createVerifier options, and the two lists do not overlap', () => {
    for (const k of ADAPTER_OPTION_KEYS) expect(VERIFIER_OPTION_KEYS as readonly string[]).not.toContain(k)
  })

  it('authorize and createAuthorizer options', async () => {
    const v = createVerifier(base)
    const r = new Request('https://api.example/x', { headers: { authorization: 'Bearer x.y.z' } })
    await expect(authorize(v, r, {}, { mountpath: '/api' } as never)).rejects.toThrow(
      /did you mean 'mountPath'/,
    )
    expect(() => createAuthorizer(v, {}, { retryAfterSecond: 3 } as never)).toThrow(
      /did you mean 'retryAfterSeconds'/,
    )
  })

  it('checkTenants (and its retry options), createTestTenant and rotateKeys', async () => {
    const good = { clientId: TENANT, credential: { secret: 's' }, tenants: [TENANT], api: 'mde' as const }
    expect(() => checkTenants({ ...good, concurency: 2 } as never)).toThrow(/did you mean 'concurrency'/)
    expect(() => checkTenants({ ...good, retry: { budjet: 1 } } as never)).toThrow(/did you mean 'budget'/)
    await expect(createTestTenant({ tenantID: TENANT } as never)).rejects.toThrow(/did you mean 'tenantId'/)
    await expect(createTestTenant({ now: 'today' } as never)).rejects.toThrow(TypeError)
    const tenant = await createTestTenant()
    await expect(tenant.rotateKeys({ keepPrevios: false } as never)).rejects.toThrow(
      /did you mean 'keepPrevious'/,
    )
  })
})

describe('a route requirement is compiled at creation: each mistake throws a TypeError naming route and field', () => {
  const cases: [string, unknown, RegExp][] = [
    [
      'a misspelt member',
      { catalog: orders(), operaton: 'GET /orders/{id}' },
      /requirement: unknown option 'operaton'/,
    ],
    [
      'an explicit operation the catalog lacks',
      { catalog: orders(), operation: 'GET /invoices' },
      /requirement\.operation: .*invoices/,
    ],
    [
      'a permission not in the catalog',
      { catalog: orders(), require: ['Orders.Delete'] },
      /requirement\.require: .*Orders\.Delete/,
    ],
    [
      'require: []',
      { catalog: orders(), operation: 'GET /orders/{id}', require: [] },
      /requirement\.require: require is empty/,
    ],
    [
      'a catalog without an operation',
      { catalog: orders() },
      /requirement\.operation: catalog \(or api\) without an operation/,
    ],
    [
      'an api without an operation',
      { api: 'mde' },
      /requirement\.operation: catalog \(or api\) without an operation/,
    ],
    [
      'an operation without a catalog',
      { operation: 'GET /api/alerts' },
      /requirement\.operation: operation needs the catalog/,
    ],
    [
      'an invalid authContext',
      { api: 'mde', operation: 'GET /api/alerts', authContext: 'C1' },
      /requirement\.authContext/,
    ],
    [
      'an invalid authContext in the catalog',
      {
        catalog: {
          ...orders(),
          operations: [
            { method: 'GET', path: '/o', application: ['Orders.Read'], delegated: [], authContext: 'mfa' },
          ],
        },
        operation: 'GET /o',
      },
      /requirement\.catalog: .*authContext/,
    ],
    [
      'an operation naming a permission the catalog does not define',
      {
        catalog: {
          ...orders(),
          operations: [{ method: 'GET', path: '/o', application: ['Nope.Read'], delegated: [] }],
        },
        operation: 'GET /o',
      },
      /requirement\.catalog: .*Nope\.Read/,
    ],
  ]
  for (const [what, requirement, message] of cases) {
    it(`${what} (entraAuth on every adapter, createAuthorizer)`, () => {
      for (const [, make] of ADAPTERS) {
        expect(() => make({ ...base, requirement: requirement as never })).toThrow(TypeError)
        expect(() => make({ ...base, requirement: requirement as never })).toThrow(message)
        expect(() => make({ ...base, requirement: requirement as never })).toThrow(/^entraAuth requirement/)
      }
      expect(() => createAuthorizer(createVerifier(base), requirement as never)).toThrow(
        /^createAuthorizer requirement/,
      )
    })
  }

  it('an inherited authContext (on the requirement or a catalog operation) is refused, never silently ignored', () => {
    const requirement = Object.create({ authContext: 'c1' }) as Record<string, unknown>
    Object.assign(requirement, { api: 'mde', operation: 'GET /api/alerts' })
    expect(() => expressAuth({ ...base, requirement: requirement as never })).toThrow(
      /requirement\.authContext: .*inherited/,
    )
  })

  it('{} and no requirement stay valid: any genuine token for this API', () => {
    for (const [, make] of ADAPTERS) {
      expect(() => make(base)).not.toThrow()
      expect(() => make({ ...base, requirement: {} })).not.toThrow()
      expect(() => make({ ...base, requirement: { require: ['Machine.Read.All'] } })).not.toThrow()
      expect(() =>
        make({ ...base, requirement: { catalog: orders(), require: ['Orders.Writer'] } }),
      ).not.toThrow()
    }
  })
})

describe('authorize: compiled once per catalog object, and no catalog work without credentials', () => {
  it('deep-freezes the caller catalog on first use (documented: pass a new object to change a catalog)', async () => {
    const catalog = orders() as ProtectedCatalog
    const v = createVerifier({ audience: 'api://orders', tenants: [TENANT] })
    const r = new Request('https://o.example/orders/1', { headers: { authorization: 'Bearer x.y.z' } })
    await authorize(v, r, { catalog, operation: 'from-request' })
    expect(Object.isFrozen(catalog)).toBe(true)
    expect(Object.isFrozen(catalog.operations[1])).toBe(true)
  })

  it('a request without an Authorization header is answered before the requirement or catalog is read', async () => {
    let reads = 0
    const catalog = new Proxy(orders(), {
      ownKeys(target) {
        reads++
        return Reflect.ownKeys(target)
      },
    })
    const v = createVerifier({ audience: 'api://orders', tenants: [TENANT] })
    const result = await authorize(v, new Request('https://o.example/orders/1'), {
      catalog: catalog as ProtectedCatalog,
      operation: 'from-request',
    })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.response.status).toBe(401)
    expect(reads).toBe(0)
  })
})

describe('the compiled requirement: a content key and the names it mentions (for the permission-decision memo)', () => {
  it('same content → same key; another catalog object → another key; the built-in catalog by id', () => {
    const a = compileRequirement({ api: 'mde', operation: 'GET /api/alerts' })
    const b = compileRequirement({ operation: 'GET /api/alerts', api: 'mde' })
    if (!a.ok || !b.ok) throw new Error('refused')
    expect(requirementIdentity(a.value).key).toBe(requirementIdentity(b.value).key)
    const c1 = orders()
    const x = compileRequirement({ catalog: c1, operation: 'GET /orders/1' })
    const y = compileRequirement({ catalog: c1, operation: 'GET /orders/1' })
    const z = compileRequirement({ catalog: orders(), operation: 'GET /orders/1' })
    if (!x.ok || !y.ok || !z.ok) throw new Error('refused')
    expect(x.value.key).toBe(y.value.key)
    expect(x.value.key).not.toBe(z.value.key)
    expect(Object.isFrozen(x.value)).toBe(true)
  })

  it('mentions every name that can change the decision: both columns, require, includes, aliases (nameKey-folded)', () => {
    const c = compileRequirement({
      catalog: orders(),
      operation: 'DELETE /orders/1',
      require: ['Orders.Read'],
    })
    if (!c.ok) throw new Error('refused')
    expect(requirementIdentity(c.value).mentions).toEqual(['orders.read', 'orders.write', 'orders.writer'])
  })
})
