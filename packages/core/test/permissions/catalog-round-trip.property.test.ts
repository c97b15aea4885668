import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BUILTIN_CATALOGS, assertCatalog, parseCatalog } from '../../src/index.js'
import { CATALOG_FIELDS } from '../../src/permissions/validate-catalog.js'

// Catalogs keep every field: JSON → parseCatalog → the same value, for every built-in catalog and generated ones;
// the JSON Schema and the validator list the same fields, and each field survives parsing on its own.

type Json = Record<string, unknown>
const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../schema/catalog.schema.json', import.meta.url)), 'utf8'),
) as { properties: Json; $defs: { permission: { properties: Json }; operation: { properties: Json } } }
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T
const GUID = '6e5d4c3b-2a19-4807-b6a5-948372615041'

const minimal = (): Json & { permissions: Json[]; operations: Json[] } => ({
  id: 'orders',
  name: 'Orders',
  appId: null,
  identifierUris: ['api://orders'],
  hosts: [],
  permissions: [
    { value: 'Orders.Read', kind: 'application', id: null },
    { value: 'Orders.ReadWrite', kind: 'application', id: null },
    { value: 'Orders.Read', kind: 'delegated', id: null },
  ],
  aliases: {},
  operations: [{ method: 'GET', path: '/orders', application: ['Orders.Read'], delegated: [] }],
})

/** One valid sample per schema field, and one value of the wrong shape. Every schema field must be listed here. */
const SAMPLES: Record<'catalog' | 'permission' | 'operation', Record<string, [unknown, unknown]>> = {
  catalog: {
    $schema: ['https://example/catalog.schema.json', 1],
    id: ['orders-2', 'bad id'],
    name: ['Orders API', ''],
    appId: [GUID, 'not-a-guid'],
    identifierUris: [['api://orders', 'https://orders.example'], []],
    hosts: [['orders.example', 'orders.example:8443'], ['bad host/']],
    resourceByCloud: [{ public: 'api://orders', usgov: 'api://orders-gov' }, { mars: 'x' }],
    delegatedNeedsUserRole: [true, 'yes'],
    permissions: [[{ value: 'Orders.Read', kind: 'application', id: GUID }], [{ value: 'a b', kind: 'x' }]],
    aliases: [{ 'Orders.Reader': 'Orders.Read' }, { 'Orders.Reader': 'Nope' }],
    operations: [[{ method: 'GET', path: '/orders', application: ['Orders.Read'], delegated: [] }], [{}]],
    idSources: [['https://learn.microsoft.com/x'], 'one'],
  },
  permission: {
    value: ['Orders.Write', 'has space'],
    kind: ['delegated', 'both'],
    id: [GUID, 'nope'],
    displayName: ['Write orders', 7],
    includes: [['Orders.Read'], ['Missing.Perm']],
    idByCloud: [{ usgov: GUID }, { usgov: null }],
  },
  operation: {
    method: ['DELETE', 'TRACE'],
    path: ['/orders/{id}', 'orders'],
    application: [['Orders.ReadWrite'], ['Unknown.Perm']],
    delegated: [['Orders.Read'], ['Unknown.Perm']],
    source: ['https://learn.microsoft.com/orders', 1],
    checkedBy: ['reference', 'someone'],
    correction: ['was Orders.Read', false],
    userRole: ['Security reader', {}],
    summary: ['Reads an order', []],
    alsoRequires: [{ application: [['Orders.Read']] }, { application: [[]] }],
    legacy: [{ replacement: 'GET /v2/orders', note: 'moved' }, { note: 'x' }],
    checked: ['2026-12-01', '1 Dec 2026'],
    area: ['Orders', 3],
    authContext: ['c7', 'c100'],
    lifecycle: [
      {
        status: 'retiring',
        retiresOn: '2027-02-01',
        announced: { source: 'https://learn.microsoft.com/orders', checked: '2026-12-08' },
      },
      { status: 'gone' },
    ],
    rateLimits: [
      [{ calls: 45, perSeconds: 60, scope: 'tenant' }],
      [{ calls: -1, perSeconds: 60, scope: 'tenant' }],
    ],
  },
}

/** Puts one field's value in a minimal catalog, at its level. */
function withField(level: keyof typeof SAMPLES, field: string, value: unknown): Json {
  const c = minimal()
  if (level === 'catalog') c[field] = value
  else if (level === 'permission') {
    const p: Json = { value: 'Orders.Write', kind: 'application', id: null, [field]: value }
    c.permissions.push(p)
  } else (c.operations[0] as Json)[field] = value
  return c
}

function keptValue(level: keyof typeof SAMPLES, field: string, parsed: Json): unknown {
  if (level === 'catalog') return parsed[field]
  if (level === 'permission') {
    const list = parsed.permissions as Json[]
    return (list[list.length - 1] as Json)[field]
  }
  return ((parsed.operations as Json[])[0] as Json)[field]
}

describe('catalog fields: the JSON Schema and the validator, field by field', () => {
  const schemaFields = {
    catalog: Object.keys(schema.properties),
    permission: Object.keys(schema.$defs.permission.properties),
    operation: Object.keys(schema.$defs.operation.properties),
  }
  for (const level of ['catalog', 'permission', 'operation'] as const) {
    it(`${level}: the schema and parseCatalog list the same fields, and this test samples each`, () => {
      expect([...CATALOG_FIELDS[level]].sort()).toEqual([...schemaFields[level]].sort())
      expect(Object.keys(SAMPLES[level]).sort()).toEqual([...schemaFields[level]].sort())
    })
    for (const field of schemaFields[level]) {
      it(`${level}.${field}: a valid value is kept as written, a wrong one refused`, () => {
        const [good, bad] = SAMPLES[level][field] as [unknown, unknown]
        const parsed = parseCatalog(withField(level, field, clone(good)))
        expect(parsed.errors).toEqual([])
        // $schema names the format, not the API: accepted, not kept.
        if (field !== '$schema')
          expect(keptValue(level, field, parsed.catalog as unknown as Json)).toEqual(good)
        expect(parseCatalog(withField(level, field, bad)).ok).toBe(false)
      })
    }
  }
})

