import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  API_RESOURCES,
  BUILTIN_CATALOGS,
  assertCatalog,
  checkPermissions,
  inspectToken,
  parseCatalog,
  parseOperation,
  type PermissionCatalog,
  type TokenFacts,
} from '../../src/index.js'
import { nameKey } from '../../src/permissions/names.js'
import { M365D_AUD, MDE_AUD, appOnlyClaims, at, delegatedClaims, jwt } from './tokens.js'

function facts(claims: Record<string, unknown>): TokenFacts {
  const t = inspectToken(jwt(claims), at).token
  if (!t) throw new Error('test token did not decode')
  return t
}
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code)

describe('permission names: ordinal, ASCII case-insensitive, no Unicode folding (issue 12 point 7)', () => {
  it.each([
    ['Machine.Isolate', 'machine.isolate', true],
    ['Machine.Isolate', 'MACHINE.ISOLATE', true],
    ['Machine.Isolate', 'Machine.Isolate ', false],
    ['Machine.Isolate', 'Machine.Isolat', false],
    ['Ti.ReadWrite', 'ti.readwrite', true],
    // U+212A KELVIN SIGN lower-cases to "k" with toLowerCase(): it must not match.
    ['Task.Read', '\u212Aask.Read', false],
    // U+0130 (İ) and U+0131 (ı) are not I/i.
    ['Ip.Read.All', '\u0130p.Read.All', false],
    ['Ip.Read.All', '\u0131p.Read.All', false],
    // Cyrillic а (U+0430) looks like a.
    ['Machine.Read.All', 'M\u0430chine.Read.All', false],
    // Full-width letters.
    ['Alert.Read', '\uFF21lert.Read', false],
  ])('%s vs %s → %s', (catalogName, tokenName, same) => {
    expect(nameKey(catalogName) === nameKey(tokenName)).toBe(same)
  })

  it('a token holding a lookalike of the needed role is not granted', () => {
    const r = checkPermissions(
      facts(appOnlyClaims(['\u212Aachine.Isolate'.replace('\u212A', 'M').replace('M', '\u041C')])),
      { operation: 'POST /api/machines/a/isolate' },
    )
    expect(r.satisfied).toBe(false)
    const kelvin = {
      id: 'k',
      name: 'K',
      appId: null,
      identifierUris: ['api://k'],
      hosts: [],
      permissions: [{ value: 'kv.Read', kind: 'application', id: null }],
      operations: [{ method: 'GET', path: '/kv', application: ['kv.Read'], delegated: [] }],
    }
    expect(
      checkPermissions(facts(appOnlyClaims(['\u212Av.Read'], 'api://k')), {
        catalog: kelvin as PermissionCatalog,
        operation: 'GET /kv',
      }).satisfied,
    ).toBe(false)
    expect(
      checkPermissions(facts(appOnlyClaims(['KV.READ'], 'api://k')), {
        catalog: kelvin as PermissionCatalog,
        operation: 'GET /kv',
      }).satisfied,
    ).toBe(true)
  })

  it('property: nameKey equals ASCII-only lower-casing for any string', () => {
    const asciiLower = (s: string) =>
      [...s].map((c) => (c >= 'A' && c <= 'Z' ? String.fromCharCode(c.charCodeAt(0) + 32) : c)).join('')
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => nameKey(s) === asciiLower(s)))
  })
})

