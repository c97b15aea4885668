import { describe, expect, it } from 'vitest'
import { classifyToken } from '../../src/token/classify.js'
import { readCallerFacts } from '../../src/token/caller.js'
import type { JsonObject } from '../../src/index.js'
import { inspect } from '../fixtures/inspect.js'
import {
  buildToken,
  CLIENT,
  MDE_AUD,
  NOW_S,
  TENANT,
  USER_OID,
  v1AppOnlyClaims,
  v1DelegatedClaims,
  v2DelegatedClaims,
  without,
} from '../fixtures/tokens.js'

const BLUEPRINT = '30cf4c22-9985-4ef7-8756-91cc888176bd'
const AGENT_SP = 'bbbbbbbb-1111-2222-3333-444444444444'
const AGENT_SUB = 'cccccccc-1111-2222-3333-444444444444'

/**
 * Microsoft's sample token for an agent acting autonomously (learn.microsoft.com, entra/agent-id,
 * agent-token-claims, checked 2026-12-08), with our fixtures' tenant, audience and times.
 */
function autonomousAgent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    aud: MDE_AUD,
    iss: `https://sts.windows.net/${TENANT}/`,
    iat: NOW_S - 600,
    nbf: NOW_S - 600,
    exp: NOW_S + 3000,
    aio: 'Y2JgYGhn1nzmErKqi0vc4Fr6H22/C5/4FP+xZbZYpik8nRkp+gEA',
    appid: CLIENT,
    appidacr: '2',
    idp: `https://sts.windows.net/${TENANT}/`,
    idtyp: 'app',
    oid: AGENT_SP,
    rh: '1.AAAAAQAAAAAA8Q_OAAAAAAAAADQNUfLKjbhKoLyq7E06PjYAAAAAAA.',
    roles: ['Machine.Read.All'],
    sub: AGENT_SUB,
    tid: TENANT,
    uti: 'm5RaaRnoFUyp2TbSCAAAAA',
    ver: '1.0',
    xms_act_fct: '3 9 11',
    xms_ftd: 'Z5DrW4HFOkR_Lz0M5qETa260d2-fO6seMZJ_tOwRNuc',
    xms_idrel: '7 10',
    xms_sub_fct: '9 3 11',
    xms_tnt_fct: '3 9',
    xms_par_app_azp: BLUEPRINT,
    ...overrides,
  }
}

const payload = (claims: Record<string, unknown>) => JSON.parse(JSON.stringify(claims)) as JsonObject

describe('AI agents are judged correctly', () => {
  it("Microsoft's sample: app-only, autonomous, blueprint shown, facets read in any order", () => {
    const t = inspect(buildToken({ payload: autonomousAgent() })).token
    expect(t?.kind).toBe('app-only')
    expect(t?.caller).toMatchObject({
      agent: 'autonomous',
      agentId: CLIENT,
      blueprint: BLUEPRINT,
      relation: 'service-principal',
      credential: 'certificate-or-managed-identity',
      facets: { subject: [9, 3, 11], actor: [3, 9, 11], tenant: [3, 9] },
    })
    expect(t?.caller.summary).toContain('acting as itself')
  })

  it('without the optional idtyp, with oid != sub and scp "" or "/", it is still app-only and its roles count', () => {
    for (const scp of [undefined, '', '/']) {
      const claims = autonomousAgent({ idtyp: undefined, scp })
      expect(classifyToken(payload(claims), '1.0')).toMatchObject({
        kind: 'app-only',
        rule: 'agent-autonomous',
      })
      const report = inspect(buildToken({ payload: claims }), { api: 'mde', require: ['Machine.Read.All'] })
      expect(report.token?.scopes).toEqual([])
      expect(report.permissions.satisfied).toBe(true)
    }
  })

  it('scp "/" never grants a delegated permission, even if the token were read as delegated', () => {
    const claims = { ...without(v1DelegatedClaims(), 'idtyp'), scp: '/' }
    const report = inspect(buildToken({ payload: claims }))
    expect(report.token?.scopes).toEqual([])
  })

  it('xms_par_app_azp alone (no facet claims) with no user claims marks an autonomous agent', () => {
    const claims = without(autonomousAgent({ idtyp: undefined }), 'xms_sub_fct', 'xms_act_fct', 'xms_tnt_fct')
    expect(classifyToken(payload(claims), '1.0').rule).toBe('agent-autonomous')
    expect(inspect(buildToken({ payload: claims })).token?.caller.agent).toBe('autonomous')
  })

  it('an agent acting for a user is delegated, with the user and the agent named', () => {
    const claims = v2DelegatedClaims({
      xms_act_fct: '11',
      xms_sub_fct: '1',
      xms_par_app_azp: BLUEPRINT,
      xms_idrel: '1',
    })
    const t = inspect(buildToken({ payload: claims })).token
    expect(t?.kind).toBe('delegated')
    expect(t?.caller).toMatchObject({ agent: 'on-behalf-of-user', agentId: CLIENT, relation: 'member' })
    expect(t?.caller.summary).toMatch(new RegExp(`^AI agent ${CLIENT} .*acting for user ${t?.user ?? ''}`))
  })

  it("an agent's own user account (xms_sub_fct lists 13) is named as such, not as a person", () => {
    const claims = v2DelegatedClaims({ idtyp: 'user', xms_sub_fct: '13', xms_act_fct: '11' })
    const t = inspect(buildToken({ payload: claims })).token
    expect(t?.kind).toBe('delegated')
    expect(t?.caller.agent).toBe('agent-user')
    expect(t?.caller.summary).toContain('not a person')
  })

  it('xms_par_app_azp is never used to authorize: clientApps compares appid only', () => {
    const claims = autonomousAgent()
    expect(
      inspect(buildToken({ payload: claims }), { clientApps: [BLUEPRINT] }).findings.map((f) => f.code),
    ).toContain('client-app-not-allowed')
    expect(
      inspect(buildToken({ payload: claims }), { clientApps: [CLIENT] }).findings.map((f) => f.code),
    ).not.toContain('client-app-not-allowed')
  })

  it('ordinary tokens are not agents, and keep their kind', () => {
    expect(inspect(buildToken({ payload: v1AppOnlyClaims() })).token?.caller.agent).toBeNull()
    expect(inspect(buildToken({ payload: v1DelegatedClaims() })).token?.caller.agent).toBeNull()
    // A user token with a pairwise sub and no user claims stays delegated: no agent claim, no agent rule.
    expect(classifyToken(payload(v1AppOnlyClaims({ sub: 'pairwise' })), '1.0').kind).toBe('delegated')
  })
})

