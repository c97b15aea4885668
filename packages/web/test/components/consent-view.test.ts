// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import '../../src/components/consent-view/consent-view.js'
import type { CcConsentView } from '../../src/components/consent-view/consent-view.js'
import { $, deep, mount, settled } from '../support/render.js'

afterEach(() => document.body.replaceChildren())
const CLIENT = '0a1b2c3d-0000-4000-a000-00000000c1d0'
const TENANT = 'c0ffee00-0000-4000-a000-00000000c0de'

describe('<cc-consent-view>', () => {
  it('asks for a client ID first', async () => {
    const el = await mount<CcConsentView>('cc-consent-view')
    expect($(el, '#consent-url')).toBeNull()
    expect(el.shadowRoot?.textContent).toContain('Enter your app’s client ID')
  })

  it('builds the link with the visit’s state, and the token request for the tenant', async () => {
    const el = await mount<CcConsentView>('cc-consent-view')
    el.inputs = { ...el.inputs, clientId: CLIENT, tenant: TENANT, redirectUri: 'https://app.example.com/cb' }
    await settled(el)
    const url = new URL(($(el, '#consent-url') as HTMLTextAreaElement).value)
    expect(url.pathname).toBe(`/${TENANT}/v2.0/adminconsent`)
    expect(url.searchParams.get('state')).toBe(el.inputs.state)
    expect(el.inputs.state).toMatch(/^[0-9a-f]{32}$/)
    expect(el.shadowRoot?.querySelectorAll('pre.snippet')).toHaveLength(3)
    expect((deep(el, 'cc-redirect-reader') as HTMLElement & { expectedState: string }).expectedState).toBe(
      el.inputs.state,
    )
  })

  it('shows findings and no link for an invalid tenant', async () => {
    const el = await mount<CcConsentView>('cc-consent-view')
    el.inputs = { ...el.inputs, clientId: CLIENT, tenant: 'common' }
    await settled(el)
    expect($(el, '#consent-url')).toBeNull()
    const codes = [...(deep(el, 'cc-findings-list')?.shadowRoot?.querySelectorAll('[data-code]') ?? [])].map(
      (n) => n.getAttribute('data-code'),
    )
    expect(codes).toContain('consent-tenant-invalid')
  })
})
