import { describe, expect, it } from 'vitest'
import {
  API_RESOURCES,
  CLOUD_NAMES,
  M365D_CATALOG,
  MDE_CATALOG,
  checkPermissions,
  findPermissions,
  inspectToken,
  isGuid,
  parseCatalog,
} from '../../src/index.js'
import type { CatalogOperation, PermissionCatalog, PermissionKind, TokenFacts } from '../../src/index.js'
import { GRAPH_CATALOG } from '../../src/permissions/catalogs/graph.js'
import { appOnlyClaims, at, delegatedClaims, jwt } from './tokens.js'

// Data rules every built-in catalog keeps (Graph, Defender for Endpoint, Defender XDR), then the Graph catalog's own
// expectations. The Defender-specific expectations are in mde-catalog.test.ts.

/** The day the rows were last read against their pages; no row may claim a later check. */
const LAST_CHECK_DAY = '2026-11-30'
const GRAPH_AUD = 'https://graph.microsoft.com'

const catalogs: [string, PermissionCatalog][] = [
  ['graph', GRAPH_CATALOG],
  ['mde', MDE_CATALOG],
  ['m365d', M365D_CATALOG],
]
const KINDS: PermissionKind[] = ['application', 'delegated']
const opName = (op: Pick<CatalogOperation, 'method' | 'path'>): string => `${op.method} ${op.path}`
const templateKey = (method: string, path: string): string =>
  `${method} ${path.toLowerCase().replace(/\{[^{}]*\}/g, '{}')}`

/** Everything a permission includes, directly or through what it includes. */
function closure(catalog: PermissionCatalog, kind: PermissionKind, name: string): Set<string> {
  const seen = new Set<string>()
  const walk = (n: string): void => {
    for (const p of findPermissions(catalog, n, kind))
      for (const i of p.includes ?? []) {
        const key = i.toLowerCase()
        if (!seen.has(key)) {
          seen.add(key)
          walk(i)
        }
      }
  }
  walk(name)
  return seen
}

/** The any-of lists of an operation in one kind: its column and each alsoRequires group. */
const anyOfLists = (op: CatalogOperation, kind: PermissionKind): (readonly string[])[] => [
  op[kind],
  ...(op.alsoRequires?.[kind] ?? []),
]

