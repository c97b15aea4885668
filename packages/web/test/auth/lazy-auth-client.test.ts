import { describe, expect, it, vi } from 'vitest'
import type { AuthClient } from '../../src/auth/auth-client.js'
import { createLazyAuthClient } from '../../src/auth/lazy-auth-client.js'

const REQUEST = {
  clientId: '0a1b2c3d-0000-4000-a000-00000000c1d0',
  tenant: 'organizations',
  cloud: 'public' as const,
  scopes: ['https://api.securitycenter.microsoft.com/.default'],
}

describe('lazy auth client', () => {
  it('loads the implementation on first use only, once', async () => {
    const impl: AuthClient = {
      acquireToken: vi.fn(async () => ({
        ok: true as const,
        accessToken: 'x.y.z',
        scopes: [],
        interactive: true,
        account: { name: null, username: null, tenantId: null },
      })),
      signOut: vi.fn(async () => {}),
    }
    const load = vi.fn(async () => impl)
    const client = createLazyAuthClient(load)
    await client.signOut()
    expect(load).not.toHaveBeenCalled()
    await client.acquireToken(REQUEST)
    await client.acquireToken(REQUEST)
    expect(load).toHaveBeenCalledTimes(1)
    await client.signOut()
    expect(impl.signOut).toHaveBeenCalledTimes(1)
  })
})
