import { describe, expect, it } from 'vitest'
import { createTestTenant } from '../../src/testing/index.js'
import { diagnoseToken, inspectToken, readKeySetText, summarizeVerdict } from '../../src/index.js'

const NOW = new Date('2026-11-30T12:00:00Z')

describe('verdict', () => {
  it('offline inspection of a flawless token is undetermined, never works', async () => {
    const tenant = await createTestTenant({ now: NOW })
    const token = await tenant.issueToken({ api: 'mde', kind: 'app-only', roles: ['Machine.Read.All'] })
    const report = inspectToken(token, { now: NOW })
    expect(report.ok).toBe(true)
    expect(report.verdict).toBe('undetermined')
    expect(summarizeVerdict(report).reason).toMatch(/not checked/)
  })

  it('an error finding makes it refused, and the summary names the first error', () => {
    const report = inspectToken('not-a-token', { now: NOW })
    expect(report.verdict).toBe('refused')
    expect(summarizeVerdict(report).finding?.code).toBe('token-opaque')
  })

  it('diagnoseToken verifies against the token’s own tenant: works; a forged signature is refused', async () => {
    const tenant = await createTestTenant({ now: NOW })
    const token = await tenant.issueToken({ api: 'mde', kind: 'app-only', roles: ['Machine.Read.All'] })
    const good = await diagnoseToken(token, { now: NOW, fetch: tenant.fetch })
    expect(good.verdict).toBe('works')
    const [h, p] = token.split('.')
    const forged = await diagnoseToken(`${h}.${p}.${'A'.repeat(342)}`, { now: NOW, fetch: tenant.fetch })
    expect(forged.verdict).toBe('refused')
    expect(forged.findings[0]?.code).toBe('signature-invalid')
  })

  it('keys that cannot be had make it undetermined, not refused', async () => {
    const tenant = await createTestTenant({ now: NOW })
    const token = await tenant.issueToken({ api: 'mde', kind: 'app-only', roles: ['Machine.Read.All'] })
    const report = await diagnoseToken(token, {
      now: NOW,
      fetch: async () => {
        throw new TypeError('offline')
      },
    })
    expect(report.verdict).toBe('undetermined')
    expect(report.findings.some((f) => f.code === 'jwks-unavailable' && f.severity === 'warning')).toBe(true)
  })

  it('readKeySetText tells a metadata document from a key set', () => {
    expect(readKeySetText('{"keys":[]}').ok).toBe(true)
    const meta = readKeySetText('{"jwks_uri":"https://login.microsoftonline.com/common/discovery/keys"}')
    expect(meta.ok ? '' : meta.problem).toMatch(/jwks_uri/)
    expect(readKeySetText('hello').ok).toBe(false)
  })
})
