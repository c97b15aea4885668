import { describe, expect, it } from 'vitest'
import { codes, findingsOf, inspect } from '../../fixtures/inspect.js'
import { CLIENT, v1AppOnlyToken, v2DelegatedToken } from '../../fixtures/tokens.js'

const OTHER_APP = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'

describe('client-app-not-allowed', () => {
  it('fires for a v1 token whose appid is not allowed, naming appid', () => {
    const report = inspect(v1AppOnlyToken(), { clientApps: [OTHER_APP] })
    expect(findingsOf(report, 'client-app-not-allowed')[0]).toMatchObject({
      severity: 'error',
      claim: 'appid',
      expected: [OTHER_APP],
      actual: CLIENT,
    })
    expect(report.ok).toBe(false)
  })

  it('fires for a v2 token whose azp is not allowed, naming azp', () => {
    expect(
      findingsOf(inspect(v2DelegatedToken(), { clientApps: [OTHER_APP] }), 'client-app-not-allowed')[0]
        ?.claim,
    ).toBe('azp')
  })

  it('fires when the token names no client at all', () => {
    expect(
      findingsOf(
        inspect(v1AppOnlyToken({ appid: undefined }), { clientApps: [CLIENT] }),
        'client-app-not-allowed',
      )[0]?.actual,
    ).toBeNull()
  })

  it('fires for an empty allow-list', () => {
    expect(codes(inspect(v1AppOnlyToken(), { clientApps: [] }))).toContain('client-app-not-allowed')
  })

  it('does not fire for an allowed app (case-insensitive) or without the option', () => {
    expect(codes(inspect(v1AppOnlyToken(), { clientApps: [OTHER_APP, CLIENT.toUpperCase()] }))).not.toContain(
      'client-app-not-allowed',
    )
    expect(codes(inspect(v2DelegatedToken(), { clientApps: [CLIENT] }))).not.toContain(
      'client-app-not-allowed',
    )
    expect(codes(inspect(v1AppOnlyToken()))).not.toContain('client-app-not-allowed')
  })
})

describe('claim-type-invalid (permissions)', () => {
  it.each([
    ['roles as a string', { roles: 'Machine.Read.All' }, 'roles'],
    ['roles with a non-string member', { roles: ['Machine.Read.All', 7] }, 'roles'],
    ['scp as an array', { scp: ['Machine.Read'] }, 'scp'],
  ])('fires for %s, and it grants nothing', (_, overrides, claim) => {
    const report = inspect(v1AppOnlyToken(overrides))
    expect(findingsOf(report, 'claim-type-invalid')[0]?.claim).toBe(claim)
    expect(claim === 'roles' ? report.token?.roles : report.token?.scopes).toEqual([])
    expect(report.ok).toBe(false)
  })

  it('splits scp on spaces exactly and ignores repeated spaces', () => {
    expect(inspect(v2DelegatedToken({ scp: 'Files.ReadWrite  User.Read' })).token?.scopes).toEqual([
      'Files.ReadWrite',
      'User.Read',
    ])
  })
})
