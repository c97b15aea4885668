import { beforeEach, describe, expect, inject, it } from 'vitest'
import type { BrowserContext, Page, Request } from 'playwright-core'
import { createTestTenant, type TestTenant } from '@claimcheck/core/testing'
import { findingCodes, openApp, runAxe, screenshotPath, watchConsole, useChromium } from './browser.js'
import { answerEntraSignIn, tokenPieces, type TokenAnswer } from './entra-sign-in.js'

const CLIENT_ID = '0a1b2c3d-0000-4000-a000-00000000c1d0'
const MDE = 'https://api.securitycenter.microsoft.com'

let context: BrowserContext
let page: Page
let tenant: TestTenant
let consoleMessages: string[]
let scripts: string[]
let sent: { url: string; headers: string; body: string }[]
let pending: Promise<void>[]

const browser = useChromium()

beforeEach(async () => {
  await context?.close()
  context = await browser().newContext()
  tenant = await createTestTenant()
  scripts = []
  sent = []
  pending = []
  // Every request of the page and its sign-in window: scripts for the lazy-loading check, all for the leak check.
  context.on('request', (r: Request) => {
    if (r.resourceType() === 'script') scripts.push(r.url())
    pending.push(
      (async () => {
        sent.push({ url: r.url(), headers: JSON.stringify(await r.allHeaders()), body: r.postData() ?? '' })
      })(),
    )
  })
  page = await context.newPage()
  consoleMessages = watchConsole(page)
  await openApp(page, inject('appUrl'))
})

/** Delegated v1 token for Defender for Endpoint with these scopes, for the app that signed in. */
function delegated(scopes: string[]): TokenAnswer {
  return {
    accessToken: () => tenant.issueToken({ api: 'mde', kind: 'delegated', scopes, clientId: CLIENT_ID }),
  }
}

async function openSignIn(): Promise<void> {
  await page.locator('cc-inspect-view details.signin summary').click()
  await page.locator('cc-sign-in-panel #si-clientId').waitFor()
}

async function fillSignIn(operation = 'GET /api/machines'): Promise<void> {
  await page.locator('cc-sign-in-panel #si-clientId').fill(CLIENT_ID)
  await page.locator('cc-sign-in-panel #si-tenant').fill(tenant.tenantId)
  await page.locator('cc-sign-in-panel #si-api').selectOption('mde')
  const op = page.locator('cc-sign-in-panel #si-operation')
  await op.fill(operation)
  await op.dispatchEvent('change')
}

async function signIn(): Promise<void> {
  await page.locator('cc-sign-in-panel button[type="submit"]').click()
  await page.locator('cc-sign-in-panel [data-outcome]').waitFor({ timeout: 20_000 })
}

/** Everything the browser keeps for this origin: storage, IndexedDB, cookies. */
async function kept(): Promise<{
  text: string
  local: number
  session: string[]
  indexedDb: string[]
  cookies: number
}> {
  const inPage = await page.evaluate(async () => {
    const dump = (s: Storage) =>
      Object.fromEntries(
        Array.from({ length: s.length }, (_, i) => s.key(i) as string).map((k) => [k, s.getItem(k)]),
      )
    const dbs = await indexedDB.databases()
    return {
      local: dump(localStorage),
      session: dump(sessionStorage),
      cookie: document.cookie,
      indexedDb: dbs.map((d) => d.name ?? ''),
    }
  })
  const cookies = await context.cookies()
  return {
    text: JSON.stringify({ ...inPage, cookies }),
    local: Object.keys(inPage.local).length,
    session: Object.keys(inPage.session),
    indexedDb: inPage.indexedDb,
    cookies: cookies.length,
  }
}

