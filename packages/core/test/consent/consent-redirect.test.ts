import { describe, expect, it } from 'vitest'
import { parseConsentRedirect } from '../../src/index.js'

const TENANT = 'aaaabbbb-0000-cccc-1111-dddd2222eeee'
const CB = 'https://partner.example.com/consent/callback'

function codes(findings: { code: string }[]): string[] {
  return findings.map((f) => f.code).sort()
}

describe('parseConsentRedirect', () => {
  it('reads a v2 success', () => {
    const r = parseConsentRedirect(
      `${CB}?admin_consent=True&tenant=${TENANT}&scope=https%3A%2F%2Fapi.securitycenter.microsoft.com%2F.default&state=abc`,
      { expectedState: 'abc' },
    )
    expect(r.ok).toBe(true)
    expect(r.adminConsent).toBe(true)
    expect(r.tenant).toBe(TENANT)
    expect(r.state).toBe('abc')
    expect(r.scope).toBe('https://api.securitycenter.microsoft.com/.default')
    expect(r.error).toBeNull()
    // The returned tenant is only a hint: always the warning.
    expect(codes(r.findings)).toEqual(['consent-tenant-untrusted'])
    expect(r.findings[0]?.severity).toBe('warning')
  })

  it('reads a v1 success (admin_consent=True&tenant=…)', () => {
    const r = parseConsentRedirect(`${CB}?admin_consent=True&tenant=${TENANT}`)
    expect(r.ok).toBe(true)
    expect(r.state).toBeNull()
  })

  it('explains a declined consent with its AADSTS code, even though Entra also sends admin_consent=True', () => {
    // The shape of the error response in Entra's v2 admin-consent documentation.
    const url = `${CB}?admin_consent=True&error=consent_required&error_description=AADSTS65004%3a+The+resource+owner+or+authorization+server+denied+the+request.%0d%0aTrace+ID%3a+0000aaaa-11bb-cccc-dd22-eeeeee333333%0d%0aCorrelation+ID%3a+8478d534-5b2c-4325-8c2c-51395c342c89%0d%0aTimestamp%3a+2019-09-24+18%3a34%3a26Z&state=12345`
    const r = parseConsentRedirect(url, { expectedState: '12345' })
    expect(r.ok).toBe(false)
    expect(r.adminConsent).toBe(false)
    expect(r.error?.code).toBe('AADSTS65004')
    expect(r.error?.error).toBe('consent_required')
    expect(r.error?.meaning).toBeTruthy()
    expect(r.error?.fix).toBeTruthy()
    expect(r.error?.description).toBe(
      'AADSTS65004: The resource owner or authorization server denied the request.',
    )
    expect(codes(r.findings)).toEqual(['consent-error'])
  })

  it('explains access_denied without an AADSTS code', () => {
    const r = parseConsentRedirect(`${CB}?error=access_denied&error_subcode=cancel&state=s`)
    expect(r.ok).toBe(false)
    expect(r.error?.code).toBe('access_denied')
    expect(r.error?.meaning).toMatch(/cancel/)
    expect(codes(r.findings)).toEqual(['consent-error'])
  })

  it.each([
    ['AADSTS50011', 'AADSTS50011: The redirect URI specified in the request does not match'],
    [
      'AADSTS700016',
      'AADSTS700016: Application with identifier 00001111-aaaa-2222-bbbb-3333cccc4444 was not found in the directory',
    ],
    ['AADSTS90094', 'AADSTS90094: Admin consent is required'],
  ])('explains %s errors', (code, description) => {
    const r = parseConsentRedirect(
      `${CB}?error=invalid_request&error_description=${encodeURIComponent(description)}`,
    )
    expect(r.error?.code).toBe(code)
    expect(r.error?.cause).toBeTruthy()
  })

  it('reads the fragment when the response came with response_mode=fragment', () => {
    const r = parseConsentRedirect(`${CB}#admin_consent=True&tenant=${TENANT}&state=f`)
    expect(r.adminConsent).toBe(true)
    expect(r.state).toBe('f')
  })

  it('accepts a bare query string', () => {
    expect(parseConsentRedirect(`admin_consent=True&tenant=${TENANT}`).adminConsent).toBe(true)
  })

  it('flags a state mismatch', () => {
    const r = parseConsentRedirect(`${CB}?admin_consent=True&tenant=${TENANT}&state=other`, {
      expectedState: 'mine',
    })
    expect(r.ok).toBe(false)
    expect(r.adminConsent).toBe(true)
    expect(codes(r.findings)).toEqual(['consent-state-mismatch', 'consent-tenant-untrusted'])
    const mismatch = r.findings.find((f) => f.code === 'consent-state-mismatch')
    expect(mismatch?.expected).toBe('mine')
    expect(mismatch?.actual).toBe('other')
  })

  it('flags a missing state when one was expected', () => {
    const r = parseConsentRedirect(`${CB}?admin_consent=True&tenant=${TENANT}`, { expectedState: 'mine' })
    expect(codes(r.findings)).toContain('consent-state-mismatch')
    expect(r.ok).toBe(false)
  })

  it('treats an authorization code (the authorize form) as success without claiming organization-wide consent', () => {
    const r = parseConsentRedirect(`${CB}?code=0.AAAA&session_state=x`)
    expect(r.ok).toBe(true)
    expect(r.adminConsent).toBe(false)
    expect(r.codeReturned).toBe(true)
    expect(codes(r.findings)).toEqual(['consent-code-returned'])
  })

  it('rejects what is not a consent redirect', () => {
    expect(codes(parseConsentRedirect('hello world').findings)).toEqual(['consent-redirect-invalid'])
    expect(codes(parseConsentRedirect(`${CB}?foo=bar`).findings)).toEqual(['consent-redirect-invalid'])
    expect(codes(parseConsentRedirect('https://[bad').findings)).toEqual(['consent-redirect-invalid'])
    expect(parseConsentRedirect(`${CB}?admin_consent=False&tenant=${TENANT}`).ok).toBe(false)
  })

  it('says a non-GUID tenant is a forged response', () => {
    const r = parseConsentRedirect(`${CB}?admin_consent=True&tenant=evil.example.com`)
    expect(r.findings.find((f) => f.code === 'consent-tenant-untrusted')?.message).toBeTruthy()
  })

  it('throws TypeError only on misuse', () => {
    expect(() => parseConsentRedirect(42 as never)).toThrow(TypeError)
  })
})
