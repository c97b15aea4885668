// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { LitElement } from 'lit'
import { ContextProvider } from '@lit/context'
import { createTestTenant } from '@claimcheck/core/testing'
import type { AuthClient, TokenRequest, TokenResult } from '../../src/auth/auth-client.js'
import { authClientContext } from '../../src/auth/auth-context.js'
import { MSAL_ERROR_HELP } from '../../src/auth/sign-in-help.js'
import '../../src/components/sign-in-panel/sign-in-panel.js'
import type { CcSignInPanel } from '../../src/components/sign-in-panel/sign-in-panel.js'
import type { ConsentRequestDetail, TokenAcquiredDetail } from '../../src/events.js'
import { $, settled } from '../support/render.js'
import { loadAllCatalogs } from '../../src/controllers/catalog-loader.js'

// The page loads the panel's chunk together with every catalog (inspect-view's signInModule); so does this file.
beforeAll(() => loadAllCatalogs())

const CLIENT = '0a1b2c3d-0000-4000-a000-00000000c1d0'
const NOW = new Date('2026-03-01T12:00:00Z')

/** A host that provides a fake auth client, as the app root provides the MSAL one. */
class FakeAuthHost extends LitElement {
  provider = new ContextProvider(this, { context: authClientContext, initialValue: null })
}
customElements.define('fake-auth-host', FakeAuthHost)

async function mountWith(client: AuthClient): Promise<{
  panel: CcSignInPanel
  events: { acquired: TokenAcquiredDetail[]; consent: ConsentRequestDetail[]; signedOut: number }
}> {
  const host = document.createElement('fake-auth-host') as FakeAuthHost
  host.provider.setValue(client)
  const panel = document.createElement('cc-sign-in-panel')
  panel.clock = () => NOW
  host.append(panel)
  document.body.append(host)
  const events = {
    acquired: [] as TokenAcquiredDetail[],
    consent: [] as ConsentRequestDetail[],
    signedOut: 0,
  }
  host.addEventListener('token-acquired', (e) => events.acquired.push(e.detail))
  host.addEventListener('consent-requested', (e) => events.consent.push(e.detail))
  host.addEventListener('signed-out', () => {
    events.signedOut++
  })
  await settled(panel)
  return { panel, events }
}

function type(panel: CcSignInPanel, id: string, value: string): void {
  const input = $(panel, id) as HTMLInputElement
  input.value = value
  input.dispatchEvent(new Event('input'))
}

async function submit(panel: CcSignInPanel): Promise<void> {
  ;($(panel, 'form') as HTMLFormElement).dispatchEvent(new Event('submit', { cancelable: true }))
  await vi.waitFor(() => expect($(panel, '[data-outcome]')).not.toBeNull())
  await settled(panel)
}

afterEach(() => {
  document.body.replaceChildren()
  localStorage.clear()
})

describe('<cc-sign-in-panel> with a fake auth client', () => {
  it("requests the chosen API's /.default and hands the token to the diagnosis with the API and operation", async () => {
    const tenant = await createTestTenant({ now: () => NOW })
    const token = await tenant.issueToken({ api: 'mde', kind: 'delegated', scopes: ['Machine.Read'] })
    const requests: TokenRequest[] = []
    const client: AuthClient = {
      acquireToken: async (r) => {
        requests.push(r)
        return {
          ok: true,
          accessToken: token,
          scopes: ['https://api.securitycenter.microsoft.com/Machine.Read'],
          interactive: true,
          account: {
            name: 'Test User',
            username: 'test.user@contoso.onmicrosoft.com',
            tenantId: tenant.tenantId,
          },
        }
      },
      signOut: vi.fn(async () => {}),
    }
    const { panel, events } = await mountWith(client)
    expect(($(panel, 'button[type="submit"]') as HTMLButtonElement).disabled).toBe(true)
    type(panel, '#si-clientId', CLIENT)
    type(panel, '#si-tenant', tenant.tenantId)
    await settled(panel)
    await submit(panel)
    expect(requests).toEqual([
      {
        clientId: CLIENT,
        tenant: tenant.tenantId,
        cloud: 'public',
        scopes: ['https://api.securitycenter.microsoft.com/.default'],
        cache: 'memory',
      },
    ])
    expect(events.acquired).toEqual([{ token, settings: { api: 'mde', operation: 'GET /api/machines' } }])
    expect(events.consent).toEqual([])
    expect($(panel, '[data-account-name]')?.textContent).toBe('Test User')
    expect(Number($(panel, '[data-granted-count]')?.getAttribute('data-granted-count'))).toBeGreaterThan(0)

    ;($(panel, 'button[data-action="sign-out"]') as HTMLButtonElement).click()
    await vi.waitFor(() => expect(events.signedOut).toBe(1))
    await settled(panel)
    expect(client.signOut).toHaveBeenCalledTimes(1)
    expect($(panel, '[data-outcome]')).toBeNull()
  })

  it("explains an AADSTS failure with core's catalogue and prefills consent for the typed tenant", async () => {
    const failure: TokenResult = {
      ok: false,
      code: 'AADSTS65001',
      message: 'AADSTS65001: The user or administrator has not consented to use the application.',
    }
    const { panel, events } = await mountWith({ acquireToken: async () => failure, signOut: async () => {} })
    type(panel, '#si-clientId', CLIENT)
    type(panel, '#si-tenant', 'contoso.onmicrosoft.com')
    await settled(panel)
    await submit(panel)
    expect($(panel, '[data-outcome="error"]')?.getAttribute('data-code')).toBe('AADSTS65001')
    expect($(panel, '[data-outcome="error"] h3')?.textContent).toContain('DelegationDoesNotExist')
    expect(events.acquired).toEqual([])
    expect(events.consent).toEqual([
      { clientId: CLIENT, tenant: 'contoso.onmicrosoft.com', cloud: 'public', api: 'mde', show: false },
    ])
    ;($(panel, 'button[data-action="consent"]') as HTMLButtonElement).click()
    expect(events.consent.at(-1)?.show).toBe(true)
  })

  it("explains MSAL's own failures (no popup) without an AADSTS code", async () => {
    const { panel } = await mountWith({
      acquireToken: async () => ({ ok: false, code: 'popups-blocked', message: 'blocked' }),
      signOut: async () => {},
    })
    type(panel, '#si-clientId', CLIENT)
    await settled(panel)
    await submit(panel)
    expect($(panel, '[data-outcome="error"]')?.getAttribute('data-code')).toBe('popups-blocked')
    expect($(panel, '[data-outcome="error"]')?.textContent).toContain(MSAL_ERROR_HELP['popups-blocked']?.fix)
  })
})
