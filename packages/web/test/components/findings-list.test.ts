// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { Finding } from '@claimcheck/core'
import '../../src/components/findings-list/findings-list.js'
import type { CcFindingsList } from '../../src/components/findings-list/findings-list.js'
import { $$, mount } from '../support/render.js'

afterEach(() => document.body.replaceChildren())

const FINDINGS: Finding[] = [
  { code: 'signature-not-checked', severity: 'info', message: 'm1' },
  {
    code: 'token-expired',
    severity: 'error',
    message: 'm2',
    fix: 'Get a new token.',
    claim: 'exp',
    expected: 'later',
    actual: 'earlier',
  },
  { code: 'tenants-any', severity: 'warning', message: 'm3' },
]

describe('<cc-findings-list>', () => {
  it('groups by severity, errors first, each with its code and fix', async () => {
    const el = await mount<CcFindingsList>('cc-findings-list', { findings: FINDINGS })
    expect($$(el, 'h3').map((h) => h.textContent)).toEqual(['Errors (1)', 'Warnings (1)', 'Notes (1)'])
    expect($$(el, '[data-code]').map((n) => n.getAttribute('data-code'))).toEqual([
      'token-expired',
      'tenants-any',
      'signature-not-checked',
    ])
    const expired = $$(el, '[data-code="token-expired"]')[0] as Element
    expect(expired.querySelector('.fix')?.textContent).toContain('Get a new token.')
    expect(expired.querySelector('dl')?.textContent).toContain('exp')
  })

  it('says when there is nothing to report', async () => {
    const el = await mount<CcFindingsList>('cc-findings-list', { findings: [] })
    expect(el.shadowRoot?.textContent).toContain('No findings.')
  })
})
