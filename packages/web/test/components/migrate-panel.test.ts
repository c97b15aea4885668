// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import '../../src/components/migrate-panel/migrate-panel.js'
import type { CcMigratePanel } from '../../src/components/migrate-panel/migrate-panel.js'
import '../../src/components/reference-view/reference-view.js'
import type { CcReferenceView } from '../../src/components/reference-view/reference-view.js'
import { $, $$, mount } from '../support/render.js'
import { loadAllCatalogs } from '../../src/controllers/catalog-loader.js'

// The page loads each API's catalog as its own chunk; these views judge operations, so every catalog is loaded first.
beforeAll(() => loadAllCatalogs())

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
})

const CLIENT = '0c6b3e5a-7f1d-4e2a-9c8b-5d4e3f2a1b0c'

async function submit(el: CcMigratePanel, calls: string, extra: Record<string, string> = {}) {
  ;($(el, 'textarea') as HTMLTextAreaElement).value = calls
  for (const [name, value] of Object.entries(extra))
    (($(el, 'form') as HTMLFormElement).elements.namedItem(name) as HTMLInputElement).value = value
  ;($(el, 'form') as HTMLFormElement).dispatchEvent(new Event('submit', { cancelable: true }))
  await el.updateComplete
}

describe('<cc-migrate-panel> "Will it keep working?"', () => {
  it('judges pasted calls at its clock, offline, with the Graph permission to add and the consent link', async () => {
    const fetchSpy = vi.fn()
    vi.stubGlobal('fetch', fetchSpy)
    const el = await mount<CcMigratePanel>('cc-migrate-panel', {
      now: () => new Date('2026-12-08T09:00:00Z'),
    })
    await submit(
      el,
      'POST https://api.securitycenter.microsoft.com/api/advancedqueries/run\nGET https://graph.microsoft.com/v1.0/security/alerts_v2',
      { clientId: CLIENT },
    )
    expect($(el, '.headline')?.getAttribute('data-ok')).toBe('false')
    const rows = $$(el, 'tbody tr')
    expect(rows.map((r) => r.getAttribute('data-outcome'))).toEqual(['retiring', 'works'])
    expect(rows[0]?.textContent).toContain('retiring on 2027-02-01 (55 days)')
    expect(rows[0]?.textContent).toContain('ThreatHunting.Read.All')
    expect(($(el, '.to-add a') as HTMLAnchorElement).href).toContain(`client_id=${CLIENT}`)
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('says nothing needs doing when the window excludes the date', async () => {
    const el = await mount<CcMigratePanel>('cc-migrate-panel', {
      now: () => new Date('2026-12-08T09:00:00Z'),
    })
    await submit(el, 'POST https://api.securitycenter.microsoft.com/api/advancedqueries/run', {
      within: '30',
    })
    expect($(el, '.headline')?.getAttribute('data-ok')).toBe('true')
  })
})

describe('<cc-reference-view> lifecycle and limits', () => {
  it('shows each operation’s lifecycle and rate limits, and offers the panel behind a disclosure', async () => {
    const el = await mount<CcReferenceView>('cc-reference-view')
    el.query = 'advancedqueries'
    await el.updateComplete
    expect(el.shadowRoot?.textContent).toContain('retiring on 2027-02-01')
    expect(el.shadowRoot?.textContent).toContain('45/min per tenant')
    expect($(el, 'details.keep-working summary')?.textContent).toBe('Will it keep working?')
  })
})
