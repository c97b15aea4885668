import { describe, expect, it } from 'vitest'
import { classifyToken } from '../../src/token/classify.js'
import type { JsonObject } from '../../src/index.js'
import { inspect } from '../fixtures/inspect.js'
import {
  buildToken, CLIENT, CLIENT_SP, idToken, idTokenClaims, USER_OID, v1AppOnlyClaims, v1DelegatedClaims, v2DelegatedClaims, without,
} from '../fixtures/tokens.js'

const classify = (claims: Record<string, unknown>) => classifyToken(JSON.parse(JSON.stringify(claims)) as JsonObject)

describe('classification: the first rule that applies wins, and the Report records it', () => {
  it('rule 1 (idtyp): idtyp "app" is app-only, even with scp present', () => {
    expect(classify(v1AppOnlyClaims({ idtyp: 'app', scp: 'x' }))).toMatchObject({ kind: 'app-only', rule: 'idtyp' })
  })

  it('rule 1 (idtyp): idtyp "user" is delegated, even without scp', () => {
    expect(classify(v1AppOnlyClaims({ idtyp: 'user' }))).toMatchObject({ kind: 'delegated', rule: 'idtyp' })
  })

  it('rule 2 (scp): scp without idtyp is delegated, even when roles are present (user app-role assignments)', () => {
    expect(classify(v2DelegatedClaims({ roles: ['Admin'] }))).toMatchObject({ kind: 'delegated', rule: 'scp' })
  })

  it('rule 3 (nonce): a payload nonce is an ID token', () => {
    expect(classify(idTokenClaims())).toMatchObject({ kind: 'id-token', rule: 'nonce' })
  })

  it('rule 3 (no client, user claims): neither appid nor azp, but upn/preferred_username, is an ID token', () => {
    expect(classify(without(idTokenClaims(), 'nonce'))).toMatchObject({ kind: 'id-token', rule: 'no-client-with-user-claims' })
    expect(classify({ ...without(v1DelegatedClaims(), 'scp', 'idtyp', 'appid') })).toMatchObject({ kind: 'id-token', rule: 'no-client-with-user-claims' })
  })

  it('rule 3 (aud is the client): aud equals azp, user claims, no permissions is an ID token', () => {
    expect(classify({ ...without(idTokenClaims(), 'nonce'), azp: CLIENT })).toMatchObject({ kind: 'id-token', rule: 'aud-is-client' })
  })

  it('rule 4 (roles): roles without scp is app-only', () => {
    expect(classify(v1AppOnlyClaims())).toMatchObject({ kind: 'app-only', rule: 'roles' })
  })

  it('rule 5 (oid equals sub): no scp, no roles, no user claims and oid == sub is app-only', () => {
    expect(classify(without(v1AppOnlyClaims(), 'roles'))).toMatchObject({ kind: 'app-only', rule: 'oid-equals-sub' })
  })

  it('rule 6 (undecided): otherwise unknown, and the reason names what was missing', () => {
    const c = classify(without(v1AppOnlyClaims({ sub: 'other' }), 'roles'))
    expect(c).toMatchObject({ kind: 'unknown', rule: 'undecided' })
    expect(c.reason).toMatch(/oid differs from sub/)
    const empty = classify({})
    expect(empty).toMatchObject({ kind: 'unknown', rule: 'undecided' })
    expect(empty.reason).toMatch(/oid/)
  })

  it('rule 5 does not apply when user claims are present', () => {
    expect(classify({ ...without(v1AppOnlyClaims(), 'roles'), appid: CLIENT, name: 'x' })).toMatchObject({ kind: 'unknown' })
  })

  it('ignores idtyp values Entra does not write and falls through to the next rule', () => {
    expect(classify(v1AppOnlyClaims({ idtyp: 'device' }))).toMatchObject({ kind: 'app-only', rule: 'roles' })
  })

  it('records the rule and reason in the Report', () => {
    const t = inspect(buildToken({ payload: without(v1AppOnlyClaims({ oid: CLIENT_SP, sub: CLIENT_SP }), 'roles') })).token
    expect(t?.kind).toBe('app-only')
    expect(t?.kindRule).toBe('oid-equals-sub')
    expect(t?.kindReason.length).toBeGreaterThan(10)
    expect(inspect(idToken()).token).toMatchObject({ kind: 'id-token', kindRule: 'nonce' })
  })

  it('reads claims as own properties only', () => {
    expect(classify(JSON.parse('{"__proto__":{"idtyp":"app","scp":"x"},"oid":"a","sub":"b"}') as Record<string, unknown>)).toMatchObject({ kind: 'unknown' })
    expect(classify({ oid: USER_OID, sub: USER_OID })).toMatchObject({ kind: 'app-only', rule: 'oid-equals-sub' })
  })
})
