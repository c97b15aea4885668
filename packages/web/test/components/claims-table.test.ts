// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { ClaimExplainer } from '../../src/adapters/claim-explanations.js'
import '../../src/components/claims-table/claims-table.js'
import type { CcClaimsTable } from '../../src/components/claims-table/claims-table.js'
import { $, $$, mount } from '../support/render.js'
import { NOW } from './fixtures.js'

afterEach(() => document.body.replaceChildren())

const explainer: ClaimExplainer = (name, location) =>
  name === 'tid' && location === 'payload' ? { name, location, title: 'Tenant ID', description: 'The tenant that issued the token.', neverAuthorizeOn: false } : undefined

describe('<cc-claims-table>', () => {
  it('renders every claim as text, never as markup or a link', async () => {
    const el = await mount<CcClaimsTable>('cc-claims-table', {
      header: { alg: 'RS256' },
      payload: { aud: '<img src=x onerror=alert(1)>', iss: 'https://evil.example/', '<b>name</b>': 'x' },
      now: NOW,
    })
    expect($$(el, 'img, a, b')).toHaveLength(0)
    expect($(el, 'tr[data-claim="aud"] td code')?.textContent).toBe('<img src=x onerror=alert(1)>')
    expect($$(el, 'th code').map((c) => c.textContent)).toContain('<b>name</b>')
  })

  it('makes times and known GUIDs readable', async () => {
    const exp = NOW.getTime() / 1000 + 600
    const el = await mount<CcClaimsTable>('cc-claims-table', { payload: { exp, appid: 'fc780465-2017-40d4-a0c5-307022471b92' }, now: NOW })
    expect($(el, 'tr[data-claim="exp"] .note')?.textContent).toContain('in 10 min')
    expect($(el, 'tr[data-claim="appid"] .note')?.textContent).toContain('Defender for Endpoint')
  })

  it('without a claim reference, says so and offers no explanations', async () => {
    const el = await mount<CcClaimsTable>('cc-claims-table', { payload: { tid: 'x' }, now: NOW, explainer: null })
    expect($(el, '.hint')?.textContent).toContain('not part of this build')
    expect($$(el, 'button.explain')).toHaveLength(0)
  })

  it('expands an explanation with a button that reports its state', async () => {
    const el = await mount<CcClaimsTable>('cc-claims-table', { payload: { tid: 'x', oid: 'y' }, now: NOW, explainer })
    const buttons = $$(el, 'button.explain') as HTMLButtonElement[]
    expect(buttons).toHaveLength(1)
    const button = buttons[0] as HTMLButtonElement
    const row = $(el, `#${button.getAttribute('aria-controls') ?? ''}`) as HTMLElement
    expect(button.getAttribute('aria-expanded')).toBe('false')
    expect(row.hidden).toBe(true)
    button.click()
    await el.updateComplete
    expect(button.getAttribute('aria-expanded')).toBe('true')
    expect(row.hidden).toBe(false)
    expect(row.textContent).toContain('The tenant that issued the token.')
  })
})
