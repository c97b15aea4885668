import { describe, expect, it } from 'vitest'
import {
  API_RESOURCES,
  BUILTIN_CATALOGS,
  checkPermissions,
  isKnownApiId,
  inspectToken,
  type PermissionCatalog,
  type PermissionKind,
  type TokenFacts,
} from '../../src/index.js'
import { CLIENT, M365D_AUD, MDE_AUD, TENANT, appOnlyClaims, at, delegatedClaims, jwt } from './tokens.js'

function facts(claims: Record<string, unknown>): TokenFacts {
  const t = inspectToken(jwt(claims), at).token
  if (!t) throw new Error('test token did not decode')
  return t
}
const appOnly = (roles: unknown, aud = MDE_AUD) => facts(appOnlyClaims(roles, aud))
const delegated = (scp: unknown, aud = MDE_AUD) => facts(delegatedClaims(scp, aud))
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code)

/** A concrete request path for a template: placeholders and function segments filled in. */
function concrete(path: string): string {
  return path
    .replace(/\{[^}]+\}/g, '7b1f4967d9728e5aa3c06a9e617a22a4a5a17378')
    .replace(/\(\.\.\.\)/g, "(ip='10.1.2.3',timestamp=2024-05-01T00:00:00Z)")
}

const cases = Object.values(BUILTIN_CATALOGS).flatMap((catalog: PermissionCatalog) =>
  catalog.operations.flatMap((op) =>
    (['application', 'delegated'] as PermissionKind[]).map((kind) => ({
      catalog,
      op,
      kind,
      name: `${catalog.id} ${op.method} ${op.path} (${kind})`,
    })),
  ),
)

describe('every catalog operation grants and denies', () => {
  it.each(cases)('$name', ({ catalog, op, kind }) => {
    // Every built-in catalog (Graph's too, once it is added) is tried with a token for its own resource.
    const aud = isKnownApiId(catalog.id)
      ? (API_RESOURCES[catalog.id].resourceByCloud.public as string)
      : MDE_AUD
    const make = (perms: string[]) =>
      kind === 'application' ? appOnly(perms, aud) : delegated(perms.join(' '), aud)
    const operation = `${op.method} ${concrete(op.path)}`
    const column = op[kind]
    // Operations needing two permissions together (alsoRequires): one of each group goes with the column's permission.
    const groups = op.alsoRequires?.[kind] ?? []
    const companions = groups.map((g) => g[0] as string)
    const listed = (n: string) =>
      [...column, ...groups.flat()].some((c) => c.toLowerCase() === n.toLowerCase())
    const unrelated = catalog.permissions.find((p) => p.kind === kind && !listed(p.value))?.value as string
    const denied = checkPermissions(make([unrelated]), { operation })
    expect(denied.satisfied).toBe(false)
    expect(denied.context).toBe(kind)
    if (column.length === 0) {
      expect(codes(denied)).toEqual(['permission-kind-mismatch'])
      return
    }
    expect(codes(denied)).toEqual(['permission-missing'])
    expect(denied.missing).toEqual([...new Set([...column, ...groups.flat()])])
    for (const name of column) {
      if (groups.length > 0) {
        const half = checkPermissions(make([name]), { operation })
        expect(half.satisfied, `${name} alone`).toBe(false)
        expect(half.missing).toEqual([...new Set(groups.flat())])
      }
      const granted = checkPermissions(make([name, ...companions]), { operation })
      expect(granted.satisfied, name).toBe(true)
      expect(granted.granted).toEqual([name, ...companions])
      expect(granted.operation).toBe(`${op.method} ${op.path}`)
      expect(granted.api).toBe(catalog.id)
      expect(
        codes(granted).filter(
          (c) => !['delegated-needs-user-role', 'permission-broader-than-needed'].includes(c),
        ),
      ).toEqual([])
    }
  })
})

