import { describe, expect, it } from 'vitest'
import { inspectToken, type Report, type RequirementOptions } from '../../src/index.js'
import { createTestTenant, fixedClock, type ReportVerifier } from '../../src/testing/index.js'
import '../../src/vitest/index.js'

const NOW = '2025-03-01T12:00:00Z'

function offlineVerifier(tenants: string[], now: () => Date): ReportVerifier {
  return {
    verify: async (raw: string, options: RequirementOptions = {}): Promise<Report> =>
      inspectToken(raw, { ...options, tenants, now, api: options.api ?? 'mde' }),
  }
}

describe('@claimcheck/core/vitest matchers', () => {
  it('toHaveFinding: passes, negates, and prints the findings on failure', async () => {
    const clock = fixedClock(NOW)
    const tenant = await createTestTenant({ now: clock })
    const report = inspectToken(await tenant.issueToken({ api: 'mde', claims: { tid: undefined } }), {
      now: clock,
    })
    expect(report).toHaveFinding('tenant-missing')
    expect(report).not.toHaveFinding('token-expired')
    expect(() => expect(report).toHaveFinding('token-expired')).toThrow(/token-expired[\s\S]*tenant-missing/)
    expect(() => expect(report).not.toHaveFinding('tenant-missing')).toThrow(/tenant-missing/)
    expect({ report }).toEqual({ report: expect.toHaveFinding('tenant-missing') })
    // @ts-expect-error -- not a finding code
    expect(() => expect(report).toHaveFinding('no-such-code')).toThrow(TypeError)
    expect(() => expect('a token').toHaveFinding('tenant-missing')).toThrow(TypeError)
  })

  it('toGrant: a token for another API does not grant, and the message names the finding', async () => {
    const tenant = await createTestTenant({ now: fixedClock(NOW) })
    const token = await tenant.issueToken({ api: 'm365d', roles: ['Incident.Read.All'] })
    await expect(token).not.toGrant('GET /api/alerts', { api: 'mde' })
    await expect(expect(token).toGrant('GET /api/alerts', { api: 'mde' })).rejects.toThrow(/wrong-api/)
  })

  it('toBeAcceptedBy: accepts, refuses, and explains a refusal', async () => {
    const clock = fixedClock(NOW)
    const home = await createTestTenant({ now: clock })
    const other = await createTestTenant({ now: clock })
    const verifier = offlineVerifier([home.tenantId], clock)
    const good = await home.issueToken({ api: 'mde', roles: ['Alert.Read.All'] })
    const foreign = await other.issueToken({ api: 'mde', roles: ['Alert.Read.All'] })
    await expect(good).toBeAcceptedBy(verifier)
    await expect(foreign).not.toBeAcceptedBy(verifier)
    await expect(expect(foreign).toBeAcceptedBy(verifier)).rejects.toThrow(/tenant-not-allowed/)
    await expect(expect(good).not.toBeAcceptedBy(verifier)).rejects.toThrow(/accepted/)
  })
})