describe.each(catalogs)('catalog data rules: %s', (_id, catalog) => {
  it('gives every operation a source page, a checked date (YYYY-MM-DD, a real day, not after the last check) and an area', () => {
    for (const op of catalog.operations) {
      expect(op.source, opName(op)).toMatch(/^https:\/\/learn\.microsoft\.com\/\S+$/)
      expect(op.checked, opName(op)).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      const day = op.checked as string
      expect(new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10), opName(op)).toBe(day)
      expect(day <= LAST_CHECK_DAY && day >= '2026-01-01', `${opName(op)} checked ${day}`).toBe(true)
      expect(op.area?.trim(), opName(op)).toBeTruthy()
      expect(op.summary?.trim(), opName(op)).toBeTruthy()
    }
  })

  it('names only permissions of this catalog, of the right kind (or documented aliases of them)', () => {
    for (const op of catalog.operations) {
      expect(op.application.length + op.delegated.length, opName(op)).toBeGreaterThan(0)
      for (const kind of KINDS) {
        for (const group of op.alsoRequires?.[kind] ?? [])
          expect(group.length, `${opName(op)} ${kind}: an empty group can never be met`).toBeGreaterThan(0)
        for (const list of anyOfLists(op, kind))
          for (const n of list)
            expect(findPermissions(catalog, n, kind), `${opName(op)} ${kind} ${n}`).toHaveLength(1)
      }
      // A kind with no permission of its own cannot need anything together with it.
      for (const kind of KINDS)
        if (op[kind].length === 0) expect(op.alsoRequires?.[kind] ?? [], opName(op)).toEqual([])
    }
  })

  it('lists each (method, path) once, placeholders and case aside', () => {
    const keys = catalog.operations.map((op) => templateKey(op.method, op.path))
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([])
  })

  it('orders every any-of list least privileged first: no entry includes one listed after it', () => {
    for (const op of catalog.operations)
      for (const kind of KINDS)
        for (const list of anyOfLists(op, kind)) {
          list.forEach((broader, i) => {
            const narrower = closure(catalog, kind, broader)
            for (const later of list.slice(i + 1))
              expect(
                narrower.has(later.toLowerCase()),
                `${opName(op)} ${kind}: ${broader} before ${later}`,
              ).toBe(false)
          })
        }
  })

  it('has GUID or null IDs, unique per kind; per-cloud IDs are GUIDs of known clouds that differ from the public one', () => {
    for (const kind of KINDS) {
      const ids = catalog.permissions.filter((p) => p.kind === kind && p.id !== null).map((p) => p.id)
      expect(new Set(ids).size, kind).toBe(ids.length)
    }
    for (const p of catalog.permissions) {
      expect(p.id === null || isGuid(p.id), p.value).toBe(true)
      for (const [cloud, id] of Object.entries(p.idByCloud ?? {})) {
        expect(CLOUD_NAMES, p.value).toContain(cloud)
        expect(isGuid(id), `${p.value} ${cloud}`).toBe(true)
        expect(id, `${p.value} ${cloud}`).not.toBe(p.id)
      }
      for (const i of p.includes ?? [])
        expect(findPermissions(catalog, i, p.kind), `${p.value} includes ${i}`).toHaveLength(1)
    }
  })

  it('names, for every legacy operation, a replacement that the Microsoft Graph catalog has', () => {
    const graphOps = new Set(GRAPH_CATALOG.operations.map((op) => templateKey(op.method, op.path)))
    for (const op of catalog.operations.filter((o) => o.legacy)) {
      const m = /^(GET|POST|PUT|PATCH|DELETE) (\/\S+)$/.exec(op.legacy?.replacement ?? '')
      expect(m, `${opName(op)} → ${op.legacy?.replacement}`).not.toBeNull()
      const [, method, path] = m as RegExpExecArray
      expect(
        graphOps.has(templateKey(method as string, path as string)),
        `${opName(op)} → ${op.legacy?.replacement}`,
      ).toBe(true)
      expect(op.legacy?.note?.trim(), opName(op)).toBeTruthy()
    }
  })

  it('passes the custom-catalog validator once the fields it does not read yet are left out', () => {
    const json = JSON.parse(JSON.stringify(catalog)) as {
      operations: Record<string, unknown>[]
      permissions: Record<string, unknown>[]
    }
    for (const op of json.operations)
      for (const k of ['alsoRequires', 'legacy', 'checked', 'area']) delete op[k]
    for (const p of json.permissions) delete p['idByCloud']
    expect(parseCatalog(json).errors).toEqual([])
  })
})