describe('catalogs keep every field: JSON → parseCatalog → the same value', () => {
  for (const [id, catalog] of Object.entries(BUILTIN_CATALOGS)) {
    it(`the built-in ${id} catalog round-trips deep-equal (parseCatalog and assertCatalog)`, () => {
      const json = clone(catalog)
      const parsed = parseCatalog(json)
      expect(parsed.errors).toEqual([])
      expect(parsed.catalog).toEqual(json)
      expect(assertCatalog(clone(catalog))).toEqual(json)
    })
  }

  it('property: generated catalogs with every optional field round-trip deep-equal', () => {
    fc.assert(
      fc.property(catalogArbitrary(), (catalog) => {
        const parsed = parseCatalog(clone(catalog))
        expect(parsed.errors).toEqual([])
        expect(parsed.catalog).toEqual(catalog)
      }),
      { numRuns: 60 },
    )
  })

  it('own properties only: an inherited field is not read; an accessor is refused, never called', () => {
    const op = Object.create({ authContext: 'c1', summary: 'inherited' }) as Json
    Object.assign(op, { method: 'GET', path: '/orders', application: ['Orders.Read'], delegated: [] })
    const c = minimal()
    c.operations = [op]
    const parsed = parseCatalog(c)
    expect(parsed.errors).toEqual([])
    expect(parsed.catalog?.operations[0]).not.toHaveProperty('authContext')
    expect(parsed.catalog?.operations[0]).not.toHaveProperty('summary')

    let called = 0
    const withGetter = minimal()
    Object.defineProperty(withGetter.operations[0] as Json, 'authContext', {
      enumerable: true,
      get: () => {
        called++
        return 'c1'
      },
    })
    const refused = parseCatalog(withGetter)
    expect(refused.ok).toBe(false)
    expect(refused.errors.join(' ')).toMatch(/operations\.0\.authContext is an accessor/)
    expect(called).toBe(0)
  })
})

const name = fc.stringMatching(/^[A-Z][a-z]{1,6}(\.[A-Z][a-z]{1,6}){0,2}$/)
const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined })
const strip = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))

function catalogArbitrary(): fc.Arbitrary<Json> {
  return fc
    .record({
      app: fc.uniqueArray(name, { minLength: 1, maxLength: 5, selector: (n) => n.toLowerCase() }),
      del: fc.uniqueArray(name, { maxLength: 4, selector: (n) => n.toLowerCase() }),
    })
    .chain(({ app, del }) => {
      const permission = (kind: 'application' | 'delegated', value: string, all: string[]) =>
        fc
          .record({
            id: fc.option(fc.uuid(), { nil: null }),
            displayName: optional(fc.string({ maxLength: 20 })),
            includes: optional(fc.subarray(all.filter((n) => n !== value))),
            idByCloud: optional(fc.record({ usgov: fc.uuid() })),
          })
          .map((p) => strip({ value, kind, ...p }))
      const pick = (names: string[]) => (names.length === 0 ? fc.constant([]) : fc.subarray(names))
      const operation = (path: string) =>
        fc
          .record({
            method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
            application: fc.subarray(app, { minLength: 1 }),
            delegated: pick(del),
            source: optional(fc.webUrl()),
            checkedBy: optional(fc.constantFrom('reference', 'claimcheck')),
            correction: optional(fc.string({ maxLength: 10 })),
            userRole: optional(fc.string({ maxLength: 10 })),
            summary: optional(fc.string({ maxLength: 20 })),
            alsoRequires: optional(
              fc.record({ application: fc.array(fc.subarray(app, { minLength: 1 }), { maxLength: 2 }) }),
            ),
            legacy: optional(
              fc
                .record({
                  replacement: fc.string({ maxLength: 10 }),
                  note: optional(fc.string({ maxLength: 10 })),
                })
                .map(strip),
            ),
            checked: optional(fc.constantFrom('2026-01-31', '2025-12-01')),
            area: optional(fc.string({ maxLength: 10 })),
            authContext: optional(fc.integer({ min: 1, max: 99 }).map((n) => `c${n}`)),
          })
          .map((o) => strip({ ...o, path }))
      return fc.record({
        permissions: fc.tuple(
          ...app.map((v) => permission('application', v, app)),
          ...del.map((v) => permission('delegated', v, del)),
        ),
        operations: fc
          .uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 6 })
          .chain((segments) =>
            fc.tuple(...segments.map((s, i) => operation(i % 2 ? `/${s}/{id}` : `/${s}`))),
          ),
        delegatedNeedsUserRole: optional(fc.boolean()),
        resourceByCloud: optional(
          fc.record({ public: fc.constant('api://gen'), china: fc.constant('api://gen-cn') }),
        ),
        idSources: optional(fc.array(fc.webUrl(), { minLength: 1, maxLength: 2 })),
        aliasOf: fc.constantFrom(...app),
      })
    })
    .map(({ aliasOf, ...rest }) =>
      strip({
        id: 'gen',
        name: 'Generated API',
        appId: GUID,
        identifierUris: ['api://gen'],
        hosts: ['gen.example'],
        aliases: { [`${aliasOf}.Alias`]: aliasOf },
        ...rest,
      }),
    )
}