describe('hosts: every MDE and XDR host family resolves, by host and path (issue 15 point 1)', () => {
  const isolate = 'POST {host}/api/machines/abc/isolate'
  const incidents = 'GET {host}/api/incidents'
  const mdeHosts = API_RESOURCES.mde.hosts
  const xdrHosts = API_RESOURCES.m365d.hosts
  it.each(mdeHosts.map((h) => [h]))('MDE operation on %s', (host) => {
    const r = checkPermissions(facts(appOnlyClaims(['Machine.Isolate'])), {
      operation: isolate.replace('{host}', `https://${host}`),
    })
    expect(r).toMatchObject({ satisfied: true, api: 'mde', operation: 'POST /api/machines/{id}/isolate' })
  })
  it.each(xdrHosts.map((h) => [h]))('XDR operation on %s', (host) => {
    const r = checkPermissions(facts(appOnlyClaims(['Incident.Read.All'], M365D_AUD)), {
      operation: incidents.replace('{host}', `https://${host}`),
    })
    expect(r).toMatchObject({ satisfied: true, api: 'm365d', operation: 'GET /api/incidents' })
  })
  it('the unified host serves both: the path decides, whatever the token', () => {
    const host = 'https://eu.api.security.microsoft.com'
    expect(
      checkPermissions(facts(appOnlyClaims(['Alert.Read.All'])), { operation: `GET ${host}/api/alerts` }).api,
    ).toBe('mde')
    expect(
      checkPermissions(facts(appOnlyClaims(['Alert.Read.All'])), { operation: `GET ${host}/api/incidents` })
        .api,
    ).toBe('m365d')
  })
  it('MDE versioned paths (/api/v1.0/…) and a trailing slash match; query strings are ignored', () => {
    for (const op of [
      'GET https://api.security.microsoft.com/api/v1.0/alerts',
      'GET /api/alerts/',
      "GET https://api.security.microsoft.com/api/alerts?$filter=severity eq 'High'",
    ]) {
      expect(
        checkPermissions(facts(appOnlyClaims(['Alert.Read.All'])), { operation: op }).operation,
        op,
      ).toBe('GET /api/alerts')
    }
  })
  it.each([
    ['GET /api//alerts', 'operation-unknown'],
    ['GET //api/alerts', 'operation-unknown'],
    ['GET /api/alertz', 'operation-unknown'],
    ['GET https://api.securitycenter.microsoft.com.evil.example/api/alerts', 'operation-unknown'],
    ['GET https://graph.microsoft.com/api/alerts', 'operation-unknown'],
    ['GET https://api.security.microsoft.com/v1.0/api/alerts', 'operation-unknown'],
  ])('fails closed: %s → %s (error, not satisfied)', (operation, code) => {
    const r = inspectToken(jwt(appOnlyClaims(['Alert.Read.All'])), { ...at, operation })
    expect(r.permissions.satisfied).toBe(false)
    expect(r.findings.find((f) => f.code === code)?.severity).toBe('error')
    expect(r.verdict).toBe('refused')
  })
})

describe('Graph URLs with /v1.0 and /beta (a test-local catalog until GRAPH_CATALOG lands)', () => {
  const graph = assertCatalog({
    id: 'graph',
    name: 'Microsoft Graph',
    appId: API_RESOURCES.graph.appId,
    identifierUris: [...API_RESOURCES.graph.identifierUris],
    hosts: [...API_RESOURCES.graph.hosts],
    permissions: [
      { value: 'SecurityIncident.Read.All', kind: 'application', id: null },
      {
        value: 'SecurityIncident.ReadWrite.All',
        kind: 'application',
        id: null,
        includes: ['SecurityIncident.Read.All'],
      },
      { value: 'SecurityIncident.Read.All', kind: 'delegated', id: null },
    ],
    operations: [
      {
        method: 'GET',
        path: '/security/incidents',
        application: ['SecurityIncident.Read.All', 'SecurityIncident.ReadWrite.All'],
        delegated: ['SecurityIncident.Read.All'],
      },
    ],
  })
  const token = facts(appOnlyClaims(['SecurityIncident.Read.All'], 'https://graph.microsoft.com'))
  it.each([
    'https://graph.microsoft.com/v1.0/security/incidents',
    'https://graph.microsoft.com/beta/security/incidents',
    'https://graph.microsoft.us/v1.0/security/incidents',
    'https://dod-graph.microsoft.us/beta/security/incidents',
    '/v1.0/security/incidents',
    '/security/incidents',
  ])('GET %s', (url) => {
    expect(checkPermissions(token, { catalog: graph, operation: `GET ${url}` })).toMatchObject({
      satisfied: true,
      api: 'graph',
      operation: 'GET /security/incidents',
    })
  })
  it('a version segment elsewhere, or an unknown version, does not match', () => {
    for (const url of [
      'https://graph.microsoft.com/v2.0/security/incidents',
      'https://graph.microsoft.com/security/v1.0/incidents',
    ]) {
      expect(codes(checkPermissions(token, { catalog: graph, operation: `GET ${url}` }))).toEqual([
        'operation-unknown',
      ])
    }
  })
})

