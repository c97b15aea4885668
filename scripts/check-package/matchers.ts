// Every matcher of @claimcheck/core/vitest, type-checked where users install it (the augmentation must reach
// vitest's public Matchers interface from node_modules; TS2339 'toGrant' does not exist on 'Assertion<string>' was
// the bug). The @ts-expect-error lines fail the check if the matchers ever loosen to any.
import '@claimcheck/core/vitest'
import { createVerifier } from '@claimcheck/core'
import { createTestTenant } from '@claimcheck/core/testing'
import { expect, it } from 'vitest'

it('uses every matcher', async () => {
  const tenant = await createTestTenant()
  const token = await tenant.issueToken({ api: 'mde', roles: ['Alert.Read.All'] })
  await expect(token).toGrant('GET /api/alerts', { api: 'mde' })
  await expect(token).not.toGrant('POST /api/machines/1/isolate', { api: 'mde' })
  const verifier = createVerifier({
    audience: 'https://api.securitycenter.microsoft.com',
    tenants: [tenant.tenantId],
    fetch: tenant.fetch,
  })
  await expect(token).toBeAcceptedBy(verifier)
  await expect(token).toBeAcceptedBy(verifier, { api: 'mde', operation: 'GET /api/alerts' })
  const report = await verifier.verify(token)
  expect(report).toHaveFinding('tenants-any')
  expect({ report }).toEqual({ report: expect.toHaveFinding('tenant-missing') })
  // @ts-expect-error: a finding code, not any string
  expect(report).toHaveFinding('no-such-finding')
  // @ts-expect-error: the operation is a string
  await expect(token).toGrant(42)
})
