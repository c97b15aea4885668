import { describe, expect, it } from 'vitest'
import { CLAIM_REFERENCE, explainClaim } from '../../src/index.js'
import { firstSentence } from '../../src/cli/output/text.js'
import {
  graphToken,
  idTokenClaims,
  V1_HEADER,
  V2_HEADER,
  v1AppOnlyClaims,
  v1DelegatedClaims,
  v2DelegatedClaims,
} from '../fixtures/tokens.js'

// The "Claims (access tokens)" section of the project's reference (shared/reference/defender-apis.md).
const REFERENCE_HEADER = ['typ', 'alg', 'kid', 'x5t', 'nonce']
const REFERENCE_PAYLOAD = [
  'aud',
  'iss',
  'idp',
  'iat',
  'nbf',
  'exp',
  'aio',
  'rh',
  'uti',
  'acr',
  'amr',
  'appid',
  'appidacr',
  'azp',
  'azpacr',
  'idtyp',
  'name',
  'preferred_username',
  'unique_name',
  'upn',
  'oid',
  'sub',
  'tid',
  'scp',
  'roles',
  'wids',
  'groups',
  'hasgroups',
  '_claim_names',
  'ver',
  'acrs',
  'xms_cc',
  'xms_edov',
]
// Common beyond the reference: optional claims and ID-token claims people paste.
const COMMON = [
  'acct',
  'auth_time',
  'ipaddr',
  'family_name',
  'given_name',
  'email',
  'onprem_sid',
  'login_hint',
  'sid',
  'ctry',
  'tenant_region_scope',
  'xms_pdl',
  'xms_tdbr',
  'xms_mirid',
  '_claim_sources',
  'nonce',
  'app_displayname',
]
const NOAUTH = ['email', 'upn', 'preferred_username', 'unique_name', 'name']
const FORMATS = ['guid', 'epoch', 'string', 'string-array', 'url', 'space-separated', 'number']

