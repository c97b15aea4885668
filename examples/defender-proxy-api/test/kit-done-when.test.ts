// A user's own test file: it imports only @claimcheck/core, @claimcheck/core/testing and @claimcheck/core/vitest.
import { createVerifier } from '@claimcheck/core'
import { createTestTenant, fixedClock } from '@claimcheck/core/testing'
import '@claimcheck/core/vitest'
import { describe, expect, it } from 'vitest'

describe('Defender for Endpoint tokens, tested without a tenant', () => {
  it('mints, asserts permissions, verifies, refuses another tenant, and survives key rotation', async () => {
    const clock = fixedClock('2025-06-01T09:00:00Z')
    const tenant = await createTestTenant({ now: clock })
    const token = await tenant.issueToken({ api: 'mde', kind: 'app-only', roles: ['Machine.Isolate'] })

    await expect(token).toGrant('POST /api/machines/{id}/isolate', { api: 'mde' })
    await expect(token).not.toGrant('GET /api/alerts', { api: 'mde' })

    const verifier = createVerifier({
      audience: 'https://api.securitycenter.microsoft.com',
      tenants: [tenant.tenantId],
      fetch: tenant.fetch,
      now: clock,
    })
    await expect(token).toBeAcceptedBy(verifier, { api: 'mde', operation: 'POST /api/machines/{id}/isolate' })

    const otherTenant = await createTestTenant({ now: clock })
    const foreign = await otherTenant.issueToken({ api: 'mde', kind: 'app-only', roles: ['Machine.Isolate'] })
    await expect(foreign).not.toBeAcceptedBy(verifier)
    expect(await verifier.verify(foreign)).toHaveFinding('tenant-not-allowed')
    expect(otherTenant.requests).toHaveLength(0)

    await tenant.rotateKeys()
    clock.advance(60)
    const afterRotation = await tenant.issueToken({
      api: 'mde',
      kind: 'app-only',
      roles: ['Machine.Isolate'],
    })
    await expect(afterRotation).toBeAcceptedBy(verifier, {
      api: 'mde',
      operation: 'POST /api/machines/{id}/isolate',
    })
    await expect(token).toBeAcceptedBy(verifier)
  })
})
