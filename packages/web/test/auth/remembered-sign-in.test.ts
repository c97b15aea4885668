// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { redirectSignInPending } from '../../src/auth/redirect-uri.js'
import {
  REMEMBER_KEY,
  forgetSignIn,
  loadRememberedSignIn,
  rememberSignIn,
  savePendingRedirect,
  takePendingRedirect,
} from '../../src/auth/remembered-sign-in.js'
import { DEFAULT_SIGN_IN_FORM } from '../../src/auth/sign-in-form.js'

const FORM = {
  ...DEFAULT_SIGN_IN_FORM,
  clientId: '0a1b2c3d-0000-4000-a000-00000000c1d0',
  tenant: 'contoso.com',
}

afterEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})

describe('remembered sign-in settings', () => {
  it("stores only the form's non-secret fields, reads them back, and forgets them", () => {
    expect(loadRememberedSignIn()).toBeNull()
    rememberSignIn({ ...FORM, ...({ accessToken: 'eyJhbGciOi' } as object) })
    expect(Object.keys(JSON.parse(localStorage.getItem(REMEMBER_KEY) ?? '{}') as object).sort()).toEqual([
      'api',
      'cache',
      'clientId',
      'cloud',
      'operation',
      'scopes',
      'tenant',
    ])
    expect(loadRememberedSignIn()).toEqual(FORM)
    forgetSignIn()
    expect(localStorage.length).toBe(0)
  })

  it('a broken entry reads as nothing remembered', () => {
    localStorage.setItem(REMEMBER_KEY, '{not json')
    expect(loadRememberedSignIn()).toBeNull()
  })

  it('a pending redirect sign-in is seen by the entry and taken back once', () => {
    expect(redirectSignInPending()).toBe(false)
    savePendingRedirect(FORM)
    expect(redirectSignInPending()).toBe(true)
    expect(takePendingRedirect()).toEqual(FORM)
    expect(takePendingRedirect()).toBeNull()
    expect(sessionStorage.length).toBe(0)
  })
})
