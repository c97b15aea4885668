// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import '../../src/components/settings-panel/settings-panel.js'
import type { CcSettingsPanel } from '../../src/components/settings-panel/settings-panel.js'
import { DEFAULT_SETTINGS } from '../../src/state/settings.js'
import { $, mount } from '../support/render.js'

afterEach(() => document.body.replaceChildren())

describe('<cc-settings-panel>', () => {
  it('emits each change as a partial settings object', async () => {
    const el = await mount<CcSettingsPanel>('cc-settings-panel', { settings: DEFAULT_SETTINGS })
    const seen: unknown[] = []
    el.addEventListener('settings-change', (e) => seen.push(e.detail))
    const audience = $(el, '#audience') as HTMLInputElement
    audience.value = 'https://api.security.microsoft.com'
    audience.dispatchEvent(new Event('input'))
    const skew = $(el, '#skew') as HTMLInputElement
    skew.value = '60'
    skew.dispatchEvent(new Event('input'))
    ;($(el, '#mode-key-set') as HTMLInputElement).dispatchEvent(new Event('change'))
    expect(seen).toEqual([
      { audience: 'https://api.security.microsoft.com' },
      { clockSkewSeconds: 60 },
      { verification: 'key-set' },
    ])
  })

  it('marks a field invalid next to it, with the reason', async () => {
    const el = await mount<CcSettingsPanel>('cc-settings-panel', {
      settings: { ...DEFAULT_SETTINGS, tenants: 'contoso.com' },
    })
    expect($(el, '#tenants')?.getAttribute('aria-invalid')).toBe('true')
    expect($(el, '#tenants-problem')?.textContent).toContain('contoso.com')
  })

  it('offers the key-set box only in key-set mode, labelling the demo key set', async () => {
    const el = await mount<CcSettingsPanel>('cc-settings-panel', { settings: DEFAULT_SETTINGS })
    expect($(el, '#keyset')).toBeNull()
    el.settings = {
      ...DEFAULT_SETTINGS,
      verification: 'key-set',
      keySet: '{"keys":[]}',
      keySetSource: 'demo',
    }
    await el.updateComplete
    expect($(el, '#keyset')).not.toBeNull()
    expect($(el, '.demo')?.textContent).toContain('demo key set')
  })
})
