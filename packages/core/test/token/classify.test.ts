import { describe, expect, it } from 'vitest'
import { classifyToken } from '../../src/token/classify.js'
import type { JsonObject } from '../../src/index.js'
import { inspect } from '../fixtures/inspect.js'
import {
  buildToken,
  CLIENT,
  CLIENT_SP,
  idToken,
  idTokenClaims,
  USER_OID,
  v1AppOnlyClaims,
  v1DelegatedClaims,
  v2DelegatedClaims,
  without,
} from '../fixtures/tokens.js'

type Version = '1.0' | '2.0' | null
const classify = (claims: Record<string, unknown>, version: Version = '1.0') =>
  classifyToken(JSON.parse(JSON.stringify(claims)) as JsonObject, version)

const appOnly = (overrides: Record<string, unknown> = {}) => v1AppOnlyClaims(overrides)
/** A user's v1 token with user-assigned app roles and no scp: the shape the 2026-11-30 review got granted as an app. */
const userWithRoles = (overrides: Record<string, unknown> = {}) => ({
  ...without(v1DelegatedClaims(), 'scp', 'idtyp'),
  roles: ['Machine.Isolate'],
  ...overrides,
})

// architecture.md, "Classifying a token" (corrected 2026-11-30): one row per rule and per boundary between rules.
const TABLE: {
  name: string
  claims: Record<string, unknown>
  version?: Version
  kind: string
  rule: string
}[] = [
  {
    name: 'idtyp app wins over scp',
    claims: appOnly({ idtyp: 'app', scp: 'x' }),
    kind: 'app-only',
    rule: 'idtyp',
  },
  {
    name: 'idtyp user wins without scp',
    claims: appOnly({ idtyp: 'user' }),
    kind: 'delegated',
    rule: 'idtyp',
  },
  {
    name: 'an autonomous agent (xms_sub_fct lists 11) without idtyp, oid != sub, scp "/" is app-only',
    claims: appOnly({ sub: 'agent-sub', scp: '/', xms_sub_fct: '9 3 11', xms_act_fct: '3 9 11' }),
    kind: 'app-only',
    rule: 'agent-autonomous',
  },
  {
    name: 'xms_par_app_azp, no facets, no user claims, oid != sub is an autonomous agent',
    claims: appOnly({ sub: 'agent-sub', xms_par_app_azp: CLIENT }),
    kind: 'app-only',
    rule: 'agent-autonomous',
  },
  {
    name: "an agent's own user account (xms_sub_fct 13) is not autonomous",
    claims: appOnly({ sub: 'agent-sub', xms_sub_fct: '13', xms_par_app_azp: CLIENT }),
    kind: 'delegated',
    rule: 'oid-differs',
  },
  {
    name: "xms_sub_fct 11 with a user claim is never autonomous (user roles never pass as an agent's)",
    claims: appOnly({ sub: 'agent-sub', xms_sub_fct: '11', upn: 'a@b.example', roles: ['Machine.Isolate'] }),
    kind: 'delegated',
    rule: 'user-claims',
  },
  {
    name: 'scp "" counts as absent (falls to the next rules)',
    claims: appOnly({ scp: '' }),
    kind: 'app-only',
    rule: 'oid-equals-sub',
  },
  {
    name: 'scp with roles (user app roles) is delegated',
    claims: v2DelegatedClaims({ roles: ['Admin'] }),
    version: '2.0',
    kind: 'delegated',
    rule: 'scp',
  },
  {
    name: 'a payload nonce is an ID token',
    claims: idTokenClaims(),
    version: '2.0',
    kind: 'id-token',
    rule: 'nonce',
  },
  {
    name: 'no client claim is an ID token (scope=openid, no nonce)',
    claims: without(idTokenClaims(), 'nonce'),
    version: '2.0',
    kind: 'id-token',
    rule: 'no-client',
  },
  {
    name: 'no client claim with roles is still not an access token',
    claims: without(appOnly(), 'appid'),
    kind: 'id-token',
    rule: 'no-client',
  },
  {
    name: 'v2: appid does not stand in for azp',
    claims: { ...without(appOnly(), 'appid'), appid: CLIENT },
    version: '2.0',
    kind: 'id-token',
    rule: 'no-client',
  },
  {
    name: 'v1: azp does not stand in for appid',
    claims: { ...without(appOnly(), 'appid'), azp: CLIENT },
    version: '1.0',
    kind: 'id-token',
    rule: 'no-client',
  },
  {
    name: "a user's token with app roles and no scp is delegated (user claims)",
    claims: userWithRoles(),
    kind: 'delegated',
    rule: 'user-claims',
  },
  {
    name: 'roles with oid != sub and no user claims is delegated',
    claims: appOnly({ sub: 'a-pairwise-subject' }),
    kind: 'delegated',
    rule: 'oid-differs',
  },
  { name: 'roles with oid == sub is app-only', claims: appOnly(), kind: 'app-only', rule: 'oid-equals-sub' },
  {
    name: 'no roles, oid == sub is app-only (no consent)',
    claims: without(appOnly(), 'roles'),
    kind: 'app-only',
    rule: 'oid-equals-sub',
  },
  {
    name: 'email alone marks a user',
    claims: appOnly({ email: 'a@b.example' }),
    kind: 'delegated',
    rule: 'user-claims',
  },
  {
    name: 'given_name alone marks a user',
    claims: appOnly({ given_name: 'A' }),
    kind: 'delegated',
    rule: 'user-claims',
  },
  { name: 'no oid: undecided', claims: without(appOnly(), 'oid'), kind: 'unknown', rule: 'undecided' },
  {
    name: 'idtyp values Entra does not write fall through',
    claims: appOnly({ idtyp: 'device' }),
    kind: 'app-only',
    rule: 'oid-equals-sub',
  },
]

describe('classification: the first rule that applies wins, and the Report records it', () => {
  for (const row of TABLE) {
    it(row.name, () => {
      expect(classify(row.claims, row.version ?? '1.0')).toMatchObject({ kind: row.kind, rule: row.rule })
    })
  }

  it('roles never decide: adding roles to a user-shaped token never makes it app-only', () => {
    for (const base of [userWithRoles(), appOnly({ sub: 'x' }), without(appOnly(), 'oid')]) {
      expect(classify({ ...base, roles: ['Machine.Isolate', 'Machine.ReadWrite.All'] }).kind).not.toBe(
        'app-only',
      )
    }
  })

  it('records the rule and reason in the Report', () => {
    const t = inspect(
      buildToken({ payload: without(v1AppOnlyClaims({ oid: CLIENT_SP, sub: CLIENT_SP }), 'roles') }),
    ).token
    expect(t?.kind).toBe('app-only')
    expect(t?.kindRule).toBe('oid-equals-sub')
    expect(t?.kindReason.length).toBeGreaterThan(10)
    expect(inspect(idToken()).token).toMatchObject({ kind: 'id-token', kindRule: 'nonce' })
  })

  it('reads claims as own properties only', () => {
    expect(
      classify(
        JSON.parse('{"__proto__":{"idtyp":"app","scp":"x"},"appid":"c","oid":"a","sub":"b"}') as Record<
          string,
          unknown
        >,
      ),
    ).toMatchObject({ kind: 'delegated', rule: 'oid-differs' })
    expect(classify({ appid: CLIENT, oid: USER_OID, sub: USER_OID })).toMatchObject({
      kind: 'app-only',
      rule: 'oid-equals-sub',
    })
  })
})
