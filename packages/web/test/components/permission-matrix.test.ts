// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { Report } from '@claimcheck/core'
import '../../src/components/permission-matrix/permission-matrix.js'
import type { CcPermissionMatrix } from '../../src/components/permission-matrix/permission-matrix.js'
import { $, $$, mount } from '../support/render.js'
import { report } from './fixtures.js'

afterEach(() => document.body.replaceChildren())

function withPermissions(base: Report, permissions: Report['permissions']): Report {
  return { ...base, permissions }
}

describe('<cc-permission-matrix>', () => {
  it('lays out the Report: each required permission granted or missing, and the verdict', async () => {
    const r = withPermissions(report('missing-role'), {
      required: ['Machine.Isolate', 'Machine.ReadWrite.All'], satisfied: false, granted: [], missing: ['Machine.Isolate', 'Machine.ReadWrite.All'],
      context: 'application', operation: 'POST /api/machines/{id}/isolate', api: 'mde', anyOf: ['Machine.Isolate', 'Machine.ReadWrite.All'], allOf: [], source: null,
    })
    const el = await mount<CcPermissionMatrix>('cc-permission-matrix', { report: r, api: 'mde', operation: 'POST /api/machines/{id}/isolate' })
    expect($(el, '[data-satisfied]')?.getAttribute('data-satisfied')).toBe('false')
    expect($$(el, 'tr[data-permission]').map((t) => [t.getAttribute('data-permission'), t.querySelector('td')?.textContent?.trim()])).toEqual([
      ['Machine.Isolate', '✗ missing'],
      ['Machine.ReadWrite.All', '✗ missing'],
    ])
    expect($(el, '.carried')?.textContent).toContain('Machine.Read.All (role)')
  })

  it('shows GRANTED when the Report is satisfied', async () => {
    const r = withPermissions(report('healthy'), { required: ['Machine.Isolate'], satisfied: true, granted: ['Machine.Isolate'], missing: [], context: 'application', operation: 'POST /api/machines/{id}/isolate', api: 'mde', anyOf: ['Machine.Isolate'], allOf: [], source: null })
    const el = await mount<CcPermissionMatrix>('cc-permission-matrix', { report: r, api: 'mde', operation: 'POST /api/machines/{id}/isolate' })
    expect($(el, '.verdict')?.textContent).toContain('GRANTED')
  })

  it('says when there is no permission result rather than guessing one', async () => {
    // A Report computed without the operation (e.g. the settings changed since): no required permissions.
    const el = await mount<CcPermissionMatrix>('cc-permission-matrix', { report: report('healthy'), api: 'mde', operation: 'GET /api/alerts' })
    expect($(el, '[data-permissions="none"]')).not.toBeNull()
    expect($(el, '[data-satisfied]')).toBeNull()
  })

  it('emits settings-change from its pickers', async () => {
    const el = await mount<CcPermissionMatrix>('cc-permission-matrix', { report: report('healthy'), api: null, operation: '' })
    const seen: unknown[] = []
    el.addEventListener('settings-change', (e) => seen.push(e.detail))
    const select = $(el, 'select') as HTMLSelectElement
    select.value = 'm365d'
    select.dispatchEvent(new Event('change'))
    const input = $(el, '#operation') as HTMLInputElement
    input.value = 'GET /api/incidents'
    input.dispatchEvent(new Event('change'))
    expect(seen).toEqual([{ api: 'm365d' }, { operation: 'GET /api/incidents' }])
  })
})
