import { describe, expect, it } from 'vitest'
import { authorityFor, msalConfiguration } from '../../src/auth/msal-auth-client.js'
import { MsalLog } from '../../src/auth/msal-log.js'
import { redirectBridgeUri } from '../../src/auth/redirect-uri.js'

const base = {
  clientId: '0a1b2c3d-0000-4000-a000-00000000c1d0',
  authority: 'https://login.microsoftonline.com/organizations',
  redirectUri: 'http://127.0.0.1:4173/redirect.html',
}

describe('MSAL configuration', () => {
  it('keeps tokens in memory unless session storage is chosen explicitly', () => {
    const log = new MsalLog()
    expect(msalConfiguration({ ...base, cache: 'memory', log }).cache?.cacheLocation).toBe('memoryStorage')
    expect(msalConfiguration({ ...base, cache: 'session', log }).cache?.cacheLocation).toBe('sessionStorage')
  })

  it('gives MSAL a logger that takes no PII, and the redirect bridge as redirect URI', () => {
    const log = new MsalLog()
    const config = msalConfiguration({ ...base, cache: 'memory', log })
    expect(config.system?.loggerOptions?.piiLoggingEnabled).toBe(false)
    expect(config.system?.loggerOptions?.loggerCallback).toBe(log.callback)
    expect(config.auth.redirectUri).toBe(base.redirectUri)
    expect(config.auth.postLogoutRedirectUri).toBeNull()
  })

  it('addresses the authority per cloud and the bridge next to the page', () => {
    expect(authorityFor('usgov', 'contoso.com')).toBe('https://login.microsoftonline.us/contoso.com')
    expect(authorityFor('china', 'organizations')).toBe(
      'https://login.partner.microsoftonline.cn/organizations',
    )
    expect(redirectBridgeUri('http://127.0.0.1:4173/')).toBe('http://127.0.0.1:4173/redirect.html')
    expect(redirectBridgeUri('https://tools.example.com/claimcheck/index.html')).toBe(
      'https://tools.example.com/claimcheck/redirect.html',
    )
  })
})
