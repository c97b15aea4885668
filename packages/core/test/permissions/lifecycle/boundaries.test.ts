import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createVerifier, inspectToken, parseCatalog } from '../../../src/index.js'
import { lifecycleStateAt } from '../../../src/permissions/lifecycle/state.js'
import type * as NodeBackend from '../../../src/token/verify/rs256/node.js'
import {
  MDE,
  TENANT,
  entraClaims,
  entraHeader,
  makeKey,
  signCompact,
  type TestKey,
} from '../../verify/fixtures/entra.js'
import { appOnlyClaims, jwt, M365D_AUD } from '../tokens.js'

const rsa = vi.hoisted(() => ({ count: 0 }))
vi.mock('../../../src/token/verify/rs256/node.js', async (importOriginal) => {
  const original = await importOriginal<typeof NodeBackend>()
  return {
    ...original,
    createRs256Verifier: (...args: Parameters<typeof original.createRs256Verifier>) => {
      const backend = original.createRs256Verifier(...args)
      return {
        name: backend.name,
        verify: (...a: Parameters<typeof backend.verify>) => {
          rsa.count++
          return backend.verify(...a)
        },
      }
    },
  }
})

const at = (iso: string): Date => new Date(iso)
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code)
const s = (d: Date) => Math.floor(d.getTime() / 1000)

/** An offline inspection at `now` of an app-only token issued a minute before it. */
function inspectAt(now: Date, operation: string, roles: string[], aud: string) {
  const token = jwt({ ...appOnlyClaims(roles, aud), iat: s(now) - 60, nbf: s(now) - 60, exp: s(now) + 3000 })
  return inspectToken(token, { now, operation })
}

describe('lifecycleStateAt: the date is the first day it no longer works (00:00 UTC)', () => {
  const retiring = { status: 'retiring', retiresOn: '2027-02-01' } as const
  it.each([
    ['2026-12-08T00:00:00Z', { state: 'retiring', date: '2027-02-01', daysLeft: 55 }],
    ['2027-01-31T23:59:59Z', { state: 'retiring', date: '2027-02-01', daysLeft: 1 }],
    ['2027-02-01T00:00:00Z', { state: 'retired', date: '2027-02-01' }],
    ['2027-06-01T00:00:00Z', { state: 'retired', date: '2027-02-01' }],
  ])('at %s', (now, expected) => {
    expect(lifecycleStateAt(retiring, at(now).getTime())).toEqual(expected)
  })
  it('reads deprecated without a date as announced, current as working, and a bad clock as retired', () => {
    expect(lifecycleStateAt({ status: 'deprecated' }, 0)).toEqual({ state: 'announced' })
    expect(lifecycleStateAt({ status: 'current' }, 0)).toEqual({ state: 'working' })
    expect(lifecycleStateAt(retiring, Number.NaN).state).toBe('retired')
  })
})

