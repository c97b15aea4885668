// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import '../../src/components/inspect-view/inspect-view.js'
import type { CcInspectView } from '../../src/components/inspect-view/inspect-view.js'
import { emit } from '../../src/events.js'
import { $, $$, deep, mount, settled } from '../support/render.js'
import { NOW, token } from './fixtures.js'

afterEach(() => document.body.replaceChildren())

async function view(): Promise<CcInspectView> {
  return mount<CcInspectView>('cc-inspect-view', { clock: () => NOW })
}

async function type(el: CcInspectView, value: string): Promise<void> {
  emit(deep(el, 'cc-token-input') as Element, 'token-input', { value })
  await settled(el)
}

describe('<cc-inspect-view>', () => {
  it('shows only the token box and a hint before anything is pasted', async () => {
    const el = await view()
    expect(deep(el, 'cc-token-input', 'textarea')).not.toBeNull()
    expect($(el, 'cc-findings-list')).toBeNull()
    expect($(el, '.empty')?.textContent).toContain('as soon as you paste')
  })

  it('diagnoses on input: verdict, findings, permissions, lifetime, signature and claims', async () => {
    const el = await view()
    await type(el, token('healthy'))
    expect(deep(el, 'cc-verdict-banner', '[data-verdict]')?.getAttribute('data-verdict')).toBe('ok')
    for (const part of ['cc-findings-list', 'cc-permission-matrix', 'cc-lifetime-timeline', 'cc-signature-panel', 'cc-claims-table']) {
      expect($(el, part), part).not.toBeNull()
    }
    expect(deep(el, 'cc-signature-panel', '[data-status]')?.getAttribute('data-status')).toBe('not-checked')
  })

  it('re-diagnoses when settings change: a tenant allow-list refuses a token from elsewhere', async () => {
    const el = await view()
    await type(el, token('cross-tenant'))
    expect(deep(el, 'cc-verdict-banner', '[data-verdict]')?.getAttribute('data-verdict')).toBe('ok')
    emit(deep(el, 'cc-settings-panel') as Element, 'settings-change', { tenants: 'c0ffee00-0000-4000-a000-00000000c0de' })
    await settled(el)
    const codes = $$(deep(el, 'cc-findings-list') as Element, '[data-code]').map((n) => n.getAttribute('data-code'))
    expect(codes).toContain('tenant-not-allowed')
  })

  it('loads a sample with its settings', async () => {
    const el = await view()
    emit(deep(el, 'cc-sample-picker') as Element, 'sample-loaded', { token: token('expired'), settings: { audience: 'https://api.securitycenter.microsoft.com', api: 'mde' } })
    await settled(el)
    expect(el.settings.api).toBe('mde')
    expect((deep(el, 'cc-token-input', 'textarea') as HTMLTextAreaElement).value).toBe(el.raw)
    expect(deep(el, 'cc-verdict-banner', '[data-verdict]')?.getAttribute('data-verdict')).toBe('errors')
  })

  it('Clear empties the box and removes the diagnosis', async () => {
    const el = await view()
    await type(el, token('healthy'))
    ;(deep(el, 'cc-token-input', 'button') as HTMLButtonElement).click()
    await settled(el)
    expect(el.raw).toBe('')
    expect($(el, 'cc-findings-list')).toBeNull()
  })

  it('with verification on, says plainly when this build cannot verify instead of pretending', async () => {
    const el = await view()
    emit(el, 'settings-change', { verification: 'entra' })
    await type(el, token('healthy'))
    await new Promise((r) => setTimeout(r, 50))
    await settled(el)
    const panel = deep(el, 'cc-signature-panel') as Element
    expect($(panel, '[data-status]')?.getAttribute('data-status')).toBe('not-checked')
    expect($(panel, '[role="status"]')?.textContent).toMatch(/not part of this build|Checking/)
  })
})
