import { describe, expect, it } from 'vitest'
import { codes, findingsOf, inspect } from '../../fixtures/inspect.js'
import {
  CONSUMER_TENANT,
  OTHER_TENANT,
  TENANT,
  v1AppOnlyToken,
  v2DelegatedToken,
} from '../../fixtures/tokens.js'

describe('issuer-not-entra', () => {
  it.each([
    ['missing', { iss: undefined }],
    ['not a string', { iss: 42 }],
    ['http:', { iss: `http://sts.windows.net/${TENANT}/` }],
    ['login.windows.net', { iss: `https://login.windows.net/${TENANT}/` }],
    ['a PPE host', { iss: `https://sts.windows-ppe.net/${TENANT}/` }],
    ['the {tenantid} template left in', { iss: 'https://sts.windows.net/{tenantid}/' }],
    ['v1 without its trailing slash', { iss: `https://sts.windows.net/${TENANT}` }],
    ['another host', { iss: `https://evil.example/${TENANT}/` }],
    ['upper-case host', { iss: `https://STS.WINDOWS.NET/${TENANT}/` }],
  ])('fires when iss is %s', (_, overrides) => {
    const report = inspect(v1AppOnlyToken(overrides))
    expect(findingsOf(report, 'issuer-not-entra')[0]).toMatchObject({ severity: 'error', claim: 'iss' })
    expect(report.ok).toBe(false)
  })

  it('fires for a v2 issuer with a trailing slash', () => {
    expect(
      codes(inspect(v2DelegatedToken({ iss: `https://login.microsoftonline.com/${TENANT}/v2.0/` }))),
    ).toContain('issuer-not-entra')
  })

  it.each([
    ['v1 public/usgov', v1AppOnlyToken()],
    ['v1 China', v1AppOnlyToken({ iss: `https://sts.chinacloudapi.cn/${TENANT}/` })],
    ['v2 public', v2DelegatedToken()],
    ['v2 US Government', v2DelegatedToken({ iss: `https://login.microsoftonline.us/${TENANT}/v2.0` })],
    ['v2 China', v2DelegatedToken({ iss: `https://login.partner.microsoftonline.cn/${TENANT}/v2.0` })],
    ['v2 China (legacy host)', v2DelegatedToken({ iss: `https://login.chinacloudapi.cn/${TENANT}/v2.0` })],
  ])('does not fire for %s', (_, token) => {
    expect(codes(inspect(token))).not.toContain('issuer-not-entra')
  })
})

describe('issuer-tenant-mismatch', () => {
  it('fires when iss names another tenant than tid', () => {
    const report = inspect(v1AppOnlyToken({ iss: `https://sts.windows.net/${OTHER_TENANT}/` }))
    expect(findingsOf(report, 'issuer-tenant-mismatch')[0]).toMatchObject({
      expected: TENANT,
      actual: OTHER_TENANT,
    })
  })

  it('does not fire when they agree, nor when tid is absent (tenant-missing says that)', () => {
    expect(codes(inspect(v1AppOnlyToken()))).not.toContain('issuer-tenant-mismatch')
    expect(codes(inspect(v1AppOnlyToken({ tid: undefined })))).not.toContain('issuer-tenant-mismatch')
  })
})

describe('version-issuer-mismatch', () => {
  it('fires when ver is 2.0 but iss has the v1 form', () => {
    expect(findingsOf(inspect(v1AppOnlyToken({ ver: '2.0' })), 'version-issuer-mismatch')[0]).toMatchObject({
      claim: 'ver',
      expected: '1.0',
      actual: '2.0',
    })
  })

  it('fires when ver is 1.0 but iss has the v2 form', () => {
    expect(codes(inspect(v2DelegatedToken({ ver: '1.0' })))).toContain('version-issuer-mismatch')
  })

  it('does not fire when they agree or ver is absent', () => {
    expect(codes(inspect(v1AppOnlyToken()))).not.toContain('version-issuer-mismatch')
    expect(codes(inspect(v2DelegatedToken({ ver: undefined })))).not.toContain('version-issuer-mismatch')
  })
})

