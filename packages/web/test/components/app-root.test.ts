// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { ContextConsumer } from '@lit/context'
import { LitElement } from 'lit'
import '../../src/app-root.js'
import type { ClaimcheckApp } from '../../src/app-root.js'
import { authClientContext } from '../../src/auth/auth-context.js'
import { $, mount } from '../support/render.js'

afterEach(() => {
  document.body.replaceChildren()
  history.replaceState(null, '', location.pathname)
})

class AuthProbe extends LitElement {
  consumer = new ContextConsumer(this, { context: authClientContext })
}
customElements.define('auth-probe', AuthProbe)

describe('<claimcheck-app>', () => {
  it('starts on Inspect and loads the other views on first visit, keeping state in memory', async () => {
    const el = await mount<ClaimcheckApp>('claimcheck-app')
    expect($(el, 'cc-inspect-view')).not.toBeNull()
    expect($(el, 'cc-reference-view')).toBeNull()
    ;($(el, 'nav [data-view="reference"]') as HTMLButtonElement).click()
    await el.updateComplete
    await new Promise((r) => setTimeout(r, 200))
    await el.updateComplete
    expect($(el, 'cc-reference-view')).not.toBeNull()
    expect(($(el, 'cc-inspect-view') as HTMLElement).hidden).toBe(true)
    expect($(el, 'nav [data-view="reference"]')?.getAttribute('aria-current')).toBe('page')
    // The address names the view, and only the view.
    expect(location.hash).toBe('#reference')
  })

  it('opens the view a deep link names, follows the fragment, and ignores unknown ones', async () => {
    history.replaceState(null, '', '#consent')
    const el = await mount<ClaimcheckApp>('claimcheck-app')
    expect(el.view).toBe('consent')
    location.hash = '#reference'
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await el.updateComplete
    expect(el.view).toBe('reference')
    location.hash = '#eyJhbGciOiJSUzI1NiJ9'
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await el.updateComplete
    expect(el.view).toBe('inspect')
  })

  it('provides the auth client seam: the lazy MSAL client, not loaded until used', async () => {
    const el = await mount<ClaimcheckApp>('claimcheck-app')
    const probe = document.createElement('auth-probe') as AuthProbe
    el.shadowRoot?.append(probe)
    await probe.updateComplete
    const client = probe.consumer.value
    expect(typeof client?.acquireToken).toBe('function')
    // Sign-out before any sign-in has nothing to do, and must not load MSAL to find that out.
    await expect(client?.signOut()).resolves.toBeUndefined()
  })

  it('prefills the consent view and opens it when sign-in asks for consent', async () => {
    const el = await mount<ClaimcheckApp>('claimcheck-app')
    const detail = {
      clientId: '0a1b2c3d-0000-4000-a000-00000000c1d0',
      tenant: 'contoso.com',
      cloud: 'public' as const,
      api: 'm365d' as const,
      show: false,
    }
    el.dispatchEvent(new CustomEvent('consent-requested', { detail }))
    await el.updateComplete
    expect(el.consentPrefill).toEqual(detail)
    expect(el.view).toBe('inspect')
    el.dispatchEvent(new CustomEvent('consent-requested', { detail: { ...detail, show: true } }))
    await el.updateComplete
    expect(el.view).toBe('consent')
  })

  it('cycles the theme without storing it', async () => {
    const el = await mount<ClaimcheckApp>('claimcheck-app')
    ;($(el, '.theme') as HTMLButtonElement).click()
    expect(document.documentElement.dataset.theme).toBe('light')
    ;($(el, '.theme') as HTMLButtonElement).click()
    expect(document.documentElement.dataset.theme).toBe('dark')
    ;($(el, '.theme') as HTMLButtonElement).click()
    expect(document.documentElement.dataset.theme).toBeUndefined()
    expect(localStorage.length).toBe(0)
  })
})
