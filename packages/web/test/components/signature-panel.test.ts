// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { Report } from '@claimcheck/core'
import '../../src/components/signature-panel/signature-panel.js'
import type { CcSignaturePanel } from '../../src/components/signature-panel/signature-panel.js'
import { $, mount } from '../support/render.js'
import { report } from './fixtures.js'

afterEach(() => document.body.replaceChildren())

describe('<cc-signature-panel>', () => {
  it('shows status, kid, alg and says the offline diagnosis did not check the signature', async () => {
    const el = await mount<CcSignaturePanel>('cc-signature-panel', { report: report('healthy') })
    expect($(el, '[data-status]')?.textContent).toBe('Signature not checked')
    expect(el.shadowRoot?.textContent).toContain('test-kid')
    expect(el.shadowRoot?.textContent).toContain('RS256')
  })

  it('labels the demo key set as a demo', async () => {
    const el = await mount<CcSignaturePanel>('cc-signature-panel', { report: report('healthy'), mode: 'key-set', keySetSource: 'demo', verification: { phase: 'done' } })
    expect(el.shadowRoot?.textContent).toContain('Checked against the bundled demo key set')
  })

  it('when Entra cannot be reached, offers to paste a key set', async () => {
    const base = report('healthy')
    const r: Report = {
      ...base,
      signature: { ...base.signature, status: 'error', jwksUri: 'https://login.microsoftonline.com/t/discovery/keys' },
      findings: [...base.findings, { code: 'jwks-unavailable', severity: 'error', message: 'fetch failed' }],
    }
    const el = await mount<CcSignaturePanel>('cc-signature-panel', { report: r, mode: 'entra', verification: { phase: 'done' } })
    expect(el.shadowRoot?.textContent).toContain('https://login.microsoftonline.com/t/discovery/keys')
    const seen: unknown[] = []
    el.addEventListener('settings-change', (e) => seen.push(e.detail))
    ;($(el, 'button') as HTMLButtonElement).click()
    expect(seen).toEqual([{ verification: 'key-set', keySetSource: 'pasted' }])
  })
})
