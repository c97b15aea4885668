import { describe, expect, it } from 'vitest'
import { CLOUDS, CLOUD_NAMES } from '@claimcheck/core'
import { CSP_HEADER, CSP_META, ENTRA_LOGIN_ORIGINS, SECURITY_HEADERS } from '../../src/security/csp.js'

describe('content security policy', () => {
  it('lets the page reach every Entra sign-in host core knows, and nothing else', () => {
    const authorities = CLOUD_NAMES.flatMap((c) => [CLOUDS[c].authority, ...CLOUDS[c].legacyAuthorities])
    expect([...ENTRA_LOGIN_ORIGINS].sort()).toEqual([...new Set(authorities)].sort())
    expect(CSP_HEADER).toContain(`connect-src ${ENTRA_LOGIN_ORIGINS.join(' ')};`)
  })

  it('has the directives the issue asks for', () => {
    for (const d of [
      "default-src 'none'",
      "script-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ])
      expect(CSP_HEADER).toContain(d)
    expect(CSP_HEADER).not.toMatch(/unsafe-(inline|eval)/)
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CSP_HEADER)
  })

  it('leaves frame-ancestors out of the meta tag, where browsers ignore it with a console warning', () => {
    expect(CSP_META).not.toContain('frame-ancestors')
    expect(CSP_HEADER.startsWith(CSP_META)).toBe(true)
  })
})