describe('operations needing two permissions together (alsoRequires)', () => {
  const catalog = assertCatalog({
    id: 'mde-like',
    name: 'MDE-like',
    appId: null,
    identifierUris: ['api://mde-like'],
    hosts: [],
    permissions: ['Machine.StopAndQuarantine', 'Machine.Read.All', 'Machine.ReadWrite.All'].map((value) => ({
      value,
      kind: 'application',
      id: null,
    })),
    operations: [
      {
        method: 'POST',
        path: '/api/machines/{id}/StopAndQuarantineFile',
        application: ['Machine.StopAndQuarantine'],
        delegated: [],
        alsoRequires: { application: [['Machine.Read.All', 'Machine.ReadWrite.All']] },
      },
    ],
  })
  const op = { catalog, operation: 'POST /api/machines/1/StopAndQuarantineFile' }
  const tok = (roles: string[]) => facts(appOnlyClaims(roles, 'api://mde-like'))
  it.each([
    [['Machine.StopAndQuarantine', 'Machine.Read.All'], true, []],
    [['Machine.StopAndQuarantine', 'Machine.ReadWrite.All'], true, []],
    [['Machine.StopAndQuarantine'], false, ['Machine.Read.All', 'Machine.ReadWrite.All']],
    [['Machine.Read.All'], false, ['Machine.StopAndQuarantine']],
    [['Machine.ReadWrite.All', 'Machine.Read.All'], false, ['Machine.StopAndQuarantine']],
    [[], false, ['Machine.StopAndQuarantine', 'Machine.Read.All', 'Machine.ReadWrite.All']],
  ] as const)('roles %j → satisfied %s, missing %j', (roles, satisfied, missing) => {
    const r = checkPermissions(tok([...roles]), op)
    expect(r.satisfied).toBe(satisfied)
    expect(r.missing).toEqual(missing)
    expect(r.alsoRequires).toEqual([['Machine.Read.All', 'Machine.ReadWrite.All']])
    expect(r.anyOf).toEqual(['Machine.StopAndQuarantine'])
    expect(r.required).toEqual(['Machine.StopAndQuarantine', 'Machine.Read.All', 'Machine.ReadWrite.All'])
  })
  it('the finding names both halves', () => {
    const r = checkPermissions(tok(['Machine.StopAndQuarantine']), op)
    expect(codes(r)).toEqual(['permission-missing'])
    const f = r.findings[0] as { message: string; expected: unknown }
    expect(f.message).toContain('Machine.StopAndQuarantine')
    expect(f.message).toContain('Machine.Read.All')
    expect(f.expected).toEqual(['Machine.Read.All', 'Machine.ReadWrite.All'])
  })
  it('a single-member group is part of allOf', () => {
    const single = assertCatalog({
      ...catalog,
      operations: [{ ...catalog.operations[0], alsoRequires: { application: [['Machine.Read.All']] } }],
    })
    const r = checkPermissions(tok(['Machine.StopAndQuarantine']), {
      catalog: single,
      operation: op.operation,
    })
    expect(r.allOf).toEqual(['Machine.Read.All'])
    expect(r.missing).toEqual(['Machine.Read.All'])
  })
})