describe('claim-type-invalid (ver)', () => {
  it('fires when ver is neither "1.0" nor "2.0"', () => {
    expect(findingsOf(inspect(v1AppOnlyToken({ ver: 1 })), 'claim-type-invalid')[0]).toMatchObject({
      claim: 'ver',
    })
    expect(codes(inspect(v1AppOnlyToken({ ver: '3.0' })))).toContain('claim-type-invalid')
  })
})

describe('tenant-missing', () => {
  it('fires without tid, and TID is not tid', () => {
    expect(codes(inspect(v1AppOnlyToken({ tid: undefined })))).toContain('tenant-missing')
    expect(codes(inspect(v1AppOnlyToken({ tid: undefined, TID: TENANT })))).toContain('tenant-missing')
  })

  it('does not fire with a tid', () => {
    expect(codes(inspect(v1AppOnlyToken()))).not.toContain('tenant-missing')
  })
})

describe('tenant-invalid', () => {
  it.each([
    ['a domain', 'contoso.onmicrosoft.com'],
    ['a number', 7],
    ['a GUID with braces', `{${TENANT}}`],
    ['common', 'common'],
  ])('fires when tid is %s', (_, tid) => {
    expect(findingsOf(inspect(v1AppOnlyToken({ tid })), 'tenant-invalid')[0]).toMatchObject({
      severity: 'error',
      claim: 'tid',
    })
  })

  it('does not fire for a GUID in either case', () => {
    expect(
      codes(
        inspect(
          v1AppOnlyToken({
            tid: TENANT.toUpperCase(),
            iss: `https://sts.windows.net/${TENANT.toUpperCase()}/`,
          }),
        ),
      ),
    ).not.toContain('tenant-invalid')
  })
})

describe('consumer-tenant', () => {
  it('fires for the personal Microsoft account tenant', () => {
    const report = inspect(
      v2DelegatedToken({
        tid: CONSUMER_TENANT,
        iss: `https://login.microsoftonline.com/${CONSUMER_TENANT}/v2.0`,
      }),
    )
    expect(findingsOf(report, 'consumer-tenant')[0]).toMatchObject({
      severity: 'error',
      actual: CONSUMER_TENANT,
    })
  })

  it('does not fire for a work or school tenant', () => {
    expect(codes(inspect(v2DelegatedToken()))).not.toContain('consumer-tenant')
  })
})

describe('tenant-not-allowed', () => {
  it('fires when tid is not in the allow-list (the cross-tenant token of a multi-tenant API)', () => {
    const report = inspect(v1AppOnlyToken(), { tenants: [OTHER_TENANT] })
    expect(findingsOf(report, 'tenant-not-allowed')[0]).toMatchObject({
      severity: 'error',
      expected: [OTHER_TENANT],
      actual: TENANT,
    })
    expect(report.ok).toBe(false)
  })

  it('fires for an empty allow-list', () => {
    expect(codes(inspect(v1AppOnlyToken(), { tenants: [] }))).toContain('tenant-not-allowed')
  })

  it('does not fire when the tenant is allowed (case-insensitively) or no list is given', () => {
    expect(codes(inspect(v1AppOnlyToken(), { tenants: [OTHER_TENANT, TENANT.toUpperCase()] }))).not.toContain(
      'tenant-not-allowed',
    )
    expect(codes(inspect(v1AppOnlyToken()))).not.toContain('tenant-not-allowed')
  })
})

describe('tenants-any', () => {
  it("fires (warning) when every tenant is accepted with tenants: 'any'", () => {
    const report = inspect(v1AppOnlyToken(), { tenants: 'any' })
    expect(findingsOf(report, 'tenants-any')[0]?.severity).toBe('warning')
    expect(report.ok).toBe(true)
  })

  it('does not fire with an allow-list or without the option', () => {
    expect(codes(inspect(v1AppOnlyToken(), { tenants: [TENANT] }))).not.toContain('tenants-any')
    expect(codes(inspect(v1AppOnlyToken()))).not.toContain('tenants-any')
  })
})

describe('issuer tenant segment', () => {
  it.each(['common', 'contoso.onmicrosoft.com', 'organizations'])(
    'an issuer naming %s instead of a GUID is not an Entra issuer',
    (tenant) => {
      expect(
        codes(inspect(v2DelegatedToken({ iss: `https://login.microsoftonline.com/${tenant}/v2.0` }))),
      ).toContain('issuer-not-entra')
    },
  )
})
