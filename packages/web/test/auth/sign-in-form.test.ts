import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SIGN_IN_FORM,
  readSignInForm,
  scopesFor,
  signInProblems,
  tokenRequestFor,
  type SignInForm,
} from '../../src/auth/sign-in-form.js'

const CLIENT = '0a1b2c3d-0000-4000-a000-00000000c1d0'
const form = (patch: Partial<SignInForm> = {}): SignInForm => ({
  ...DEFAULT_SIGN_IN_FORM,
  clientId: CLIENT,
  ...patch,
})

describe('sign-in form', () => {
  it('asks for {resource}/.default of the chosen API and cloud by default', () => {
    expect(scopesFor(form())).toEqual(['https://api.securitycenter.microsoft.com/.default'])
    expect(scopesFor(form({ api: 'm365d', cloud: 'usgov' }))).toEqual([
      'https://api-gov.security.microsoft.us/.default',
    ])
    expect(scopesFor(form({ api: 'graph', cloud: 'china' }))).toEqual([
      'https://microsoftgraph.chinacloudapi.cn/.default',
    ])
  })

  it('qualifies delegated permission names with the resource, keeps full scopes as written', () => {
    expect(scopesFor(form({ scopes: 'Machine.Read, Alert.Read' }))).toEqual([
      'https://api.securitycenter.microsoft.com/Machine.Read',
      'https://api.securitycenter.microsoft.com/Alert.Read',
    ])
    expect(scopesFor(form({ api: 'custom', scopes: 'api://my-api/.default' }))).toEqual([
      'api://my-api/.default',
    ])
    expect(scopesFor(form({ api: 'custom', scopes: '  ' }))).toBeNull()
  })

  it('names each problem by field: client ID, tenant, API not in the cloud, scope mistakes', () => {
    expect(signInProblems(form())).toEqual([])
    for (const tenant of [
      'organizations',
      'contoso.onmicrosoft.com',
      'c0ffee00-0000-4000-a000-00000000c0de',
    ]) {
      expect(signInProblems(form({ tenant }))).toEqual([])
    }
    const fields = (f: SignInForm) => signInProblems(f).map((p) => p.field)
    expect(fields(form({ clientId: 'my-app' }))).toEqual(['clientId'])
    expect(fields(form({ tenant: 'not a tenant' }))).toEqual(['tenant'])
    expect(fields(form({ api: 'mde', cloud: 'china' }))).toEqual(['api'])
    expect(fields(form({ api: 'custom', scopes: '' }))).toEqual(['scopes'])
    expect(fields(form({ api: 'custom', scopes: 'api://a/.default api://b/.default' }))).toEqual(['scopes'])
  })

  it('builds the request only from a form without problems', () => {
    expect(tokenRequestFor(form({ tenant: ' contoso.com ', cache: 'session' }))).toEqual({
      clientId: CLIENT,
      tenant: 'contoso.com',
      cloud: 'public',
      scopes: ['https://api.securitycenter.microsoft.com/.default'],
      cache: 'session',
    })
    expect(tokenRequestFor(form({ clientId: '' }))).toBeNull()
  })

  it('reads back a stored form field by field, defaulting what is wrong and ignoring anything extra', () => {
    expect(
      readSignInForm({
        clientId: CLIENT,
        tenant: 'contoso.com',
        cloud: 'mars',
        api: 'x',
        cache: 'localStorage',
        accessToken: 'eyJ',
      }),
    ).toEqual({
      ...DEFAULT_SIGN_IN_FORM,
      clientId: CLIENT,
      tenant: 'contoso.com',
      operation: '',
    })
    expect(readSignInForm('text')).toBeNull()
    expect(readSignInForm([])).toBeNull()
  })
})