describe('Microsoft Graph catalog', () => {
  it('describes Microsoft Graph with the resource data of src/entra/apis.ts', () => {
    expect(GRAPH_CATALOG).toMatchObject({
      id: 'graph',
      name: 'Microsoft Graph',
      appId: '00000003-0000-0000-c000-000000000000',
    })
    expect(GRAPH_CATALOG.identifierUris).toEqual(API_RESOURCES.graph.identifierUris)
    expect(GRAPH_CATALOG.hosts).toEqual(API_RESOURCES.graph.hosts)
    expect(GRAPH_CATALOG.resourceByCloud).toEqual(API_RESOURCES.graph.resourceByCloud)
  })

  it('writes paths under /security without a version, and says which version documents each operation', () => {
    for (const op of GRAPH_CATALOG.operations) {
      expect(op.path, opName(op)).toMatch(/^\/security\/[A-Za-z]/)
      expect(op.path, opName(op)).not.toMatch(/^\/(v1\.0|beta)\//)
      const view = /\?view=graph-rest-(1\.0|beta)$/.exec(op.source ?? '')?.[1]
      expect(op.source, opName(op)).toMatch(
        /^https:\/\/learn\.microsoft\.com\/graph\/api\/(resources\/)?[a-z0-9_-]+\?view=graph-rest-(1\.0|beta)$/,
      )
      expect(op.summary, opName(op)).toMatch(view === 'beta' ? / \(beta only\)$/ : / \(v1\.0\)$/)
    }
  })

  it('covers the security areas the issue names', () => {
    const areas = new Set(GRAPH_CATALOG.operations.map((op) => op.area))
    for (const area of [
      'Incidents',
      'Alerts',
      'Advanced hunting',
      'Secure score',
      'Threat intelligence',
      'Attack simulation',
      'eDiscovery',
      'Identities',
      'Records management',
      'Subject rights requests',
      'Information protection',
      'Data security and governance',
    ]) {
      expect(areas, area).toContain(area)
    }
    const has = (method: string, path: string) =>
      GRAPH_CATALOG.operations.some((op) => templateKey(op.method, op.path) === templateKey(method, path))
    for (const [method, path] of [
      ['GET', '/security/incidents'],
      ['PATCH', '/security/incidents/{id}'],
      ['POST', '/security/incidents/{id}/comments'],
      ['GET', '/security/alerts_v2'],
      ['PATCH', '/security/alerts_v2/{id}'],
      ['POST', '/security/alerts_v2/{id}/comments'],
      ['POST', '/security/runHuntingQuery'],
      ['GET', '/security/secureScores'],
      ['GET', '/security/secureScoreControlProfiles'],
      ['GET', '/security/threatIntelligence/hosts/{id}'],
      ['GET', '/security/threatIntelligence/articles'],
      ['GET', '/security/threatIntelligence/intelProfiles'],
      ['GET', '/security/threatIntelligence/vulnerabilities/{id}'],
      ['GET', '/security/attackSimulation/simulations'],
      ['GET', '/security/cases/ediscoveryCases'],
      ['GET', '/security/identities/healthIssues'],
      ['GET', '/security/identities/sensors'],
      ['GET', '/security/triggers/retentionEvents'],
      ['GET', '/security/subjectRightsRequests'],
      ['GET', '/security/informationProtection/sensitivityLabels'],
    ])
      expect(has(method as string, path as string), `${method} ${path}`).toBe(true)
  })

  it('records the documented permissions of the main operations (hand-written from the pages)', () => {
    const op = (method: string, path: string) =>
      GRAPH_CATALOG.operations.find((o) => o.method === method && o.path === path)
    expect(op('GET', '/security/incidents')).toMatchObject({
      application: ['SecurityIncident.Read.All', 'SecurityIncident.ReadWrite.All'],
      delegated: ['SecurityIncident.Read.All', 'SecurityIncident.ReadWrite.All'],
    })
    expect(op('PATCH', '/security/incidents/{incidentId}')).toMatchObject({
      application: ['SecurityIncident.ReadWrite.All'],
      delegated: ['SecurityIncident.ReadWrite.All'],
    })
    expect(op('POST', '/security/runHuntingQuery')).toMatchObject({
      application: ['ThreatHunting.Read.All'],
      delegated: ['ThreatHunting.Read.All'],
    })
    expect(op('GET', '/security/secureScores')?.application).toEqual([
      'SecurityEvents.Read.All',
      'SecurityEvents.ReadWrite.All',
    ])
    expect(op('GET', '/security/threatIntelligence/articles')?.application).toEqual([
      'ThreatIntelligence.Read.All',
    ])
    expect(op('POST', '/security/attackSimulation/simulations')?.application).toEqual([
      'AttackSimulation.ReadWrite.All',
    ])
    // Graph's own 403 accepts incident roles for alerts_v2 reads (application only): recorded with its reason.
    expect(op('GET', '/security/alerts_v2')?.application).toEqual([
      'SecurityAlert.Read.All',
      'SecurityAlert.ReadWrite.All',
      'SecurityIncident.Read.All',
      'SecurityIncident.ReadWrite.All',
    ])
    expect(op('GET', '/security/alerts_v2')?.delegated).toEqual([
      'SecurityAlert.Read.All',
      'SecurityAlert.ReadWrite.All',
    ])
    expect(op('GET', '/security/alerts_v2')?.correction).toMatch(/wazuh/)
    // Kinds the pages leave out stay empty.
    expect(op('GET', '/security/subjectRightsRequests')?.application).toEqual([])
    expect(op('GET', '/security/collaboration/analyzedEmails')?.delegated).toEqual([])
    // The legacy alerts API names its replacement.
    expect(op('GET', '/security/alerts')?.legacy?.replacement).toBe('GET /security/alerts_v2')
  })

  it('names the role a signed-in user also needs where the pages do', () => {
    const role = (method: string, path: string) =>
      GRAPH_CATALOG.operations.find((o) => o.method === method && o.path === path)?.userRole ?? ''
    expect(role('GET', '/security/incidents')).toMatch(/Security Reader/)
    expect(role('PATCH', '/security/alerts_v2/{alertId}')).toMatch(/Security Operator/)
    expect(role('PATCH', '/security/alerts_v2/{alertId}')).not.toMatch(/Security Reader/)
    expect(role('GET', '/security/cases/ediscoveryCases')).toMatch(/eDiscovery Manager/)
    expect(role('GET', '/security/identities/healthIssues')).toMatch(/Security Administrator/)
    expect(GRAPH_CATALOG.delegatedNeedsUserRole).toBe(true)
  })

  it('records the permission IDs, and the GCC High / DoD app-role IDs that differ', () => {
    const id = (value: string, kind: PermissionKind) => findPermissions(GRAPH_CATALOG, value, kind)[0]
    expect(id('SecurityIncident.Read.All', 'application')?.id).toBe('45cc0394-e837-488b-a098-1918f48d186c')
    expect(id('SecurityIncident.Read.All', 'delegated')?.id).toBe('b9abcc4f-94fc-4457-9141-d20ce80ec952')
    expect(id('ThreatHunting.Read.All', 'application')?.id).toBe('dd98c7f5-2d42-42d3-a0e4-633161547251')
    expect(id('SecurityIncident.Read.All', 'application')?.idByCloud).toEqual({
      usgov: '73d442ea-eff8-40b5-a216-87616d77e983',
    })
    expect(id('SecurityAlert.Read.All', 'application')?.idByCloud).toEqual({
      usgov: '64c33fcb-e6aa-490d-bed5-6016a9ef8f6d',
    })
    expect(id('ThreatHunting.Read.All', 'application')?.idByCloud).toEqual({
      usgov: '5f804853-e3b1-447b-9a8b-6d3e1257c72a',
    })
    expect(GRAPH_CATALOG.permissions.filter((p) => p.id === null)).toEqual([])
  })
})

// The Graph catalog as a caller's catalog (the validator does not read the newer fields yet, and a distinct id keeps
// this independent of whether `graph` is also a built-in catalog).
const graphUnderTest = ((): PermissionCatalog => {
  const json = JSON.parse(JSON.stringify(GRAPH_CATALOG)) as PermissionCatalog & {
    operations: Record<string, unknown>[]
    permissions: Record<string, unknown>[]
  }
  for (const op of json.operations)
    for (const k of ['alsoRequires', 'legacy', 'checked', 'area']) delete op[k]
  for (const p of json.permissions) delete p['idByCloud']
  const parsed = parseCatalog({ ...json, id: 'graph-data-under-test' })
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  return parsed.catalog
})()

function facts(claims: Record<string, unknown>): TokenFacts {
  const t = inspectToken(jwt(claims), at).token
  if (!t) throw new Error('test token did not decode')
  return t
}

const concrete = (path: string): string => path.replace(/\{[^}]+\}/g, '2972395')
const cases = graphUnderTest.operations.flatMap((op) =>
  KINDS.map((kind) => ({ op, kind, name: `${opName(op)} (${kind})` })),
)

describe('every Graph operation grants with each listed permission and denies without', () => {
  it.each(cases)('$name', ({ op, kind }) => {
    const make = (perms: string[]) =>
      kind === 'application'
        ? facts(appOnlyClaims(perms, GRAPH_AUD))
        : facts(delegatedClaims(perms.join(' '), GRAPH_AUD))
    const requirement = { catalog: graphUnderTest, operation: `${op.method} ${concrete(op.path)}` }
    const column = op[kind]
    const unrelated = graphUnderTest.permissions.find(
      (p) => p.kind === kind && !column.some((c) => c.toLowerCase() === p.value.toLowerCase()),
    )?.value as string
    const denied = checkPermissions(make([unrelated]), requirement)
    expect(denied.satisfied).toBe(false)
    // The request resolves to this very row (not a sibling template).
    expect(denied.operation).toBe(opName(op))
    for (const name of column) {
      const granted = checkPermissions(make([name]), requirement)
      expect(granted.satisfied, name).toBe(true)
      expect(granted.operation).toBe(opName(op))
    }
  })
})
