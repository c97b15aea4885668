import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lintScope } from '../../src/index.js'

function codes(findings: { code: string }[]): string[] {
  return findings.map((f) => f.code).sort()
}

describe('lintScope', () => {
  it('accepts the Defender /.default scopes for client credentials', () => {
    for (const scope of [
      'https://api.securitycenter.microsoft.com/.default',
      'https://api.security.microsoft.com/.default',
      'api://00001111-aaaa-2222-bbbb-3333cccc4444/.default',
    ]) {
      const r = lintScope(scope, { flow: 'client-credentials' })
      expect(r.findings).toEqual([])
      expect(r.ok).toBe(true)
      expect(r.corrected).toBeNull()
    }
  })

  it("corrects the missing slash printed in the Defender partner docs' curl example", () => {
    const r = lintScope('https://api.security.microsoft.com.default', { flow: 'client-credentials' })
    expect(codes(r.findings)).toEqual(['scope-malformed'])
    expect(r.findings[0]?.expected).toBe('https://api.security.microsoft.com/.default')
    expect(r.corrected).toBe('https://api.security.microsoft.com/.default')
    expect(r.ok).toBe(false)
  })

  it.each([
    [
      'https://api.securitycenter.microsoft.com./default',
      'https://api.securitycenter.microsoft.com/.default',
    ],
    [
      'https://api.securitycenter.microsoft.com/./default',
      'https://api.securitycenter.microsoft.com/.default',
    ],
    ['https://api.securitycenter.microsoft.com/default', 'https://api.securitycenter.microsoft.com/.default'],
  ])('corrects %s', (scope, corrected) => {
    const r = lintScope(scope, { flow: 'delegated' })
    expect(codes(r.findings)).toEqual(['scope-malformed'])
    expect(r.corrected).toBe(corrected)
  })

  it('refuses .default without a resource', () => {
    const r = lintScope('.default', { flow: 'client-credentials' })
    expect(codes(r.findings)).toContain('scope-malformed')
  })

  it("refuses an empty scope, suggesting the API's default when known", () => {
    const r = lintScope('  ', { flow: 'client-credentials', api: 'm365d' })
    expect(codes(r.findings)).toEqual(['scope-malformed'])
    expect(r.corrected).toBe('https://api.security.microsoft.com/.default')
  })

  it('corrects commas to spaces', () => {
    const r = lintScope('openid,https://api.security.microsoft.com/Incident.Read', { flow: 'delegated' })
    expect(codes(r.findings)).toEqual(['scope-malformed'])
    expect(r.corrected).toBe('openid https://api.security.microsoft.com/Incident.Read')
  })

  it('flags several resources in one request', () => {
    const r = lintScope(
      'https://api.securitycenter.microsoft.com/.default https://api.security.microsoft.com/.default',
      { flow: 'client-credentials' },
    )
    expect(codes(r.findings)).toEqual(['scope-multiple-resources'])
    expect(r.resources).toHaveLength(2)
  })

  it('counts a Graph permission name and a Defender scope as two resources', () => {
    const r = lintScope('User.Read https://api.security.microsoft.com/Incident.Read', { flow: 'delegated' })
    expect(codes(r.findings)).toEqual(['scope-multiple-resources'])
  })

  it('treats two identifier URIs of the same API as one resource', () => {
    const r = lintScope(
      'https://api.securitycenter.microsoft.com/Machine.Read https://securitycenter.onmicrosoft.com/windowsatpservice/Alert.Read',
      { flow: 'delegated' },
    )
    expect(codes(r.findings)).toEqual([])
  })

  it('allows several resources in admin consent', () => {
    const r = lintScope(
      'https://api.securitycenter.microsoft.com/.default https://api.security.microsoft.com/.default',
      { flow: 'admin-consent' },
    )
    expect(r.findings).toEqual([])
  })

  it('flags /.default mixed with named scopes of the same resource', () => {
    const r = lintScope(
      'openid https://api.security.microsoft.com/.default https://api.security.microsoft.com/Incident.Read',
      { flow: 'delegated' },
    )
    expect(codes(r.findings)).toEqual(['scope-default-mixed'])
  })

  it('accepts /.default with the OIDC scopes in a user sign-in', () => {
    expect(
      lintScope('openid profile offline_access https://api.security.microsoft.com/.default', {
        flow: 'delegated',
      }).findings,
    ).toEqual([])
  })

  it('flags anything beside /.default in client credentials', () => {
    const r = lintScope('openid https://api.security.microsoft.com/.default', { flow: 'client-credentials' })
    expect(codes(r.findings)).toEqual(['scope-default-mixed'])
  })

  it('flags client credentials without /.default, with the corrected scope', () => {
    const named = lintScope('https://api.securitycenter.microsoft.com/Machine.Read.All', {
      flow: 'client-credentials',
    })
    expect(codes(named.findings)).toEqual(['scope-needs-default'])
    expect(named.findings[0]?.expected).toBe('https://api.securitycenter.microsoft.com/.default')

    const bare = lintScope('Machine.Read.All', { flow: 'client-credentials', api: 'mde' })
    expect(codes(bare.findings)).toEqual(['scope-needs-default'])
    expect(bare.findings[0]?.expected).toBe('https://api.securitycenter.microsoft.com/.default')
  })

  it('accepts named scopes in a delegated request', () => {
    expect(
      lintScope('https://api.security.microsoft.com/Incident.Read', { flow: 'delegated' }).findings,
    ).toEqual([])
  })

  it.each([
    ['https://api.securitycenter.microsoft.com', 'https://api.securitycenter.microsoft.com/.default'],
    ['https://api.securitycenter.microsoft.com/', 'https://api.securitycenter.microsoft.com/.default'],
    [
      'https://securitycenter.onmicrosoft.com/windowsatpservice',
      'https://securitycenter.onmicrosoft.com/windowsatpservice/.default',
    ],
    ['fc780465-2017-40d4-a0c5-307022471b92', 'fc780465-2017-40d4-a0c5-307022471b92/.default'],
    ['api://my-api', 'api://my-api/.default'],
  ])('flags the v1 resource %s passed as a v2 scope', (scope, corrected) => {
    const r = lintScope(scope, { flow: 'client-credentials' })
    expect(codes(r.findings)).toEqual(['scope-is-resource'])
    expect(r.findings[0]?.expected).toBe(corrected)
    expect(r.corrected).toBe(corrected)
  })

  it.each([
    ['https://api.securitycenter.microsoft.com/.default', 'https://api.securitycenter.microsoft.com'],
    ['https://api.security.microsoft.com.default', 'https://api.security.microsoft.com'],
    ['https://api.securitycenter.microsoft.com/Machine.Read.All', 'https://api.securitycenter.microsoft.com'],
  ])('flags the v2 scope %s passed as a v1 resource', (resource, corrected) => {
    const r = lintScope(resource, { flow: 'client-credentials', parameter: 'resource' })
    expect(codes(r.findings)).toEqual(['resource-is-scope'])
    expect(r.corrected).toBe(corrected)
  })

  it('accepts v1 resources, including custom ones with a path', () => {
    for (const resource of [
      'https://api.securitycenter.microsoft.com',
      'https://contoso.com/api',
      'fc780465-2017-40d4-a0c5-307022471b92',
    ]) {
      expect(lintScope(resource, { flow: 'client-credentials', parameter: 'resource' }).findings).toEqual([])
    }
  })

  it('refuses several or OIDC values as a v1 resource', () => {
    expect(codes(lintScope('a b', { flow: 'client-credentials', parameter: 'resource' }).findings)).toEqual([
      'scope-malformed',
    ])
    expect(
      codes(lintScope('openid', { flow: 'client-credentials', parameter: 'resource' }).findings),
    ).toEqual(['scope-malformed'])
  })

  it('takes an array as well as a string', () => {
    expect(
      lintScope(['openid', 'https://api.security.microsoft.com/.default'], { flow: 'delegated' }).items,
    ).toEqual(['openid', 'https://api.security.microsoft.com/.default'])
  })

  it('never throws on any string, and a correction is stable', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('client-credentials', 'delegated', 'admin-consent'),
        (s, flow) => {
          const r = lintScope(s, { flow })
          if (r.corrected !== null) {
            const again = lintScope(r.corrected, { flow })
            expect(
              again.findings.filter((f) => f.code === 'scope-malformed' || f.code === 'scope-is-resource'),
            ).toEqual([])
          }
        },
      ),
    )
  })

  it('throws TypeError on misuse', () => {
    expect(() => lintScope('x', { flow: 'implicit' as never })).toThrow(TypeError)
    expect(() => lintScope(3 as never, { flow: 'delegated' })).toThrow(TypeError)
  })
})