describe('hand-written expectations', () => {
  it('isolating a device: Machine.Isolate application permission', () => {
    const r = checkPermissions(appOnly(['Machine.Read.All', 'Machine.Isolate']), {
      operation: 'POST /api/machines/1e5bc9d7e413ddd7902c2932e418702b84d0cc07/isolate',
    })
    expect(r).toMatchObject({
      satisfied: true,
      context: 'application',
      granted: ['Machine.Isolate'],
      anyOf: ['Machine.Isolate'],
      missing: [],
      api: 'mde',
      operation: 'POST /api/machines/{id}/isolate',
    })
    expect(r.source).toBe('https://learn.microsoft.com/defender-endpoint/api/isolate-machine')
    expect(r.findings).toEqual([])
  })

  it('denies isolation to a read-only app and names the fix with an admin-consent link', () => {
    const r = checkPermissions(appOnly(['Machine.Read.All']), { operation: 'POST /api/machines/abc/isolate' })
    expect(r).toMatchObject({ satisfied: false, missing: ['Machine.Isolate'], granted: [] })
    expect(codes(r)).toEqual(['permission-missing'])
    const fix = r.findings[0]?.fix ?? ''
    const link = new URL(/https:\/\/\S+adminconsent\S+?(?=\))/.exec(fix)?.[0] ?? 'https://x')
    expect(link.origin + link.pathname).toBe(`https://login.microsoftonline.com/${TENANT}/adminconsent`)
    expect(link.searchParams.get('client_id')).toBe(CLIENT)
  })

  it('listing incidents (M365D): any of Incident.Read.All or Incident.ReadWrite.All; ReadWrite is broader than needed', () => {
    const r = checkPermissions(appOnly(['Incident.ReadWrite.All'], M365D_AUD), {
      operation: 'GET /api/incidents',
    })
    expect(r).toMatchObject({
      satisfied: true,
      api: 'm365d',
      anyOf: ['Incident.Read.All', 'Incident.ReadWrite.All'],
      granted: ['Incident.ReadWrite.All'],
    })
    expect(codes(r)).toEqual(['permission-broader-than-needed'])
    expect(r.findings[0]?.expected).toEqual(['Incident.Read.All'])
  })

  it('no broader-than-needed note when the narrow one is held too', () => {
    const r = checkPermissions(appOnly(['Incident.Read.All', 'Incident.ReadWrite.All'], M365D_AUD), {
      operation: 'GET /api/incidents',
    })
    expect(codes(r)).toEqual([])
  })

  it('app-only token without roles: app-only-no-roles with a consent link for the token tenant', () => {
    const r = checkPermissions(appOnly(undefined), { operation: 'GET /api/alerts' })
    expect(codes(r)).toEqual(['app-only-no-roles'])
    expect(r.findings[0]?.fix).toContain(
      `https://login.microsoftonline.com/${TENANT}/adminconsent?client_id=${CLIENT}`,
    )
    expect(r.missing).toEqual(['Alert.Read.All', 'Alert.ReadWrite.All'])
  })

  it('delegated token: scope check passes and the user-role note follows', () => {
    const r = checkPermissions(delegated('Machine.Isolate Machine.Read'), {
      operation: 'POST /api/machines/abc/isolate',
    })
    expect(r).toMatchObject({ satisfied: true, context: 'delegated', granted: ['Machine.Isolate'] })
    expect(codes(r)).toEqual(['delegated-needs-user-role'])
  })

  it('delegated token on an application-only operation: permission-kind-mismatch', () => {
    const r = checkPermissions(delegated('Ti.ReadWrite'), { operation: 'DELETE /api/indicators/42' })
    expect(r.satisfied).toBe(false)
    expect(codes(r)).toEqual(['permission-kind-mismatch'])
    expect(r.findings[0]?.expected).toEqual(['Ti.ReadWrite', 'Ti.ReadWrite.All'])
  })

  it('requiring a delegated permission of an app-only token: permission-kind-mismatch', () => {
    const r = checkPermissions(appOnly(['Machine.Read.All']), { api: 'mde', require: ['Machine.Read'] })
    expect(codes(r)).toEqual(['permission-kind-mismatch'])
  })

  it('a delegated token holding an app role instead of the scope: permission-kind-mismatch', () => {
    const r = checkPermissions(delegated('openid', MDE_AUD), { operation: 'GET /api/alerts' })
    expect(codes(r)).toEqual(['permission-missing'])
    const withRole = facts({ ...delegatedClaims('openid'), roles: ['Alert.Read.All'] })
    expect(codes(checkPermissions(withRole, { operation: 'GET /api/alerts' }))).toEqual([
      'permission-kind-mismatch',
    ])
  })

  it('a Defender for Endpoint token for an M365D call: wrong-api with the right /.default scope', () => {
    const r = checkPermissions(appOnly(['AdvancedQuery.Read.All']), {
      operation: 'POST https://api.security.microsoft.com/api/advancedhunting/run',
    })
    expect(r).toMatchObject({ satisfied: false, api: 'm365d', granted: [] })
    expect(codes(r)).toEqual(['wrong-api'])
    expect(r.findings[0]?.fix).toBe(
      'Request the token with scope https://api.security.microsoft.com/.default.',
    )
  })

  it('explicit requirements are all-of, with aliases on the requirement side', () => {
    const ok = checkPermissions(appOnly(['Url.Read.All', 'Alert.ReadWrite.All']), {
      api: 'mde',
      require: ['URL.Read.All', 'Alerts.ReadWrite.All'],
    })
    expect(ok).toMatchObject({ satisfied: true, allOf: ['Url.Read.All', 'Alert.ReadWrite.All'] })
    const partial = checkPermissions(appOnly(['Url.Read.All']), {
      api: 'mde',
      require: ['Url.Read.All', 'Machine.Isolate'],
    })
    expect(partial).toMatchObject({
      satisfied: false,
      missing: ['Machine.Isolate'],
      granted: ['Url.Read.All'],
    })
    const del = checkPermissions(delegated('RemediationTasks.Read'), {
      api: 'mde',
      require: ['RemediationTask.Read', 'Machine.Read.Write'],
    })
    expect(del).toMatchObject({ satisfied: false, missing: ['Machine.ReadWrite'] })
  })

  it('an unknown operation is reported, not guessed', () => {
    const r = checkPermissions(appOnly(['Machine.Read.All']), { operation: 'GET /api/nothing-here' })
    expect(r.satisfied).toBe(false)
    expect(codes(r)).toEqual(['operation-unknown'])
    const host = checkPermissions(appOnly(['Machine.Read.All']), {
      operation: 'GET https://graph.microsoft.com/api/machines',
    })
    expect(codes(host)).toEqual(['operation-unknown'])
  })
})

