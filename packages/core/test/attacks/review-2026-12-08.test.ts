// Cases from the outside attack on the merged round (2026-12-08): each failed before its fix.
import { beforeAll, describe, expect, it } from 'vitest'
import { createVerifier, parseCatalog, type Report, type VerifierOptions } from '../../src/index.js'
import { createTestTenant, fixedClock, type TestTenant } from '../../src/testing/index.js'

const NOW = new Date('2026-12-08T12:00:00Z')
const MDE = 'https://api.securitycenter.microsoft.com'
const READ = { api: 'mde', operation: 'GET /api/machines' } as const

let tenant: TestTenant
beforeAll(async () => {
  tenant = await createTestTenant({ now: NOW })
})

const verifier = (callers: VerifierOptions['callers']) =>
  createVerifier({
    audience: MDE,
    tenants: [tenant.tenantId],
    fetch: tenant.fetch,
    now: fixedClock(NOW),
    callers,
  })
const codes = (r: Report) => r.findings.map((f) => f.code)

describe('caller policies fail closed on claims they cannot read', () => {
  const AGENT_CLAIMS = ['xms_sub_fct', 'xms_act_fct', 'xms_tnt_fct', 'xms_par_app_azp']
  const stripped = Object.fromEntries(AGENT_CLAIMS.map((c) => [c, undefined]))
  it.each([
    ['xms_sub_fct as a number', { xms_sub_fct: 11 }],
    ['xms_sub_fct as an array', { xms_sub_fct: ['11'] }],
    ['xms_sub_fct with a tab', { xms_sub_fct: '9\t11' }],
    ['xms_sub_fct with a comma', { xms_sub_fct: '9,11' }],
    ['xms_act_fct with a comma', { xms_act_fct: '11,3' }],
    ['an empty blueprint', { xms_par_app_azp: '' }],
    ['a null blueprint', { xms_par_app_azp: null }],
  ])('agents: false refuses an agent token with %s', async (_name, claims) => {
    const token = await tenant.issueToken({
      caller: 'agent',
      api: 'mde',
      roles: ['Machine.Read.All'],
      claims: { ...stripped, ...claims },
    })
    const report = await verifier({ agents: false }).verify(token, READ)
    expect(report.verdict).toBe('refused')
    expect(codes(report).some((c) => c === 'caller-agent-refused' || c === 'caller-claim-missing')).toBe(true)
  })

  it.each([
    ['5 as a number', 5],
    ['5 with a tab', '5\t'],
    ['an unknown value', '99'],
    ['an empty string', ''],
    ['member and guest', '1 5'],
  ])('guests: false refuses a guest whose xms_idrel is %s', async (_name, idrel) => {
    const token = await tenant.issueToken({
      api: 'mde',
      kind: 'delegated',
      scopes: ['Machine.Read'],
      caller: 'guest',
      claims: { xms_idrel: idrel },
    })
    const report = await verifier({ guests: false }).verify(token, READ)
    expect(report.verdict).toBe('refused')
    expect(codes(report).some((c) => c === 'caller-guest-refused' || c === 'caller-claim-missing')).toBe(true)
  })

  it('still lets a member through', async () => {
    const token = await tenant.issueToken({
      api: 'mde',
      kind: 'delegated',
      scopes: ['Machine.Read'],
      claims: { xms_idrel: '1' },
    })
    expect((await verifier({ guests: false }).verify(token, READ)).verdict).toBe('works')
  })
})

describe('options are strict about hidden keys too', () => {
  it('refuses a non-enumerable misspelt option', () => {
    const options: Record<string, unknown> = {
      audience: MDE,
      tenants: [tenant.tenantId],
      fetch: tenant.fetch,
    }
    Object.defineProperty(options, 'clientApp', { value: ['x'], enumerable: false })
    expect(() => createVerifier(options as unknown as VerifierOptions)).toThrow(/did you mean 'clientApps'/)
  })
})

describe('dated lifecycles never contradict themselves', () => {
  const catalog = (lifecycle: unknown) => ({
    id: 'orders',
    name: 'Orders',
    identifierUris: ['api://orders'],
    permissions: [{ value: 'Orders.Read', kind: 'application', id: null }],
    operations: [{ method: 'GET', path: '/orders', application: ['Orders.Read'], delegated: [], lifecycle }],
  })
  it.each([
    ['deprecated with a retirement date', { status: 'deprecated', retiresOn: '2020-01-01' }],
    [
      'retiring with a retiredOn before retiresOn',
      { status: 'retiring', retiresOn: '2099-01-01', retiredOn: '2020-01-01' },
    ],
  ])('%s is refused by parseCatalog', (_name, lifecycle) => {
    expect(parseCatalog(catalog(lifecycle)).ok).toBe(false)
  })
})
