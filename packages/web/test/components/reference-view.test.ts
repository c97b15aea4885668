// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import '../../src/components/reference-view/reference-view.js'
import type { CcReferenceView } from '../../src/components/reference-view/reference-view.js'
import { $$, mount } from '../support/render.js'

afterEach(() => document.body.replaceChildren())

describe('<cc-reference-view>', () => {
  it('lists each API with its resource ID, scopes and audiences', async () => {
    const el = await mount<CcReferenceView>('cc-reference-view')
    expect($$(el, 'section h2').map((h) => h.textContent)).toEqual([
      'Microsoft Defender for Endpoint',
      'Microsoft 365 Defender (Defender XDR)',
      'Microsoft Graph',
    ])
    expect(el.shadowRoot?.textContent).toContain('https://api.securitycenter.microsoft.com/.default')
  })

  it('filters by search', async () => {
    const el = await mount<CcReferenceView>('cc-reference-view')
    el.query = 'api-gov.security.microsoft.us'
    await el.updateComplete
    expect($$(el, 'section h2').map((h) => h.textContent)).toEqual(['Microsoft 365 Defender (Defender XDR)'])
  })
})