describe('exact matching only', () => {
  it('"Incident.Reader" does not grant Incident.Read', () => {
    expect(
      checkPermissions(delegated('Incident.Reader', M365D_AUD), { operation: 'GET /api/incidents' })
        .satisfied,
    ).toBe(false)
    expect(
      checkPermissions(delegated('Incident.Rea', M365D_AUD), { api: 'm365d', require: ['Incident.Read'] })
        .satisfied,
    ).toBe(false)
  })

  it('compares case-insensitively and reports the token spelling', () => {
    const r = checkPermissions(appOnly(['machine.isolate']), { operation: 'post /API/Machines/ABC/Isolate' })
    expect(r).toMatchObject({ satisfied: true, granted: ['machine.isolate'] })
  })

  it('roles as a string grants nothing (the facts read it once, as no roles)', () => {
    const f = appOnly('Machine.Isolate')
    expect(f.roles).toEqual([])
    expect(checkPermissions(f, { operation: 'POST /api/machines/a/isolate' }).satisfied).toBe(false)
    expect(checkPermissions(f, { api: 'mde', require: ['Machine.Isolate'] }).satisfied).toBe(false)
    // A hand-built subject without roles in its facts is read from its payload, by the same rule.
    const plain = { payload: { ...f.payload, roles: 'Machine.Isolate' }, kind: 'app-only' }
    expect(checkPermissions(plain, { api: 'mde', require: ['Machine.Isolate'] }).satisfied).toBe(false)
  })

  it('the decision reads roles from the facts, not the payload again', () => {
    const f = appOnly(['Machine.Read.All'])
    const read = { ...f, roles: ['Machine.Isolate'] }
    expect(checkPermissions(read, { operation: 'POST /api/machines/a/isolate' }).satisfied).toBe(true)
    expect(checkPermissions({ ...f, roles: [] }, { operation: 'GET /api/machines' }).satisfied).toBe(false)
  })

  it('scp is split on single spaces only; tabs and commas do not separate', () => {
    expect(
      checkPermissions(delegated('Alert.Read\tMachine.Read'), { operation: 'GET /api/alerts' }).satisfied,
    ).toBe(false)
    expect(
      checkPermissions(delegated('Alert.Read,Machine.Read'), { operation: 'GET /api/alerts' }).satisfied,
    ).toBe(false)
    expect(
      checkPermissions(delegated('Machine.Read  Alert.Read'), { operation: 'GET /api/alerts' }).satisfied,
    ).toBe(true)
    expect(checkPermissions(delegated(['Alert.Read']), { operation: 'GET /api/alerts' }).satisfied).toBe(
      false,
    )
  })

  it('__proto__ grants nothing', () => {
    const payload = JSON.parse(
      `{"__proto__": {"roles": ["Machine.Isolate"]}, "aud": "${MDE_AUD}", "idtyp": "app"}`,
    ) as Record<string, unknown>
    expect(
      checkPermissions(
        { payload, kind: 'app-only', api: 'mde' },
        { operation: 'POST /api/machines/a/isolate' },
      ).satisfied,
    ).toBe(false)
    const inherited = Object.create({ roles: ['Machine.Isolate'] }) as Record<string, unknown>
    inherited.aud = MDE_AUD
    expect(
      checkPermissions(
        { payload: inherited, kind: 'app-only', api: 'mde' },
        { operation: 'POST /api/machines/a/isolate' },
      ).satisfied,
    ).toBe(false)
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(checkPermissions(appOnly([]), { api: 'mde', require: [name] }).satisfied).toBe(false)
      expect(checkPermissions(appOnly([name]), { operation: 'POST /api/machines/a/isolate' }).satisfied).toBe(
        false,
      )
    }
  })

  it('is safe on its own: bad facts or requirements are TypeErrors', () => {
    expect(() => checkPermissions(null as never, { operation: 'GET /api/alerts' })).toThrow(TypeError)
    expect(() => checkPermissions({ payload: 'x' } as never, { operation: 'GET /api/alerts' })).toThrow(
      TypeError,
    )
    expect(() => checkPermissions(appOnly([]), {})).toThrow(TypeError)
    expect(() => checkPermissions(appOnly([]), { operation: '/api/alerts' })).toThrow(TypeError)
    expect(() => checkPermissions(appOnly([]), { api: 'nope', require: ['x'] })).toThrow(TypeError)
    expect(() => checkPermissions(appOnly([]), { require: 'Machine.Isolate' as never })).toThrow(TypeError)
  })
})

