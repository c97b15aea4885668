// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MDE_CATALOG } from '@claimcheck/core'
import '../../src/components/inspect-view/inspect-view.js'
import type { CcInspectView } from '../../src/components/inspect-view/inspect-view.js'
import { emit } from '../../src/events.js'
import { $, $$, deep, mount, settled } from '../support/render.js'
import { JWKS, NOW, token } from './fixtures.js'

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
})

/** The page checks signatures by default; tests have no network, so Entra is unreachable unless a test answers. */
async function view(): Promise<CcInspectView> {
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')))
  return mount<CcInspectView>('cc-inspect-view', { clock: () => NOW })
}

const verdictOf = (el: CcInspectView) =>
  deep(el, 'cc-verdict-banner', '[data-verdict]')?.getAttribute('data-verdict')
const codesOf = (el: CcInspectView) =>
  $$(deep(el, 'cc-findings-list') as Element, '[data-code]').map((n) => n.getAttribute('data-code'))

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

  it('diagnoses on input: verdict, findings, what the token can do, lifetime, signature and claims', async () => {
    const el = await view()
    await type(el, token('healthy'))
    // Nothing wrong, but not verified yet: never "works" before the signature is checked.
    expect(verdictOf(el)).toBe('undetermined')
    expect($(el, 'cc-findings-list')).not.toBeNull()
    // Lifetime, signature and claims follow from their own chunk.
    await vi.waitFor(async () => {
      await settled(el)
      for (const part of ['cc-lifetime-timeline', 'cc-signature-panel', 'cc-claims-table'])
        expect($(el, part), part).not.toBeNull()
    }, 10_000)
    await vi.waitFor(async () => {
      await settled(el)
      expect(deep(el, 'cc-capabilities-view', '.headline')?.getAttribute('data-total')).toBe(
        String(MDE_CATALOG.operations.length),
      )
    })
    // Entra unreachable: undetermined, the signature could not be checked (not an error).
    await vi.waitFor(async () => {
      await settled(el)
      expect(deep(el, 'cc-signature-panel', '[data-status]')?.getAttribute('data-status')).toBe('error')
    })
    expect(verdictOf(el)).toBe('undetermined')
    expect(codesOf(el)).toContain('jwks-unavailable')
    // Explanations follow from their own chunk.
    await vi.waitFor(async () => {
      await settled(el)
      expect(deep(el, 'cc-claims-table', 'tr[data-claim="tid"] .title')?.textContent).toBeTruthy()
    })
  })

  it('re-diagnoses when settings change: a tenant allow-list refuses a token from elsewhere', async () => {
    const el = await view()
    await type(el, token('cross-tenant'))
    expect(verdictOf(el)).toBe('undetermined')
    emit(deep(el, 'cc-token-input') as Element, 'settings-change', {
      tenants: 'c0ffee00-0000-4000-a000-00000000c0de',
    })
    await settled(el)
    expect(codesOf(el)).toContain('tenant-not-allowed')
    expect(verdictOf(el)).toBe('refused')
  })

  it('loads a sample with its settings, for the sample alone', async () => {
    const el = await view()
    const demoTenant = 'c0ffee00-0000-4000-a000-00000000c0de'
    emit(deep(el, 'cc-token-input') as Element, 'sample-loaded', {
      token: token('cross-tenant'),
      settings: { tenants: demoTenant, api: 'mde' },
    })
    await settled(el)
    expect(el.effectiveSettings.tenants).toBe(demoTenant)
    expect(el.settings.tenants).toBe('')
    expect((deep(el, 'cc-token-input', 'textarea') as HTMLTextAreaElement).value).toBe(el.raw)
    expect(codesOf(el)).toContain('tenant-not-allowed')
    expect($(el, '.in-force')?.getAttribute('data-sample')).toBe('true')
    // The person's own token: their settings again, and the demo tenant no longer applies.
    await type(el, token('cross-tenant') + ' ')
    expect(el.sample).toBeNull()
    expect(el.effectiveSettings.tenants).toBe('')
    expect(codesOf(el)).not.toContain('tenant-not-allowed')
    expect($(el, '.in-force')?.getAttribute('data-sample')).toBe('false')
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
    expect(verdictOf(el)).toBe('refused')
  })

  it("checks against Entra's key set by default with GETs only (never sending the token), and takes a pasted one when that fails", async () => {
    const raw = token('healthy')
    const tid = 'c0ffee00-0000-4000-a000-00000000c0de'
    const requests: { url: string; method: string; body: unknown }[] = []
    let reachable = true
    const el = await view()
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input)
      requests.push({ url, method: init?.method ?? 'GET', body: init?.body ?? null })
      if (!reachable) throw new TypeError('Failed to fetch')
      const json = url.endsWith('/.well-known/openid-configuration')
        ? {
            issuer: `https://sts.windows.net/${tid}/`,
            jwks_uri: `https://login.microsoftonline.com/${tid}/discovery/keys`,
          }
        : JWKS
      return new Response(JSON.stringify(json), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      })
    })
    try {
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
      expect(verdictOf(el)).toBe('works')
      // Re-judged for another setting: Entra's answers are reused for a short while (the view's own cache), not refetched.
      emit(el, 'settings-change', { clockSkewSeconds: 120 })
      await vi.waitFor(async () => {
        await settled(el)
        expect(verdictOf(el)).toBe('works')
      })
      expect(requests).toHaveLength(2)
      // A fresh view (a reload) asks Entra again: unreachable this time.
      reachable = false
      document.body.replaceChildren()
      const again = await mount<CcInspectView>('cc-inspect-view', { clock: () => NOW })
      await type(again, raw)
      await vi.waitFor(async () => {
        await settled(again)
        expect(codesOf(again)).toContain('jwks-unavailable')
      })
      expect(verdictOf(again)).toBe('undetermined')
      expect(deep(again, 'cc-signature-panel', '#keyset-paste')).not.toBeNull()
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
