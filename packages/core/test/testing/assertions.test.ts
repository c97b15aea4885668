import { describe, expect, it } from 'vitest'
import { inspectToken, type Report, type RequirementOptions } from '../../src/index.js'
import {
  assertAccepted,
  assertDoesNotGrant,
  assertGrants,
  assertRefused,
  createTestTenant,
  fixedClock,
  TokenAssertionError,
  type ReportVerifier,
} from '../../src/testing/index.js'

const NOW = '2025-03-01T12:00:00Z'

/** A stand-in verifier with inspectToken's verdict (no signature): enough to exercise the assertion logic. */
function offlineVerifier(tenants: string[], now: () => Date): ReportVerifier {
  return {
    verify: async (raw: string, options: RequirementOptions = {}): Promise<Report> =>
      inspectToken(raw, { ...options, tenants, now, api: options.api ?? 'mde' }),
  }
}

async function thrown(run: () => unknown): Promise<TokenAssertionError> {
  try {
    await run()
  } catch (error) {
    if (error instanceof TokenAssertionError) return error
    throw error
  }
  throw new Error('expected a TokenAssertionError')
}

describe('assertGrants / assertDoesNotGrant', () => {
  it('refuses a token for another API, listing the finding codes in the message', async () => {
    const tenant = await createTestTenant({ now: fixedClock(NOW) })
    const m365d = await tenant.issueToken({ api: 'm365d', roles: ['Incident.Read.All'] })
    const error = await thrown(() => assertGrants(m365d, 'GET /api/alerts', { api: 'mde' }))
    expect(error.code).toBe('ERR_CLAIMCHECK_ASSERTION')
    expect(error.report.findings.map((f) => f.code)).toContain('wrong-api')
    expect(error.message).toContain('wrong-api')
    expect(assertDoesNotGrant(m365d, 'GET /api/alerts', { api: 'mde' }).token?.api).toBe('m365d')
  })

  it('refuses an ID token and input that is not a token', async () => {
    const tenant = await createTestTenant({ now: fixedClock(NOW) })
    const id = await tenant.issueToken({ kind: 'id-token' })
    expect(
      (await thrown(() => assertGrants(id, 'GET /api/alerts', { api: 'mde' }))).report.findings.map(
        (f) => f.code,
      ),
    ).toContain('id-token-as-access-token')
    expect(
      (await thrown(() => assertGrants('not-a-token', 'GET /api/alerts', { api: 'mde' }))).report.token,
    ).toBeNull()
    expect(() => assertDoesNotGrant('not-a-token', 'GET /api/alerts', { api: 'mde' })).not.toThrow()
  })

  it('rejects a missing operation as misuse', () => {
    expect(() => assertGrants('x.y.z', '  ', { api: 'mde' })).toThrow(TypeError)
  })
})

describe('assertAccepted / assertRefused (with a stand-in verifier)', () => {
  it('passes for an acceptable token and fails with the refusing findings otherwise', async () => {
    const clock = fixedClock(NOW)
    const home = await createTestTenant({ now: clock })
    const other = await createTestTenant({ now: clock })
    const verifier = offlineVerifier([home.tenantId], clock)
    const good = await home.issueToken({ api: 'mde', roles: ['Alert.Read.All'] })
    const foreign = await other.issueToken({ api: 'mde', roles: ['Alert.Read.All'] })

    await expect(assertAccepted(verifier, good)).resolves.toMatchObject({ ok: true })
    const error = await thrown(() => assertAccepted(verifier, foreign))
    expect(error.report.findings.map((f) => f.code)).toContain('tenant-not-allowed')
    expect(error.message).toContain('tenant-not-allowed')
    expect(error.message).toContain(other.tenantId)

    await expect(assertRefused(verifier, foreign, {}, 'tenant-not-allowed')).resolves.toMatchObject({
      ok: false,
    })
    const wrongReason = await thrown(() => assertRefused(verifier, foreign, {}, 'token-expired'))
    expect(wrongReason.message).toContain('token-expired')
    await expect(thrown(() => assertRefused(verifier, good))).resolves.toBeInstanceOf(TokenAssertionError)
    clock.advance(3600 + 301)
    await expect(assertRefused(verifier, good, {}, ['token-expired'])).resolves.toBeDefined()
  })

  it('fails acceptance for an operation when no permission check confirms it', async () => {
    const clock = fixedClock(NOW)
    const tenant = await createTestTenant({ now: clock })
    // The permission check reports the operation unsatisfied (or, without a permission catalog, not run at all).
    const verifier: ReportVerifier = {
      verify: async (raw) => inspectToken(raw, { now: clock, api: 'mde', require: ['Alert.Read.All'] }),
    }
    const token = await tenant.issueToken({ api: 'mde' })
    const error = await thrown(() =>
      assertAccepted(verifier, token, { api: 'mde', operation: 'GET /api/alerts' }),
    )
    expect(error.report.permissions.satisfied).not.toBe(true)
  })

  it('rejects misuse: a non-verifier and an unknown finding code', async () => {
    await expect(assertAccepted({} as ReportVerifier, 'x')).rejects.toBeInstanceOf(TypeError)
    const verifier = offlineVerifier([], fixedClock(NOW))
    // @ts-expect-error -- not a finding code
    await expect(assertRefused(verifier, 'x', {}, 'tenant-wrong')).rejects.toBeInstanceOf(TypeError)
  })
})
