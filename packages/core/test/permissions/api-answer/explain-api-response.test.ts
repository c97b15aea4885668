import { describe, expect, it } from 'vitest'
import { explainApiResponse } from '../../../src/index.js'
import { CLIENT, TENANT, appOnlyClaims, at, delegatedClaims, jwt } from '../tokens.js'
import { ANSWER_FIXTURES } from './fixtures.js'

describe('explainApiResponse recognises every collected answer', () => {
  it.each(ANSWER_FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const r = explainApiResponse(f.text)
    expect(r.recognized).toBe(true)
    expect(r.form).toBe(f.expected.form)
    expect(r.status).toBe(f.expected.status)
    if (f.expected.required !== undefined) expect(r.required).toEqual(f.expected.required)
    if (f.expected.kind !== undefined) expect(r.kind).toBe(f.expected.kind)
    if (f.expected.tokenHad !== undefined) expect(r.tokenHad).toEqual(f.expected.tokenHad)
    expect(r.advice.length).toBeGreaterThan(0)
    expect(r.add).toBeNull()
  })
})

describe('with the token that got the answer', () => {
  const isolateOnly = jwt(appOnlyClaims(['Machine.StopAndQuarantine']))
  const mdeAnswer = ANSWER_FIXTURES.find((f) => f.name.includes('only Machine.StopAndQuarantine'))
    ?.text as string

  it("names the permission to add, its kind, and the admin-consent link for the token's tenant", () => {
    const r = explainApiResponse(mdeAnswer, { token: isolateOnly, ...at })
    expect(r.api).toBe('mde')
    expect(r.add).toEqual({
      permission: 'Machine.Read.All',
      kind: 'application',
      api: 'mde',
      alreadyInToken: false,
      consentLink: `https://login.microsoftonline.com/${TENANT}/adminconsent?client_id=${CLIENT}`,
    })
  })

  it('says when the token already holds what the answer says is missing', () => {
    const r = explainApiResponse(mdeAnswer, { token: jwt(appOnlyClaims(['Machine.ReadWrite.All'])), ...at })
    expect(r.add?.alreadyInToken).toBe(true)
  })

  it('a delegated token given with an application answer: the kind the API wants wins, and the mismatch is said', () => {
    const r = explainApiResponse(mdeAnswer, { token: jwt(delegatedClaims('Machine.Read')), ...at })
    expect(r.add?.kind).toBe('application')
    expect(r.advice.length).toBeGreaterThanOrEqual(2)
  })

  it('Graph delegated answer with a delegated token: delegated permission', () => {
    const graph = ANSWER_FIXTURES.find((f) => f.expected.form === 'missing-scope-permissions')?.text as string
    const r = explainApiResponse(graph, {
      token: jwt(delegatedClaims('User.Read', 'https://graph.microsoft.com')),
      ...at,
    })
    expect(r.api).toBe('graph')
    expect(r.add).toMatchObject({
      permission: 'ChannelMessage.Send',
      kind: 'delegated',
      api: 'graph',
      alreadyInToken: false,
    })
  })

  it('insufficient_scope with a token: the scope it names is the permission to add', () => {
    const r = explainApiResponse(
      'Bearer error="insufficient_scope", scope="https://api.securitycenter.microsoft.com/Machine.Isolate"',
      { token: isolateOnly, ...at },
    )
    expect(r.required).toEqual(['Machine.Isolate'])
    expect(r.add).toMatchObject({ permission: 'Machine.Isolate', kind: 'application' })
  })
})

describe('what it does not recognise', () => {
  it.each([
    ['empty', ''],
    ['a token', 'Bearer eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.c2ln'],
    ['a finding code', 'token-expired'],
    ['other JSON', '{"error":{"code":"NotFound","message":"Resource not found"}}'],
  ])('%s', (_name, text) => {
    expect(explainApiResponse(text).recognized).toBe(false)
  })

  it('never throws and stays bounded on hostile input', () => {
    const huge = `Missing application roles. API required roles: ${'A,'.repeat(200_000)} application roles: .`
    const t0 = Date.now()
    const r = explainApiResponse(huge)
    expect(Date.now() - t0).toBeLessThan(2_000)
    expect(r.required.length).toBeLessThanOrEqual(64)
    expect(explainApiResponse(null as unknown as string).recognized).toBe(false)
    expect((r.message ?? '').length).toBeLessThanOrEqual(1_001)
  })

  it('the claims challenge names the authentication context it asks for', () => {
    const f = ANSWER_FIXTURES.find((x) => x.text.includes('insufficient_claims')) as { text: string }
    const r = explainApiResponse(f.text)
    expect(r.challenge?.params.error).toBe('insufficient_claims')
    expect(r.advice[0]).toContain('"cp1"')
  })
})
