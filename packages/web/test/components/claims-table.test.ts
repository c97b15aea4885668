// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { ClaimExplainer } from '../../src/adapters/claim-explanations.js'
import '../../src/components/claims-table/claims-table.js'
import type { CcClaimsTable } from '../../src/components/claims-table/claims-table.js'
import { $, $$, mount } from '../support/render.js'
import { NOW } from './fixtures.js'

afterEach(() => document.body.replaceChildren())

const explainer: ClaimExplainer = (name, location) =>
  name === 'tid' && location === 'payload'
    ? {
        name,
        location,
        title: 'Tenant ID',
        description: 'The tenant that issued the token.',
        neverAuthorizeOn: false,
      }
    : undefined

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
    const el = await mount<CcClaimsTable>('cc-claims-table', {
      payload: { exp, appid: 'fc780465-2017-40d4-a0c5-307022471b92' },
      now: NOW,
    })
    expect($(el, 'tr[data-claim="exp"] .note')?.textContent).toContain('in 10 min')
    expect($(el, 'tr[data-claim="appid"] .note')?.textContent).toContain('Defender for Endpoint')
  })

  it('without a claim reference, shows the claims with no explanations and no buttons', async () => {
    const el = await mount<CcClaimsTable>('cc-claims-table', {
      payload: { tid: 'x' },
      now: NOW,
      explainer: null,
    })
    expect($$(el, '.tip')).toHaveLength(0)
    expect($$(el, 'tbody button')).toHaveLength(0)
    expect($(el, 'tr[data-claim="tid"] td code')?.textContent).toBe('x')
  })

  it('explains a claim inline: its name is focusable and described by its explanation, with no button per row', async () => {
    const el = await mount<CcClaimsTable>('cc-claims-table', {
      payload: { tid: 'x', oid: 'y' },
      now: NOW,
      explainer,
    })
    expect($$(el, 'tbody button')).toHaveLength(0)
    const name = $(el, 'tr[data-claim="tid"] .claim') as HTMLElement
    expect(name.getAttribute('tabindex')).toBe('0')
    const tip = $(el, `#${name.getAttribute('aria-describedby') ?? ''}`) as HTMLElement
    expect(tip.getAttribute('role')).toBe('tooltip')
    expect(tip.textContent).toContain('The tenant that issued the token.')
    expect($(el, 'tr[data-claim="oid"] .claim')).toBeNull()
  })

  it('shows a string list inline, every item', async () => {
    const roles = Array.from({ length: 30 }, (_, k) => `Role${k}.Read.All`)
    const el = await mount<CcClaimsTable>('cc-claims-table', { payload: { roles }, now: NOW })
    expect($$(el, 'tr[data-claim="roles"] .items li').map((li) => li.textContent)).toEqual(roles)
  })

  it('the raw view shows the three parts of the token apart, and the JSON, each with a copy button', async () => {
    const el = await mount<CcClaimsTable>('cc-claims-table', {
      raw: 'Bearer aaa.bbb.ccc',
      header: { alg: 'RS256' },
      payload: { tid: 'x' },
      now: NOW,
    })
    ;($(el, 'button[data-mode="raw"]') as HTMLButtonElement).click()
    await el.updateComplete
    expect($$(el, 'pre.token span').map((n) => [n.className, n.textContent])).toEqual([
      ['part-h', 'aaa'],
      ['part-p', 'bbb'],
      ['part-s', 'ccc'],
    ])
    expect($$(el, 'cc-copy-button').map((b) => (b as HTMLElement & { text: string }).text)).toEqual([
      'aaa.bbb.ccc',
      '{\n  "alg": "RS256"\n}',
      '{\n  "tid": "x"\n}',
    ])
    expect($(el, 'button[data-mode="raw"]')?.getAttribute('aria-pressed')).toBe('true')
  })
})
