import { describe, expect, it } from 'vitest'
import { cloudMismatch, hostCloud } from '../../src/entra/host-cloud.js'
import { inspectToken } from '../../src/index.js'
import { createTestTenant } from '../../src/testing/index.js'

describe('hostCloud: where callers of an API host sign in', () => {
  it.each([
    ['api.security.microsoft.com', 'public', 'public'],
    ['aea.api.security.microsoft.com', 'public', 'public'],
    ['api.securitycenter.microsoft.com', 'public', 'public'],
    ['graph.microsoft.com', 'public', 'public'],
    ['api-gcc.securitycenter.microsoft.us', 'public', 'GCC'],
    ['API-GCC.security.microsoft.us', 'public', 'GCC'],
    ['api-gov.securitycenter.microsoft.us', 'usgov', 'GCC High / DoD'],
    ['api-gov.security.microsoft.us', 'usgov', 'GCC High / DoD'],
    ['graph.microsoft.us', 'usgov', 'GCC High / DoD'],
    ['dod-graph.microsoft.us', 'usgov', 'GCC High / DoD'],
    ['microsoftgraph.chinacloudapi.cn', 'china', 'China'],
  ] as const)('%s → %s (%s)', (host, signIn, environment) => {
    expect(hostCloud(host)).toEqual({ signIn, environment })
  })

  it('finds a mismatch only when the sign-in clouds differ', () => {
    expect(cloudMismatch('public', 'api-gcc.securitycenter.microsoft.us')).toBeNull()
    expect(cloudMismatch('public', 'api.security.microsoft.com')).toBeNull()
    expect(cloudMismatch('usgov', 'api-gov.securitycenter.microsoft.us')).toBeNull()
    expect(cloudMismatch('public', 'api-gov.securitycenter.microsoft.us')).toMatchObject({
      authority: 'https://login.microsoftonline.us',
      hostCloud: { environment: 'GCC High / DoD' },
    })
    expect(cloudMismatch('usgov', 'api.security.microsoft.com')?.authority).toBe(
      'https://login.microsoftonline.com',
    )
    expect(cloudMismatch(null, 'api.security.microsoft.com')).toBeNull()
    expect(cloudMismatch('public', null)).toBeNull()
  })
})

describe('a v1 token for a GCC resource is a public-cloud token (GCC signs in at login.microsoftonline.com)', () => {
  it('classifies the cloud from the audience host', async () => {
    const tenant = await createTestTenant()
    const gcc = await tenant.issueToken({
      api: 'mde',
      claims: { aud: 'https://api-gcc.securitycenter.microsoft.us' },
    })
    const gov = await tenant.issueToken({
      api: 'mde',
      claims: { aud: 'https://api-gov.securitycenter.microsoft.us' },
    })
    expect(inspectToken(gcc).token?.cloud).toBe('public')
    expect(inspectToken(gov).token?.cloud).toBe('usgov')
  })
})

describe('cloud-mismatch: a token sent to another cloud API host', () => {
  it('is an error for a commercial token on a GCC High host, and none for GCC or the commercial host', async () => {
    const tenant = await createTestTenant()
    const token = await tenant.issueToken({ api: 'mde', roles: ['Machine.Read.All'] })
    const codes = (operation: string): string[] =>
      inspectToken(token, { operation }).findings.map((f) => f.code)
    expect(codes('GET https://api-gov.securitycenter.microsoft.us/api/machines')).toContain('cloud-mismatch')
    expect(codes('GET https://api-gcc.securitycenter.microsoft.us/api/machines')).not.toContain(
      'cloud-mismatch',
    )
    expect(codes('GET https://api.security.microsoft.com/api/machines')).not.toContain('cloud-mismatch')
    expect(codes('GET /api/machines')).not.toContain('cloud-mismatch')
    const finding = inspectToken(token, {
      operation: 'GET https://api-gov.securitycenter.microsoft.us/api/machines',
    }).findings.find((f) => f.code === 'cloud-mismatch')
    expect(finding?.severity).toBe('error')
    expect(finding?.fix).toContain('https://login.microsoftonline.us')
  })
})
