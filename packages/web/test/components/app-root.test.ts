// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { ContextConsumer } from '@lit/context'
import { LitElement } from 'lit'
import '../../src/app-root.js'
import type { ClaimcheckApp } from '../../src/app-root.js'
import { authClientContext } from '../../src/auth/auth-context.js'
import { $, mount } from '../support/render.js'

afterEach(() => document.body.replaceChildren())

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
    expect(location.hash).toBe('')
  })

  it('provides the auth client seam (null: no sign-in in this build)', async () => {
    const el = await mount<ClaimcheckApp>('claimcheck-app')
    const probe = document.createElement('auth-probe') as AuthProbe
    el.shadowRoot?.append(probe)
    await probe.updateComplete
    expect(probe.consumer.value).toBeNull()
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
