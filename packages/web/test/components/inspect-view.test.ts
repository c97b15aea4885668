// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../src/components/inspect-view/inspect-view.js'
import type { CcInspectView } from '../../src/components/inspect-view/inspect-view.js'
import { emit } from '../../src/events.js'
import { $, $$, deep, mount, settled } from '../support/render.js'
import { JWKS, NOW, token } from './fixtures.js'

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
    // Explanations follow from their own chunk.
    await vi.waitFor(async () => {
      await settled(el)
      expect(deep(el, 'cc-claims-table', 'tr[data-claim="tid"] .title')?.textContent).toBeTruthy()
    })
  })

  it('re-diagnoses when settings change: a tenant allow-list refuses a token from elsewhere', async () => {
    const el = await view()
    await type(el, token('cross-tenant'))
    expect(deep(el, 'cc-verdict-banner', '[data-verdict]')?.getAttribute('data-verdict')).toBe('ok')
    emit(deep(el, 'cc-token-input') as Element, 'settings-change', { tenants: 'c0ffee00-0000-4000-a000-00000000c0de' })
    await settled(el)
    const codes = $$(deep(el, 'cc-findings-list') as Element, '[data-code]').map((n) => n.getAttribute('data-code'))
    expect(codes).toContain('tenant-not-allowed')
  })

  it('loads a sample with its settings', async () => {
    const el = await view()
    emit(deep(el, 'cc-token-input') as Element, 'sample-loaded', { token: token('expired'), settings: { audience: 'https://api.securitycenter.microsoft.com', api: 'mde' } })
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

  it('verifies against a pasted key set, asynchronously, replacing the offline diagnosis', async () => {
    const el = await view()
    emit(el, 'settings-change', { verification: 'key-set', keySet: JSON.stringify(JWKS) })
    await type(el, token('healthy'))
    await vi.waitFor(async () => {
      await settled(el)
      expect(deep(el, 'cc-signature-panel', '[data-status]')?.getAttribute('data-status')).toBe('valid')
    })
    const t = token('healthy')
    await type(el, `${t.slice(0, -6)}${t.slice(-6).endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA'}`)
    await vi.waitFor(async () => {
      await settled(el)
      expect(deep(el, 'cc-signature-panel', '[data-status]')?.getAttribute('data-status')).toBe('invalid')
    })
    expect(deep(el, 'cc-verdict-banner', '[data-verdict]')?.getAttribute('data-verdict')).toBe('errors')
  })

  it('fetches Entra\'s key set with GETs only (never sending the token), and offers to paste one when that fails', async () => {
    const raw = token('healthy')
    const tid = 'c0ffee00-0000-4000-a000-00000000c0de'
    const requests: { url: string; method: string; body: unknown }[] = []
    let reachable = true
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input)
      requests.push({ url, method: init?.method ?? 'GET', body: init?.body ?? null })
      if (!reachable) throw new TypeError('Failed to fetch')
      const json = url.endsWith('/.well-known/openid-configuration')
        ? { issuer: `https://sts.windows.net/${tid}/`, jwks_uri: `https://login.microsoftonline.com/${tid}/discovery/keys` }
        : JWKS
      return new Response(JSON.stringify(json), { status: 200, headers: { 'content-type': 'application/json' } })
    })
    try {
      const el = await view()
      emit(el, 'settings-change', { verification: 'entra' })
      await type(el, raw)
      await vi.waitFor(async () => {
        await settled(el)
        expect(deep(el, 'cc-signature-panel', '[data-status]')?.getAttribute('data-status')).toBe('valid')
      })
      expect(requests.map((r) => r.url)).toEqual([
        `https://login.microsoftonline.com/${tid}/.well-known/openid-configuration`,
        `https://login.microsoftonline.com/${tid}/discovery/keys`,
      ])
      for (const r of requests) {
        expect(r.method).toBe('GET')
        expect(r.body).toBeNull()
        expect(r.url.includes(raw.split('.')[2] as string)).toBe(false)
      }
      // Other settings: a fresh verifier (no cached keys), and Entra unreachable this time.
      reachable = false
      emit(el, 'settings-change', { clockSkewSeconds: 120 })
      await vi.waitFor(async () => {
        await settled(el)
        const codes = $$(deep(el, 'cc-findings-list') as Element, '[data-code]').map((n) => n.getAttribute('data-code'))
        expect(codes).toContain('jwks-unavailable')
      })
      expect(deep(el, 'cc-signature-panel', 'button')?.textContent).toContain('Paste a key set instead')
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
