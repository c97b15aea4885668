import { beforeAll, describe, expect, it } from 'vitest'
import { createVerifier, type Report, type VerifierOptions } from '../../src/index.js'
import { authorize } from '../../src/http/index.js'
import { createTestTenant, fixedClock, type TestTenant } from '../../src/testing/index.js'
import '../../src/vitest/index.js'

const NOW = new Date('2026-12-08T12:00:00Z')
const MDE = 'https://api.securitycenter.microsoft.com'
const READ = { api: 'mde', operation: 'GET /api/machines' } as const

let tenant: TestTenant
beforeAll(async () => {
  tenant = await createTestTenant({ now: NOW })
})

const verifier = (callers: VerifierOptions['callers'], extra: Partial<VerifierOptions> = {}) =>
  createVerifier({
    audience: MDE,
    tenants: [tenant.tenantId],
    fetch: tenant.fetch,
    now: fixedClock(NOW),
    ...(callers === undefined ? {} : { callers }),
    ...extra,
  })
const codes = (r: Report) => r.findings.map((f) => f.code)
const app = (claims: Record<string, string | undefined> = {}) =>
  tenant.issueToken({ api: 'mde', roles: ['Machine.Read.All'], claims })
const user = (caller?: 'guest' | 'gdap-user' | 'agent-for-user' | 'agent-user', claims = {}) =>
  tenant.issueToken({
    api: 'mde',
    kind: 'delegated',
    scopes: ['Machine.Read'],
    claims,
    ...(caller ? { caller } : {}),
  })

describe('the kit mints every caller shape, and the Report reads each', () => {
  it.each([
    ['agent', 'app-only', 'autonomous', null],
    ['agent-for-user', 'delegated', 'on-behalf-of-user', 'member'],
    ['agent-user', 'delegated', 'agent-user', 'member'],
    ['managed-identity', 'app-only', null, 'service-principal'],
    ['guest', 'delegated', null, 'guest'],
    ['gdap-user', 'delegated', null, 'gdap-user'],
  ] as const)('%s', async (caller, kind, agent, relation) => {
    for (const version of ['1.0', '2.0'] as const) {
      const token = await tenant.issueToken({
        api: 'mde',
        caller,
        version,
        ...(kind === 'delegated' ? { scopes: ['Machine.Read'] } : { roles: ['Machine.Read.All'] }),
      })
      const report = await verifier(undefined).verify(token, READ)
      expect(report.verdict).toBe('works')
      expect(report.token?.kind).toBe(kind)
      expect(report.token?.caller.agent).toBe(agent)
      if (relation !== null) expect(report.token?.caller.relation).toBe(relation)
      if (agent === null) expect(token).not.toBeAgent()
      else expect(token).toBeAgent(agent)
    }
    if (caller === 'managed-identity') {
      const t = await tenant.issueToken({ api: 'mde', caller, roles: ['Machine.Read.All'] })
      expect((await verifier(undefined).verify(t)).token?.caller.credential).toBe('managed-identity')
    }
  })

  it('an autonomous agent reads as the page and CLI say it', async () => {
    const t = await tenant.issueToken({ api: 'mde', caller: 'agent', roles: ['Machine.Read.All'] })
    const r = await verifier(undefined).verify(t)
    expect(r.token?.caller.summary).toMatch(
      /^AI agent [0-9a-f-]{36} \(blueprint [0-9a-f-]{36}\) acting as itself$/,
    )
    expect(r.token?.caller.blueprint).not.toBe(r.token?.appId)
  })

  it('a caller contradicting kind is a TypeError', async () => {
    await expect(
      tenant.issueToken({ api: 'mde', caller: 'agent', kind: 'delegated', scopes: ['x'] }),
    ).rejects.toThrow(TypeError)
    await expect(tenant.issueToken({ api: 'mde', caller: 'robot' as unknown as 'agent' })).rejects.toThrow(
      /caller must be one of/,
    )
  })
})