describe('verdicts that know the date (inspectToken, injected clock)', () => {
  const MDE_HUNT = 'POST /api/advancedqueries/run'
  const XDR_HUNT = 'POST https://api.security.microsoft.com/api/advancedhunting/run'
  it.each([
    [
      'Defender for Endpoint hunting',
      MDE_HUNT,
      ['AdvancedQuery.Read.All'],
      'https://api.securitycenter.microsoft.com',
    ],
    ['Defender XDR hunting', XDR_HUNT, ['AdvancedHunting.Read.All'], M365D_AUD],
  ])('%s: a warning with the date before 2027-02-01, refused from it on', (_name, op, roles, aud) => {
    const before = inspectAt(at('2027-01-31T23:59:00Z'), op, roles, aud)
    const retiring = before.findings.find((f) => f.code === 'operation-retiring')
    expect(retiring?.severity).toBe('warning')
    expect(retiring?.message).toContain('2027-02-01')
    expect(retiring?.actual).toMatchObject({
      date: '2027-02-01',
      daysLeft: 1,
      permissionsToAdd: ['ThreatHunting.Read.All'],
    })
    expect(retiring?.fix).toContain('ThreatHunting.Read.All')
    expect(retiring?.fix).toContain(
      `https://login.microsoftonline.com/${'4f8c2a1e-9b7d-4c3e-8a5f-1d2e3f4a5b6c'}/adminconsent?client_id=`,
    )
    expect(retiring?.expected).toBe('POST /security/runHuntingQuery')
    expect(codes(before)).not.toContain('operation-retired')
    expect(before.findings.some((f) => f.severity === 'error')).toBe(false)

    const after = inspectAt(at('2027-02-01T00:00:00Z'), op, roles, aud)
    expect(codes(after)).toContain('operation-retired')
    expect(codes(after)).not.toContain('operation-retiring')
    expect(after.verdict).toBe('refused')
    expect(after.ok).toBe(false)
  })

  it('Graph legacy alerts: retiring before 2026-10-15, retired from it on (and today)', () => {
    const op = 'GET https://graph.microsoft.com/v1.0/security/alerts'
    const graph = 'https://graph.microsoft.com'
    expect(codes(inspectAt(at('2026-10-14T12:00:00Z'), op, ['SecurityEvents.Read.All'], graph))).toContain(
      'operation-retiring',
    )
    const after = inspectAt(at('2026-10-15T00:00:00Z'), op, ['SecurityEvents.Read.All'], graph)
    expect(codes(after)).toContain('operation-retired')
    expect(after.findings.find((f) => f.code === 'operation-retired')?.expected).toBe(
      'GET /security/alerts_v2',
    )
    expect(codes(inspectAt(at('2026-12-08T00:00:00Z'), op, ['SecurityEvents.Read.All'], graph))).toContain(
      'operation-retired',
    )
  })

  it.each(['https://graph.windows.net/', '00000002-0000-0000-c000-000000000000'])(
    'an Azure AD Graph token (aud %s): retiring before 2025-08-31, retired from it on',
    (aud) => {
      const token = (now: Date) =>
        jwt({
          ...appOnlyClaims(['Directory.Read.All'], aud),
          iat: s(now) - 60,
          nbf: s(now) - 60,
          exp: s(now) + 3000,
        })
      const before = inspectToken(token(at('2025-08-30T23:00:00Z')), { now: at('2025-08-30T23:00:00Z') })
      expect(codes(before)).toContain('operation-retiring')
      const after = inspectToken(token(at('2025-08-31T00:00:00Z')), { now: at('2025-08-31T00:00:00Z') })
      expect(codes(after)).toContain('operation-retired')
      expect(after.verdict).toBe('refused')
    },
  )

  it('an operation without a lifecycle gets neither finding', () => {
    const r = inspectAt(at('2027-06-01T00:00:00Z'), 'GET /api/machines', ['Machine.Read.All'], MDE)
    expect(codes(r).filter((c) => c.startsWith('operation-'))).toEqual([])
  })
})

describe('a cached verification crosses the boundary like a fresh one', () => {
  let key: TestKey
  beforeAll(() => {
    key = makeKey('lc1')
  })

  it('serves the remembered analysis, yet judges the lifecycle at each call (result cache on)', async () => {
    let now = at('2027-01-31T23:50:00Z')
    const verifier = createVerifier({
      audience: MDE,
      tenants: [TENANT],
      jwks: { keys: [key.jwk] },
      now: () => now,
      resultCache: { maxEntries: 100 },
    })
    const token = signCompact(
      entraHeader(key),
      entraClaims(
        {},
        { roles: ['AdvancedQuery.Read.All'], iat: s(now) - 60, nbf: s(now) - 60, exp: s(now) + 3600 },
      ),
      key.privateKey,
    )
    const ask = { api: 'mde', operation: 'POST /api/advancedqueries/run' } as const
    rsa.count = 0
    const first = await verifier.verify(token, ask)
    const second = await verifier.verify(token, ask)
    expect(first.verdict).toBe('works')
    expect(second.verdict).toBe('works')
    expect(codes(second)).toContain('operation-retiring')
    now = at('2027-02-01T00:10:00Z')
    const after = await verifier.verify(token, ask)
    expect(rsa.count).toBe(1)
    expect(codes(after)).toContain('operation-retired')
    expect(after.verdict).toBe('refused')
    // And back: a clock moved before the date gives the warning again (nothing about the date was remembered).
    now = at('2027-01-31T23:55:00Z')
    expect(codes(await verifier.verify(token, ask))).toContain('operation-retiring')
    expect(rsa.count).toBe(1)
  })
})

