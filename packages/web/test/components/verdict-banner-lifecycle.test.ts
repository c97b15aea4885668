// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { inspectToken } from '@claimcheck/core'
import '../../src/components/verdict-banner/verdict-banner.js'
import type { CcVerdictBanner } from '../../src/components/verdict-banner/verdict-banner.js'
import { $, mount } from '../support/render.js'
import { loadAllCatalogs } from '../../src/controllers/catalog-loader.js'

// The page loads each API's catalog as its own chunk; these views judge operations, so every catalog is loaded first.
beforeAll(() => loadAllCatalogs())

afterEach(() => document.body.replaceChildren())

const TENANT = '4f8c2a1e-9b7d-4c3e-8a5f-1d2e3f4a5b6c'
const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
function huntingToken(nowS: number): string {
  return `${b64({ typ: 'JWT', alg: 'RS256', kid: 'k' })}.${b64({
    aud: 'https://api.securitycenter.microsoft.com',
    iss: `https://sts.windows.net/${TENANT}/`,
    iat: nowS - 60,
    nbf: nowS - 60,
    exp: nowS + 3000,
    appid: '0c6b3e5a-7f1d-4e2a-9c8b-5d4e3f2a1b0c',
    idtyp: 'app',
    oid: 'b8e5c3d1-2a4f-4e6b-9c7d-8e9f0a1b2c3d',
    sub: 'b8e5c3d1-2a4f-4e6b-9c7d-8e9f0a1b2c3d',
    roles: ['AdvancedQuery.Read.All'],
    tid: TENANT,
    ver: '1.0',
  })}.c2ln`
}

describe('<cc-verdict-banner> says a dated lifecycle with its ISO date', () => {
  it('before the date: a lifecycle line with the date; from it on: refused, the first finding carries it', async () => {
    const before = new Date('2027-01-31T12:00:00Z')
    const report = inspectToken(huntingToken(before.getTime() / 1000), {
      now: before,
      operation: 'POST /api/advancedqueries/run',
    })
    const el = await mount<CcVerdictBanner>('cc-verdict-banner', { report })
    expect($(el, '.lifecycle')?.getAttribute('data-code')).toBe('operation-retiring')
    expect($(el, '.lifecycle')?.textContent).toContain('2027-02-01')

    const after = new Date('2027-02-01T00:00:00Z')
    el.report = inspectToken(huntingToken(after.getTime() / 1000), {
      now: after,
      operation: 'POST /api/advancedqueries/run',
    })
    await el.updateComplete
    expect($(el, '.banner')?.getAttribute('data-verdict')).toBe('refused')
    expect($(el, '.first-finding')?.getAttribute('data-code')).toBe('operation-retired')
    expect($(el, '.first-finding')?.textContent).toContain('2027-02-01')
  })
})
