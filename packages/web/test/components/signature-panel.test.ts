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
    const base = report('healthy')
    const el = await mount<CcSignaturePanel>('cc-signature-panel', {
      report: { ...base, signature: { ...base.signature, status: 'valid' } },
      mode: 'key-set',
      keySetSource: 'demo',
      verification: { phase: 'done' },
    })
    expect(el.shadowRoot?.textContent?.replace(/\s+/g, ' ')).toContain(
      'Checked against the bundled demo key set',
    )
  })

  it('when Entra cannot be reached, links the key set and takes one pasted in place', async () => {
    const base = report('healthy')
    const r: Report = {
      ...base,
      signature: {
        ...base.signature,
        status: 'error',
        jwksUri: 'https://login.microsoftonline.com/t/discovery/keys',
      },
      findings: [...base.findings, { code: 'jwks-unavailable', severity: 'error', message: 'fetch failed' }],
    }
    const el = await mount<CcSignaturePanel>('cc-signature-panel', {
      report: r,
      mode: 'entra',
      verification: { phase: 'done' },
    })
    expect($(el, '.paste-keys a')?.getAttribute('href')).toBe(
      'https://login.microsoftonline.com/t/discovery/keys',
    )
    const seen: unknown[] = []
    el.addEventListener('settings-change', (e) => seen.push(e.detail))
    const box = $(el, '#keyset-paste') as HTMLTextAreaElement
    box.value = '{"keys":[]}'
    box.dispatchEvent(new Event('input'))
    await el.updateComplete
    ;($(el, '.paste-keys button[type="submit"]') as HTMLButtonElement).click()
    expect(seen).toEqual([{ verification: 'key-set', keySet: '{"keys":[]}', keySetSource: 'pasted' }])
  })

  it("never offers the metadata URL as the key set: it links Entra's real key set for the token", async () => {
    const base = report('healthy')
    const r: Report = {
      ...base,
      signature: {
        ...base.signature,
        status: 'error',
        jwksUri: 'https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration',
      },
      findings: [
        ...base.findings,
        { code: 'jwks-unavailable', severity: 'warning', message: 'fetch failed' },
      ],
    }
    const el = await mount<CcSignaturePanel>('cc-signature-panel', {
      report: r,
      mode: 'entra',
      verification: { phase: 'done' },
    })
    expect($(el, '.paste-keys a')?.getAttribute('href')).toMatch(/\/discovery\/(v2\.0\/)?keys$/)
    expect(el.shadowRoot?.textContent).toContain('Metadata')
  })
})