describe('the catalog validator carries the lifecycle fields', () => {
  const base = {
    id: 'custom',
    name: 'Custom',
    identifierUris: ['api://custom'],
    permissions: [{ value: 'Things.Read', kind: 'application', id: null }],
  }
  const withOp = (extra: Record<string, unknown>) => ({
    ...base,
    operations: [{ method: 'GET', path: '/things', application: ['Things.Read'], delegated: [], ...extra }],
  })
  it('keeps a valid lifecycle and rate limits', () => {
    const lifecycle = {
      status: 'retiring',
      retiresOn: '2027-03-01',
      announced: { source: 'https://example.com/notice', checked: '2026-12-08', verified: true },
      replacement: { api: 'custom', operation: 'GET /v2/things', application: ['Things.Read'] },
    }
    const rateLimits = [{ calls: 10, perSeconds: 60, scope: 'tenant' }]
    const r = parseCatalog(withOp({ lifecycle, rateLimits }))
    expect(r.errors).toEqual([])
    expect(r.catalog?.operations[0]?.lifecycle).toEqual(lifecycle)
    expect(r.catalog?.operations[0]?.rateLimits).toEqual(rateLimits)
  })
  it.each([
    [{ lifecycle: { status: 'sunset' } }, 'status'],
    [{ lifecycle: { status: 'retiring' } }, 'needs retiresOn'],
    [{ lifecycle: { status: 'retired', retiredOn: '2026-02-30' } }, 'retiredOn'],
    [{ lifecycle: { status: 'retiring', retiresOn: '2027-01-01', extra: 1 } }, 'unknown property "extra"'],
    [{ lifecycle: { status: 'deprecated', announced: { source: 'x' } } }, 'announced.checked'],
    [{ lifecycle: { status: 'deprecated', replacement: { operation: 'GET /x' } } }, 'replacement.api'],
    [{ rateLimits: [{ calls: 0, perSeconds: 60, scope: 'tenant' }] }, 'rateLimits[0]'],
    [{ rateLimits: [{ calls: 5, perSeconds: 60, scope: 'galaxy' }] }, 'rateLimits[0]'],
  ])('refuses %j', (extra, problem) => {
    const r = parseCatalog(withOp(extra))
    expect(r.ok).toBe(false)
    expect(r.errors.join('\n')).toContain(problem)
  })
  it('still reads the old legacy note', () => {
    const r = parseCatalog(withOp({ legacy: { replacement: 'GET /v2/things', note: 'moved' } }))
    expect(r.catalog?.operations[0]?.legacy).toEqual({ replacement: 'GET /v2/things', note: 'moved' })
  })
})

describe('the built-in lifecycle data', () => {
  it('passes the catalog validator with every lifecycle and rate limit kept', async () => {
    const { BUILTIN_CATALOGS } = await import('../../../src/index.js')
    for (const catalog of Object.values(BUILTIN_CATALOGS)) {
      const parsed = parseCatalog(JSON.parse(JSON.stringify(catalog)))
      expect(parsed.errors, catalog.id).toEqual([])
      const withData = catalog.operations.filter((o) => o.lifecycle || o.rateLimits)
      expect(parsed.catalog?.operations.filter((o) => o.lifecycle || o.rateLimits)).toEqual(withData)
    }
  })

  it('names replacements the Graph catalog has, with permissions that grant them there', async () => {
    const { BUILTIN_CATALOGS, RETIRED_APIS, checkPermissions } = await import('../../../src/index.js')
    const lifecycles = [
      ...Object.values(BUILTIN_CATALOGS).flatMap((c) => c.operations.map((o) => o.lifecycle)),
      ...RETIRED_APIS.map((r) => r.lifecycle),
    ].filter((l) => l?.replacement?.operation)
    expect(lifecycles.length).toBeGreaterThanOrEqual(5)
    for (const l of lifecycles) {
      const r = l?.replacement
      if (!r || r.operation === null) continue
      for (const role of r.application ?? []) {
        const check = checkPermissions(
          { payload: { roles: [role], idtyp: 'app' }, kind: 'app-only', roles: [role] },
          { api: r.api, operation: r.operation },
        )
        expect(check.satisfied, `${r.operation} with ${role}`).toBe(true)
      }
    }
  })
})