describe('CLAIM_REFERENCE', () => {
  it.each(REFERENCE_HEADER)('explains the header field %s', (name) => {
    expect(explainClaim(name, 'header')).toMatchObject({ name, location: 'header' })
  })

  it.each([...REFERENCE_PAYLOAD, ...COMMON])('explains the claim %s', (name) => {
    expect(explainClaim(name, 'payload')).toMatchObject({ name, location: 'payload' })
  })

  it('explains every member of the test fixtures (realistic tokens render with no gaps)', () => {
    const graphHeader = JSON.parse(
      Buffer.from(graphToken().split('.')[0] as string, 'base64url').toString(),
    ) as object
    for (const h of [V1_HEADER, V2_HEADER, graphHeader])
      for (const n of Object.keys(h)) expect(explainClaim(n, 'header'), n).toBeDefined()
    for (const p of [v1AppOnlyClaims(), v1DelegatedClaims(), v2DelegatedClaims(), idTokenClaims()]) {
      for (const n of Object.keys(p)) expect(explainClaim(n, 'payload'), n).toBeDefined()
    }
  })

  it('marks the mutable identity claims never to authorize on (nOAuth), and not the immutable ones', () => {
    for (const name of NOAUTH) expect(explainClaim(name, 'payload')?.neverAuthorizeOn, name).toBe(true)
    for (const name of ['oid', 'tid', 'sub', 'appid', 'azp', 'roles', 'scp'])
      expect(explainClaim(name, 'payload')?.neverAuthorizeOn, name).toBeUndefined()
  })

  it('has one entry per name and location, each with a title, a description and valid metadata', () => {
    const keys = CLAIM_REFERENCE.map((c) => `${c.location}:${c.name}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const c of CLAIM_REFERENCE) {
      expect(c.title.length, c.name).toBeGreaterThan(2)
      expect(c.description, c.name).toMatch(/[.)]$/)
      // The CLI prints the first sentence: it must say something on its own.
      expect(firstSentence(c.description).length, c.name).toBeGreaterThan(15)
      expect(firstSentence(c.description).length, c.name).toBeLessThan(240)
      if (c.format !== undefined) expect(FORMATS).toContain(c.format)
      if (c.versions !== undefined) for (const v of c.versions) expect(['1.0', '2.0']).toContain(v)
    }
  })

  it('knows which claims are times, which are per-version, and how scopes are written', () => {
    expect(
      CLAIM_REFERENCE.filter((c) => c.format === 'epoch')
        .map((c) => c.name)
        .sort(),
    ).toEqual(['auth_time', 'exp', 'iat', 'nbf', 'xms_tcdt'])
    expect(explainClaim('appid', 'payload')?.versions).toEqual(['1.0'])
    expect(explainClaim('azp', 'payload')?.versions).toEqual(['2.0'])
    expect(explainClaim('scp', 'payload')?.format).toBe('space-separated')
    expect(explainClaim('roles', 'payload')?.format).toBe('string-array')
    expect(explainClaim('tid', 'payload')?.format).toBe('guid')
  })

  it('tells the Graph header nonce from the ID-token payload nonce', () => {
    expect(explainClaim('nonce', 'header')?.description).toMatch(/Graph/)
    expect(explainClaim('nonce', 'payload')?.description).toMatch(/ID token/)
  })

  it("is frozen, so no consumer can change another one's explanations", () => {
    expect(Object.isFrozen(CLAIM_REFERENCE)).toBe(true)
    expect(Object.isFrozen(CLAIM_REFERENCE[0])).toBe(true)
  })
})

describe('explainClaim', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', ''])(
    'knows nothing about %j',
    (name) => {
      expect(explainClaim(name, 'payload')).toBeUndefined()
      expect(explainClaim(name, 'header')).toBeUndefined()
    },
  )

  it('is case-sensitive, as JWT claims are', () => {
    expect(explainClaim('TID', 'payload')).toBeUndefined()
    expect(explainClaim('Aud', 'payload')).toBeUndefined()
  })

  it('keeps header and payload apart', () => {
    expect(explainClaim('kid', 'payload')).toBeUndefined()
    expect(explainClaim('aud', 'header')).toBeUndefined()
  })

  it('gives unlisted xms_ claims a generic explanation, in the payload only', () => {
    // xms_ftd is listed now (issue 23); an unlisted one reads as Microsoft-internal.
    expect(explainClaim('xms_qqq', 'payload')).toMatchObject({
      name: 'xms_qqq',
      location: 'payload',
      title: 'Microsoft-internal claim',
    })
    expect(explainClaim('xms_qqq', 'header')).toBeUndefined()
    expect(explainClaim('xms_', 'payload')).toBeUndefined()
  })

  it('throws TypeError on misuse', () => {
    expect(() => explainClaim(1 as unknown as string, 'payload')).toThrow(TypeError)
    expect(() => explainClaim('aud', 'body' as unknown as 'payload')).toThrow(TypeError)
  })
})

describe('claims reference: agents, relation, sources (issue 23)', () => {
  it('describes every claim Microsoft documents for agents and callers, each with its source', () => {
    for (const name of [
      'xms_ftd',
      'xms_cc',
      'xms_tnt_fct',
      'xms_act_fct',
      'xms_sub_fct',
      'xms_par_app_azp',
      'xms_idrel',
      'xms_mirid',
      'acrs',
      'xms_ssm',
      'xms_tdbr',
    ]) {
      const e = explainClaim(name, 'payload')
      // Listed in the reference, not the generic fallback for unknown xms_* claims.
      expect(e?.title, name).not.toBe('Microsoft-internal claim')
      expect(e?.source, name).toMatch(/^https:\/\/learn\.microsoft\.com\//)
    }
    for (const entry of CLAIM_REFERENCE) expect(entry.source, entry.name).toBeTruthy()
    expect(explainClaim('xms_act_fct', 'payload')?.source).toContain('agent-token-claims')
    expect(explainClaim('xms_par_app_azp', 'payload')?.neverAuthorizeOn).toBe(true)
  })

  it('an unknown xms_* claim is shown as Microsoft-internal, never guessed', () => {
    const e = explainClaim('xms_zzz_unknown', 'payload')
    expect(e?.title).toBe('Microsoft-internal claim')
    expect(e?.format).toBeUndefined()
  })
})