describe('fail closed: the pipeline refuses unusable requirements with requirement-invalid, never a throw', () => {
  const token = jwt(appOnlyClaims(['Machine.Isolate']))
  it.each([
    ['a space in require', { require: ['Machine.Isolate '] }],
    ['an empty name', { require: [''] }],
    ['a lookalike (Kelvin sign)', { require: ['\u212Aey.Read'] }],
    ['a Cyrillic letter', { require: ['M\u0430chine.Isolate'] }],
    ['require not a list', { require: 'Machine.Isolate' }],
    [
      'a hole in require',
      {
        require: Array.from({ length: 2, 1: 'Machine.Isolate' } as ArrayLike<string>).map((x, i) =>
          i === 0 ? (undefined as unknown as string) : x,
        ),
      },
    ],
    ['a number in require', { require: [1] }],
    ['unknown api', { api: 'mdee', operation: 'GET /api/alerts' }],
    ['unknown api alone', { api: 'nope' }],
    ['unparseable operation', { operation: 'GIT /api/alerts' }],
    ['operation with a dot segment', { operation: 'GET /api/../alerts' }],
    ['operation with a newline', { operation: 'GET /api/alerts\nHost: x' }],
    ['operation not a string', { operation: 42 }],
    ['operation too long', { operation: `GET /${'a'.repeat(5000)}` }],
    ['an invalid catalog', { catalog: { id: 'x' }, operation: 'GET /x' }],
    [
      'api and catalog disagree',
      {
        api: 'mde',
        catalog: {
          id: 'x',
          name: 'X',
          appId: null,
          identifierUris: ['api://x'],
          permissions: [],
          operations: [],
        },
        require: ['A'],
      },
    ],
  ])('%s', (_name, requirement) => {
    const r = inspectToken(token, { ...at, ...(requirement as object) })
    expect(r.findings.find((f) => f.code === 'requirement-invalid')?.severity).toBe('error')
    expect(r.verdict).toBe('refused')
    expect(r.permissions.satisfied).toBe(false)
    expect(r.findings.every((f) => f.message.length < 1024)).toBe(true)
  })
  it('checkPermissions called directly throws TypeError for the same misuse (documented)', () => {
    expect(() => checkPermissions(facts(appOnlyClaims([])), { require: ['a b'] })).toThrow(TypeError)
    expect(() => checkPermissions(facts(appOnlyClaims([])), { api: 'nope', require: ['a'] })).toThrow(
      TypeError,
    )
  })
  it('a getter in the request is refused, never called', () => {
    let called = 0
    const options = Object.defineProperty({ now: at.now }, 'operation', {
      enumerable: true,
      get: () => {
        called++
        return 'GET /api/alerts'
      },
    })
    const r = inspectToken(token, options)
    expect(called).toBe(0)
    expect(codes(r)).toContain('requirement-invalid')
  })
  it('property: inspectToken never throws on any requirement shape', () => {
    const member = fc.oneof(
      fc.string(),
      fc.array(fc.oneof(fc.string(), fc.integer())),
      fc.integer(),
      fc.constant(null),
      fc.constant(undefined),
      fc.object(),
    )
    fc.assert(
      fc.property(
        fc.record({ api: member, operation: member, require: member, catalog: member }, { requiredKeys: [] }),
        (req) => {
          const r = inspectToken(token, { ...at, ...(req as object) })
          return ['works', 'refused', 'undetermined'].includes(r.verdict)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('token kinds: only app-only and delegated tokens can be granted anything', () => {
  it('an unclassified token (no oid) satisfies nothing', () => {
    // Built as facts: which claims make a token unclassifiable is the classifier's business (token/classify.ts).
    const f: TokenFacts = { ...facts(appOnlyClaims(['Machine.Isolate'])), kind: 'unknown' }
    const r = checkPermissions(f, { operation: 'POST /api/machines/a/isolate' })
    expect(r.satisfied).toBe(false)
    expect(codes(r)).toEqual(['permission-context-unknown'])
  })
  it('an ID token satisfies nothing', () => {
    const f: TokenFacts = { ...facts(delegatedClaims('Machine.Isolate')), kind: 'id-token' }
    expect(checkPermissions(f, { operation: 'POST /api/machines/a/isolate' }).satisfied).toBe(false)
  })
  it("a delegated token's roles (user app-role assignments) never satisfy an application permission", () => {
    const claims = delegatedClaims(undefined)
    claims.roles = ['Machine.Isolate']
    const f = facts(claims)
    expect(f.kind).toBe('delegated')
    const r = checkPermissions(f, { operation: 'POST /api/machines/a/isolate' })
    expect(r.satisfied).toBe(false)
    expect(r.context).toBe('delegated')
    expect(checkPermissions(f, { api: 'mde', require: ['Machine.Isolate'] }).satisfied).toBe(false)
  })
})

describe("with no requirement: a known API's token that can grant nothing is refused on its own", () => {
  it.each([[MDE_AUD], [M365D_AUD], ['https://graph.microsoft.com']])(
    'app-only, no roles, aud %s → app-only-no-roles with the consent link',
    (aud) => {
      const r = inspectToken(jwt(appOnlyClaims(undefined, aud)), at)
      const f = r.findings.find((x) => x.code === 'app-only-no-roles')
      expect(f?.severity).toBe('error')
      expect(f?.fix).toContain('/adminconsent?client_id=')
      expect(r.verdict).toBe('refused')
    },
  )
  it('delegated, no scp, aud MDE → delegated-no-scopes', () => {
    const claims = delegatedClaims(undefined)
    claims.roles = ['Machine.Read.All']
    const r = inspectToken(jwt(claims), at)
    expect(r.findings.find((x) => x.code === 'delegated-no-scopes')?.severity).toBe('error')
  })
  it("a custom API's token with no roles is not judged without a requirement", () => {
    const r = inspectToken(jwt(appOnlyClaims(undefined, 'api://contoso')), at)
    expect(codes(r)).not.toContain('app-only-no-roles')
  })
})

describe('audiences the API refuses (issue 15 point 2)', () => {
  it.each(API_RESOURCES.mde.refusedAudiences.map((x) => [x.aud]))(
    '%s → audience-refused-by-api with the scope to request',
    (aud) => {
      for (const options of [{}, { api: 'mde' as const }, { operation: 'GET /api/machines' }]) {
        const r = inspectToken(jwt(appOnlyClaims(['Machine.Read.All'], aud)), { ...at, ...options })
        const f = r.findings.filter((x) => x.code === 'audience-refused-by-api')
        expect(f).toHaveLength(1)
        expect(f[0]?.fix).toContain('https://api.securitycenter.microsoft.com/.default')
        expect(r.token?.api).toBe('mde')
        expect(r.verdict).toBe('refused')
      }
    },
  )
  it('every identifier URI MDE accepts still works', () => {
    for (const aud of API_RESOURCES.mde.identifierUris) {
      expect(
        checkPermissions(facts(appOnlyClaims(['Machine.Read.All'], aud)), { operation: 'GET /api/machines' })
          .satisfied,
        aud,
      ).toBe(true)
    }
  })
})

describe("catalogs are frozen values: mutating the caller's object cannot give a stale answer", () => {
  const base = () => ({
    id: 'orders',
    name: 'Orders',
    appId: null,
    identifierUris: ['api://orders'],
    hosts: [],
    permissions: [
      { value: 'Orders.Read', kind: 'application', id: null },
      { value: 'Orders.Write', kind: 'application', id: null },
    ],
    operations: [{ method: 'GET', path: '/orders', application: ['Orders.Read'], delegated: [] }],
  })
  it('a catalog is deep-frozen on first use, so it cannot change under its compiled form; a new object is judged anew', () => {
    const catalog = base()
    const token = facts(appOnlyClaims(['Orders.Read'], 'api://orders'))
    expect(
      checkPermissions(token, { catalog: catalog as PermissionCatalog, operation: 'GET /orders' }).satisfied,
    ).toBe(true)
    expect(Object.isFrozen(catalog.operations[0])).toBe(true)
    expect(() => {
      ;(catalog.operations[0] as { application: string[] }).application = ['Orders.Write']
    }).toThrow(TypeError)
    const changed = base()
    ;(changed.operations[0] as { application: string[] }).application = ['Orders.Write']
    expect(
      checkPermissions(token, { catalog: changed as PermissionCatalog, operation: 'GET /orders' }).satisfied,
    ).toBe(false)
    const r = inspectToken(jwt(appOnlyClaims(['Orders.Read'], 'api://orders')), {
      ...at,
      catalog: changed as PermissionCatalog,
      operation: 'GET /orders',
    })
    expect(r.permissions.satisfied).toBe(false)
  })
  it('parseCatalog returns a deep-frozen copy; the built-in catalogs are deep-frozen', () => {
    const parsed = parseCatalog(base())
    if (!parsed.ok) throw new Error('valid catalog refused')
    expect(Object.isFrozen(parsed.catalog)).toBe(true)
    expect(Object.isFrozen(parsed.catalog.operations[0]?.application)).toBe(true)
    expect(Object.isFrozen(BUILTIN_CATALOGS.mde.operations[0])).toBe(true)
    expect(() => (BUILTIN_CATALOGS.mde.operations as unknown[]).push({})).toThrow(TypeError)
  })
})

describe('parseOperation', () => {
  it.each([
    ['GET /api/alerts', ['api', 'alerts'], null],
    ['get /api/alerts', ['api', 'alerts'], null],
    ['GET https://API.security.microsoft.com/api/alerts#x', ['api', 'alerts'], 'api.security.microsoft.com'],
    ['GET /api/%61lerts', ['api', 'alerts'], null],
    ['GET /api//alerts', ['api', '', 'alerts'], null],
  ])('%s', (text, segments, host) => {
    expect(parseOperation(text)).toMatchObject({ segments, host })
  })
  it.each([
    'GET',
    'GET api/alerts',
    'FETCH /api/alerts',
    'GET ftp://x/y',
    'GET /api/%zz',
    'GET https://user:pw@api.security.microsoft.com/api/alerts',
    'GET /api/./alerts',
    'GET /a\u00e9',
  ])('refuses %s', (text) => {
    expect(parseOperation(text)).toBeNull()
  })
})

describe("property: an operation is granted exactly when the token holds one of its permissions of the token's kind", () => {
  const mde = BUILTIN_CATALOGS.mde
  const appNames = mde.permissions.filter((p) => p.kind === 'application').map((p) => p.value)
  it('for random role sets and random operations (app-only)', () => {
    fc.assert(
      fc.property(
        fc.subarray(appNames),
        fc.constantFrom(...mde.operations),
        fc.boolean(),
        (roles, op, shout) => {
          const path = op.path.replace(/\{[^}]+\}/g, 'x1').replace(/\(\.\.\.\)/g, "(a='1')")
          const held = shout ? roles.map((r) => r.toUpperCase()) : roles
          const r = checkPermissions(facts(appOnlyClaims(held)), { operation: `${op.method} ${path}` })
          // The page's spellings map to the values Entra issues through the catalog's aliases (requirement side only).
          const alias = new Map(Object.entries(mde.aliases ?? {}).map(([from, to]) => [nameKey(from), to]))
          const holds = (n: string) => roles.some((h) => nameKey(h) === nameKey(alias.get(nameKey(n)) ?? n))
          const also = op.alsoRequires?.application ?? []
          const expected = op.application.some(holds) && also.every((g) => g.some(holds))
          return r.satisfied === expected
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('bounded messages: token content never grows a finding message past 1 KB', () => {
  it('huge role names, aud, tid, appid and user', () => {
    const long = 'R'.repeat(100_000)
    const app = appOnlyClaims(
      [long, `${long}2`, ...Array.from({ length: 500 }, (_, i) => `Role${i}`)],
      `https://x.example/${long}`,
    )
    app.tid = long
    app.appid = long
    const del = delegatedClaims(`${long} ${long}x`)
    del.upn = long
    for (const claims of [app, appOnlyClaims([long]), del]) {
      for (const options of [
        {},
        { operation: 'POST /api/machines/a/isolate' },
        { api: 'mde' as const, require: ['Machine.Isolate'] },
        { audience: 'api://mine' },
      ]) {
        const r = inspectToken(jwt(claims), { ...at, ...options })
        for (const f of r.findings)
          expect(f.message.length, `${f.code}: ${f.message.slice(0, 80)}`).toBeLessThan(1024)
      }
    }
  })
})