describe('relation and credential', () => {
  const read = (claims: Record<string, unknown>, version: '1.0' | '2.0' = '1.0') =>
    readCallerFacts(payload(claims), 'delegated', version, CLIENT, 'u@contoso.example')

  it.each([
    ['1', 'member'],
    ['5', 'guest'],
    ['7', 'service-principal'],
    ['11', 'gdap-user'],
    ['13', 'sp-less-application'],
    ['27', 'mto-member'],
    ['29', 'mto-user'],
    ['31', 'dap-user'],
    ['33', 'managed-identity'],
    ['10 5', 'guest'],
  ])('xms_idrel %s → %s', (value, relation) => {
    expect(read({ xms_idrel: value }).relation).toBe(relation)
  })

  it('unknown or malformed xms_idrel values name no relation', () => {
    expect(read({ xms_idrel: '10 99' }).relation).toBeNull()
    // A JSON number reads as its number (2026-12-08 review: a policy must not fail open on another encoding).
    expect(read({ xms_idrel: 5 }).relation).toBe('guest')
    expect(read({ xms_idrel: '5,1' }).relation).toBeNull()
    expect(read({}).relation).toBeNull()
  })

  it('appidacr (v1) and azpacr (v2), and xms_mirid for managed identities', () => {
    expect(read({ appidacr: '0' }).credential).toBe('public-client')
    expect(read({ appidacr: '1' }).credential).toBe('secret')
    expect(read({ appidacr: '2' }).credential).toBe('certificate-or-managed-identity')
    expect(read({ azpacr: '1' }, '2.0').credential).toBe('secret')
    // v2 reads azpacr only: an appidacr in a v2 token does not stand in for it.
    expect(read({ appidacr: '1' }, '2.0').credential).toBeNull()
    expect(
      read({
        appidacr: '2',
        xms_mirid:
          '/subscriptions/x/resourcegroups/y/providers/Microsoft.ManagedIdentity/userAssignedIdentities/z',
      }).credential,
    ).toBe('managed-identity')
    expect(read({ appidacr: '7' }).credential).toBeNull()
  })

  it('a guest and a GDAP user are said in words', () => {
    expect(read({ xms_idrel: '5' }).summary).toContain('guest')
    expect(read({ xms_idrel: '11' }).summary).toContain('partner')
  })
})

it('a user with USER_OID stays a user', () => {
  expect(
    inspect(buildToken({ payload: v1DelegatedClaims({ oid: USER_OID }) })).token?.caller.agent,
  ).toBeNull()
})