describe('sign-in with MSAL in Chromium (Entra answered by the test)', () => {
  it('popup sign-in → token for Defender for Endpoint → diagnosis with the granted operations; MSAL loads only on "Sign in"', async () => {
    const entra = await answerEntraSignIn(
      context,
      tenant,
      new URL(inject('appUrl')).origin,
      delegated(['Machine.Read', 'Alert.Read']),
    )
    await openSignIn()
    expect(
      await runAxe(page).then((v) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical')),
    ).toEqual([])
    await fillSignIn()
    // The panel is loaded, MSAL is not: nothing MSAL-bearing has been fetched before "Sign in".
    expect(scripts.some((s) => s.includes('sign-in-panel'))).toBe(true)
    expect(scripts.filter((s) => /msal|CacheKeys/.test(s))).toEqual([])
    expect(entra.requests).toEqual([])

    const popup = context.waitForEvent('page')
    await signIn()
    await popup
    expect(scripts.some((s) => s.includes('msal-auth-client'))).toBe(true)
    await expect(page.locator('cc-sign-in-panel [data-outcome]').getAttribute('data-outcome')).resolves.toBe(
      'ok',
    )

    // The authorize request: this page's redirect bridge, PKCE, Defender's /.default (MSAL adds the OIDC scopes).
    expect(entra.authorize).toHaveLength(1)
    const auth = entra.authorize[0]!
    expect(auth.clientId).toBe(CLIENT_ID)
    expect(auth.redirectUri).toBe(new URL('redirect.html', inject('appUrl')).href)
    expect(auth.scope.split(' ')).toContain(`${MDE}/.default`)
    expect(auth.codeChallenge).not.toBe('')
    expect(entra.token.map((t) => t.grantType)).toEqual(['authorization_code'])
    expect(entra.token[0]!.body.get('code_verifier')).toBeTruthy()

    // The account from the ID token, and what the token grants.
    await expect(page.locator('cc-sign-in-panel [data-account-name]').textContent()).resolves.toBe(
      tenant.user.name,
    )
    await expect(page.locator('cc-sign-in-panel [data-account-tenant]').textContent()).resolves.toBe(
      tenant.tenantId,
    )
    const grantedCount = Number(
      await page.locator('cc-sign-in-panel [data-granted-count]').getAttribute('data-granted-count'),
    )
    expect(grantedCount).toBeGreaterThan(0)
    await expect(
      page.locator('cc-sign-in-panel [data-granted-operation="GET /api/machines"]').count(),
    ).resolves.toBe(1)
    await expect(
      page.locator('cc-sign-in-panel [data-granted-operation="POST /api/machines/{id}/isolate"]').count(),
    ).resolves.toBe(0)

    // The token went straight into the diagnosis, with the API and operation set.
    const accessToken = entra.issued[0]!
    await expect(page.locator('cc-token-input textarea').inputValue()).resolves.toBe(accessToken)
    await expect(page.locator('cc-capabilities-view #operation').inputValue()).resolves.toBe(
      'GET /api/machines',
    )
    await expect(
      page.locator('cc-verdict-banner .operation[data-satisfied]').getAttribute('data-satisfied'),
    ).resolves.toBe('true')
    expect(await findingCodes(page)).not.toContain('permission-missing')
    expect(
      await runAxe(page).then((v) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical')),
    ).toEqual([])
    await page.screenshot({ path: screenshotPath('sign-in-ok'), fullPage: true })

    // A second press: MSAL answers from its cache (silent), no new sign-in window, no new authorize request.
    await page.locator('cc-sign-in-panel button[type="submit"]').click()
    await page.locator('cc-sign-in-panel [data-outcome="ok"]').waitFor()
    expect(entra.authorize).toHaveLength(1)

    // The page never sends the access token anywhere.
    await Promise.all(pending)
    for (const r of sent) {
      for (const piece of tokenPieces(accessToken)) {
        expect(
          r.url.includes(piece) || r.headers.includes(piece) || r.body.includes(piece),
          `access token in a request to ${r.url}`,
        ).toBe(false)
      }
    }
    expect(consoleMessages).toEqual([])
  })

  it('sign-out forgets the tokens: nothing token-bearing in localStorage, sessionStorage, IndexedDB or cookies', async () => {
    const entra = await answerEntraSignIn(
      context,
      tenant,
      new URL(inject('appUrl')).origin,
      delegated(['Machine.Read']),
    )
    await openSignIn()
    await fillSignIn()
    await signIn()
    await expect(page.locator('cc-sign-in-panel [data-outcome]').getAttribute('data-outcome')).resolves.toBe(
      'ok',
    )
    // Memory cache: even while signed in, no token is in storage.
    const during = await kept()
    for (const token of entra.issued)
      for (const piece of tokenPieces(token)) expect(during.text.includes(piece)).toBe(false)

    await page.locator('cc-sign-in-panel button[data-action="sign-out"]').click()
    // Sign-out is asynchronous (MSAL clears its cache first): wait for the panel to drop the outcome, then check.
    await page.locator('cc-sign-in-panel [data-outcome]').waitFor({ state: 'detached', timeout: 10_000 })
    await expect
      .poll(() => page.locator('cc-token-input textarea').inputValue(), { timeout: 10_000 })
      .toBe('')
    await expect
      .poll(() => page.locator('cc-sign-in-panel button[data-action="sign-out"]').isDisabled(), {
        timeout: 10_000,
      })
      .toBe(true)
    const after = await kept()
    for (const token of entra.issued)
      for (const piece of tokenPieces(token))
        expect(after.text.includes(piece), 'token in storage after sign-out').toBe(false)
    expect(after.local).toBe(0)
    expect(after.cookies).toBe(0)
    // MSAL's own temporary entries (PKCE verifier, request state) are gone too.
    expect(after.session).toEqual([])
    expect(after.indexedDb).toEqual([])

    // Signing in again after sign-out needs the sign-in window again: the cache is really gone.
    await signIn()
    await page.locator('cc-sign-in-panel [data-outcome="ok"]').waitFor()
    expect(entra.authorize).toHaveLength(2)
    expect(consoleMessages).toEqual([])
  })

  it("a token missing the operation's permission → permission-missing, and the consent builder prefilled for the tenant and app", async () => {
    await answerEntraSignIn(context, tenant, new URL(inject('appUrl')).origin, delegated(['Alert.Read']))
    await openSignIn()
    await fillSignIn('GET /api/machines')
    await signIn()
    await expect(
      page.locator('cc-verdict-banner .operation[data-satisfied]').getAttribute('data-satisfied'),
    ).resolves.toBe('false')
    expect(await findingCodes(page)).toContain('permission-missing')
    await page.locator('cc-sign-in-panel button[data-action="consent"]').click()
    await page.locator('cc-consent-view #clientId').waitFor()
    await expect(page.locator('nav [data-view="consent"]').getAttribute('aria-current')).resolves.toBe('page')
    await expect
      .poll(() => page.locator('cc-consent-view #clientId').inputValue(), { timeout: 10_000 })
      .toBe(CLIENT_ID)
    await expect
      .poll(() => page.locator('cc-consent-view #tenant').inputValue(), { timeout: 10_000 })
      .toBe(tenant.tenantId)
    await expect(page.locator('cc-consent-view #api').inputValue()).resolves.toBe('mde')
    const link = new URL(await page.locator('cc-consent-view #consent-url').inputValue())
    expect(link.pathname).toBe(`/${tenant.tenantId}/v2.0/adminconsent`)
    expect(link.searchParams.get('client_id')).toBe(CLIENT_ID)
    expect(consoleMessages).toEqual([])
  })

  it('an AADSTS error from the token endpoint is explained, and consent-required leads to the prefilled consent builder', async () => {
    const entra = await answerEntraSignIn(context, tenant, new URL(inject('appUrl')).origin, {
      status: 400,
      error: {
        error: 'invalid_grant',
        error_description: `AADSTS65001: The user or administrator has not consented to use the application with ID '${CLIENT_ID}'. Send an interactive authorization request for this user and resource. Trace ID: 0f0f0f0f-0000-4000-a000-000000000000 Correlation ID: 1e1e1e1e-0000-4000-a000-000000000000 Timestamp: 2026-01-01 00:00:00Z`,
        error_codes: [65001],
        timestamp: '2026-01-01 00:00:00Z',
        trace_id: '0f0f0f0f-0000-4000-a000-000000000000',
        correlation_id: '1e1e1e1e-0000-4000-a000-000000000000',
        suberror: 'consent_required',
      },
    })
    await openSignIn()
    await fillSignIn()
    await signIn()
    const outcome = page.locator('cc-sign-in-panel [data-outcome="error"]')
    await expect(outcome.getAttribute('data-code')).resolves.toBe('AADSTS65001')
    await expect(outcome.locator('h3').textContent()).resolves.toContain('DelegationDoesNotExist')
    await expect(outcome.textContent()).resolves.not.toContain('Trace ID')
    expect(entra.token).toHaveLength(1)
    await expect(page.locator('cc-token-input textarea').inputValue()).resolves.toBe('')
    expect(
      await runAxe(page).then((v) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical')),
    ).toEqual([])
    await page.locator('cc-sign-in-panel button[data-action="consent"]').click()
    await expect
      .poll(() => page.locator('cc-consent-view #clientId').inputValue(), { timeout: 10_000 })
      .toBe(CLIENT_ID)
    await expect
      .poll(() => page.locator('cc-consent-view #tenant').inputValue(), { timeout: 10_000 })
      .toBe(tenant.tenantId)
    // Chromium itself reports the 400 from the token endpoint; the page logs nothing.
    expect(consoleMessages.filter((m) => !m.startsWith('console.error: Failed to load resource'))).toEqual([])
  })

  it('remembers the non-secret settings only when asked, and unticking erases them', async () => {
    await openSignIn()
    await fillSignIn()
    expect((await kept()).local).toBe(0)
    await page.locator('cc-sign-in-panel #si-remember').check()
    const stored = await page.evaluate(
      () => JSON.parse(localStorage.getItem('claimcheck.sign-in') ?? 'null') as Record<string, unknown>,
    )
    expect(stored).toMatchObject({
      clientId: CLIENT_ID,
      tenant: tenant.tenantId,
      cloud: 'public',
      api: 'mde',
      cache: 'memory',
    })
    await page.reload()
    await openSignIn()
    await expect(page.locator('cc-sign-in-panel #si-clientId').inputValue()).resolves.toBe(CLIENT_ID)
    await expect(page.locator('cc-sign-in-panel #si-remember').isChecked()).resolves.toBe(true)
    await page.locator('cc-sign-in-panel #si-remember').uncheck()
    expect((await kept()).local).toBe(0)
  })
})