describe('operation matching', () => {
  const grants = (operation: string, roles = ['Machine.Read.All']) =>
    checkPermissions(appOnly(roles), { operation })
  it.each([
    [
      "GET /api/machines/findbyip(ip='10.248.240.38',timestamp=2019-09-22T08:44:05Z)",
      'GET /api/machines/findbyip(...)',
    ],
    [
      "GET /api/machines/find(timestamp=2018-06-19T10:00:00Z,key='10.166.93.61')",
      'GET /api/machines/find(...)',
    ],
    ['GET /api/machines/findbytag?tag=testTag&useStartsWithFilter=true', 'GET /api/machines/findbytag'],
    ['GET /api/machines/{id}', 'GET /api/machines/{id}'],
    ['GET /api/machines/abc/', 'GET /api/machines/{id}'],
    ['get /API/MACHINES', 'GET /api/machines'],
    ['GET https://api-eu.securitycenter.microsoft.com/api/machines?$top=1', 'GET /api/machines'],
    ['GET https://api-gov.securitycenter.microsoft.us/api/machines', 'GET /api/machines'],
    ['GET https://api-gcc.security.microsoft.us/api/machines', 'GET /api/machines'],
    ['GET https://api.security.microsoft.com/api/machines/abc#frag', 'GET /api/machines/{id}'],
    ['GET https://API.SecurityCenter.Microsoft.com/api/machines/abc', 'GET /api/machines/{id}'],
  ])('%s → %s', (input, expected) => {
    expect(grants(input).operation).toBe(expected)
  })

  it('the host identifies the API', () => {
    expect(grants('GET https://api-uk.security.microsoft.com/api/incidents').api).toBe('m365d')
    expect(grants('POST https://api.securitycenter.microsoft.com/api/advancedqueries/run').api).toBe('mde')
  })

  it('prefers the token’s API for relative paths', () => {
    expect(
      checkPermissions(appOnly(['Incident.Read.All'], M365D_AUD), { operation: 'GET /api/incidents' }).api,
    ).toBe('m365d')
  })
})