describe('caller policies (callers option)', () => {
  it('are read strictly at creation', () => {
    expect(() => verifier({ guest: false } as unknown as VerifierOptions['callers'])).toThrow(
      /did you mean 'guests'/,
    )
    expect(() => verifier({ agents: 'sometimes' as unknown as false })).toThrow(TypeError)
    expect(() => verifier({ credentials: ['password' as unknown as 'secret'] })).toThrow(TypeError)
    expect(() => verifier({ credentials: [] })).toThrow(TypeError)
    expect(() => verifier({ onMissingClaim: 'ignore' as unknown as 'allow' })).toThrow(TypeError)
    expect(() => verifier({ guests: 'no' as unknown as boolean })).toThrow(TypeError)
  })

  it('guests: false refuses a guest, keeps members; a token without xms_idrel is refused unless allowed', async () => {
    const v = verifier({ guests: false })
    expect(codes(await v.verify(await user('guest'), READ))).toContain('caller-guest-refused')
    expect((await v.verify(await user('gdap-user'), READ)).verdict).toBe('works')
    // A plain user token: the API never enabled xms_idrel.
    const plain = await v.verify(await user(), READ)
    expect(plain.verdict).toBe('refused')
    const missing = plain.findings.find((f) => f.code === 'caller-claim-missing')
    expect(missing).toMatchObject({ severity: 'error', claim: 'xms_idrel' })
    expect(missing?.fix).toContain('xms_idrel')
    const lenient = await verifier({ guests: false, onMissingClaim: 'allow' }).verify(await user(), READ)
    expect(lenient.verdict).toBe('works')
    expect(lenient.findings.find((f) => f.code === 'caller-claim-missing')?.severity).toBe('warning')
    // App-only tokens are never guests: the policy does not ask them for xms_idrel.
    expect((await v.verify(await app(), READ)).verdict).toBe('works')
  })

  it('agents: false | autonomous-only | on-behalf-of-user-only', async () => {
    const autonomous = await tenant.issueToken({ api: 'mde', caller: 'agent', roles: ['Machine.Read.All'] })
    const forUser = await user('agent-for-user')
    const agentUser = await user('agent-user')
    const noAgents = verifier({ agents: false })
    for (const t of [autonomous, forUser, agentUser])
      expect(codes(await noAgents.verify(t, READ))).toContain('caller-agent-refused')
    const onlyAutonomous = verifier({ agents: 'autonomous-only' })
    expect((await onlyAutonomous.verify(autonomous, READ)).verdict).toBe('works')
    expect(codes(await onlyAutonomous.verify(forUser, READ))).toContain('caller-agent-refused')
    const onlyForUser = verifier({ agents: 'on-behalf-of-user-only' })
    expect((await onlyForUser.verify(forUser, READ)).verdict).toBe('works')
    expect(codes(await onlyForUser.verify(autonomous, READ))).toContain('caller-agent-refused')
    expect(codes(await onlyForUser.verify(agentUser, READ))).toContain('caller-agent-refused')
    // No facet claims at all: the policy cannot tell an agent from anyone else.
    const bare = await noAgents.verify(await app(), READ)
    expect(bare.findings.find((f) => f.code === 'caller-claim-missing')?.claim).toBe(
      'xms_sub_fct and xms_act_fct',
    )
    // A non-agent token whose API enabled the facet claims passes.
    expect((await noAgents.verify(await app({ xms_sub_fct: '3', xms_act_fct: '3' }), READ)).verdict).toBe(
      'works',
    )
  })

  it('credentials: refuses secret-authenticated apps; delegated tokens only with delegated: true', async () => {
    const v = verifier({ credentials: ['certificate-or-managed-identity'] })
    const secretApp = await app() // the kit's confidential client authenticates with a secret (appidacr 1)
    const refused = await v.verify(secretApp, READ)
    expect(codes(refused)).toContain('caller-credential-refused')
    expect(refused.findings.find((f) => f.code === 'caller-credential-refused')?.fix).toMatch(/certificate/)
    expect((await v.verify(await app({ appidacr: '2' }), READ)).verdict).toBe('works')
    const mi = await tenant.issueToken({
      api: 'mde',
      caller: 'managed-identity',
      roles: ['Machine.Read.All'],
    })
    expect((await v.verify(mi, READ)).verdict).toBe('works')
    // A single-page app's user (public client, appidacr 0) is not judged unless delegated: true.
    expect((await v.verify(await user(), READ)).verdict).toBe('works')
    const strict = verifier({ credentials: ['certificate-or-managed-identity'], delegated: true })
    expect(codes(await strict.verify(await user(), READ))).toContain('caller-credential-refused')
    // No appidacr: the missing claim is named.
    expect(
      (await v.verify(await app({ appidacr: undefined }), READ)).findings.find(
        (f) => f.code === 'caller-claim-missing',
      )?.claim,
    ).toBe('appidacr')
  })

  it('is evaluated on every call, with the result cache on: a cached Report never skips or keeps a policy', async () => {
    const token = await user('guest')
    const refusing = verifier({ guests: false }, { resultCache: true })
    const first = await refusing.verify(token, READ)
    const second = await refusing.verify(token, READ)
    expect(codes(first)).toContain('caller-guest-refused')
    expect(codes(second)).toContain('caller-guest-refused')
    // The same token on a verifier without a policy, cached, is accepted: nothing of the policy was remembered.
    const open = verifier(undefined, { resultCache: true })
    expect((await open.verify(token, READ)).verdict).toBe('works')
    expect((await open.verify(token, READ)).verdict).toBe('works')
    expect(codes(await refusing.verify(token, READ))).toContain('caller-guest-refused')
  })

  it('the HTTP layer answers 403 with the policy finding code', async () => {
    const v = verifier({ agents: false })
    const t = await tenant.issueToken({ api: 'mde', caller: 'agent', roles: ['Machine.Read.All'] })
    for (let i = 0; i < 2; i++) {
      const outcome = await authorize(
        v,
        new Request('https://api.example/api/machines', { headers: { authorization: `Bearer ${t}` } }),
        READ,
      )
      expect(outcome.ok).toBe(false)
      if (outcome.ok) return
      expect(outcome.response.status).toBe(403)
      const body = (await outcome.response.json()) as { finding: string }
      expect(body.finding).toBe('caller-agent-refused')
    }
    // A forged agent token is still a 401 (the signature comes first), never a 403 that leaks the policy.
    const forged = `${t.slice(0, -4)}AAAA`
    const outcome = await authorize(
      v,
      new Request('https://api.example/api/machines', { headers: { authorization: `Bearer ${forged}` } }),
      READ,
    )
    expect(outcome.ok ? 200 : outcome.response.status).toBe(401)
  })
})
