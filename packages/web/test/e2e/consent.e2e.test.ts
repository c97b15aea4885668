import { beforeEach, describe, expect, inject, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import {
  CONSENT_CLIENT_ID as CLIENT_ID,
  CONSENT_CUSTOMER as CUSTOMER,
  fillConsent,
  openApp,
  watchConsole,
  useChromium,
} from './browser.js'

let context: BrowserContext
let page: Page
let consoleMessages: string[]

const browser = useChromium()

beforeEach(async () => {
  await context?.close()
  context = await browser().newContext()
  page = await context.newPage()
  consoleMessages = watchConsole(page)
  await openApp(page, inject('appUrl'))
  await page.locator('nav [data-view="consent"]').click()
  await page.locator('cc-consent-view #clientId').waitFor()
})

describe('consent view in Chromium', () => {
  it("keeps the link's state for the tab's life, so the redirect reader can still check it after a reload", async () => {
    const state = await page.locator('cc-consent-view #state').inputValue()
    expect(state).toMatch(/^[0-9a-f]{32}$/)
    await page.reload()
    await page.locator('nav [data-view="consent"]').click()
    await expect(page.locator('cc-consent-view #state').inputValue()).resolves.toBe(state)
    // Another tab (a new context here) gets its own.
    const other = await (await browser().newContext()).newPage()
    await openApp(other, inject('appUrl'))
    await other.locator('nav [data-view="consent"]').click()
    await expect(other.locator('cc-consent-view #state').inputValue()).resolves.not.toBe(state)
    await other.context().close()
  })

  it('builds the v2 admin-consent link for the customer tenant, with what the admin approves', async () => {
    await fillConsent(page)
    const url = new URL(await page.locator('cc-consent-view #consent-url').inputValue())
    expect(url.origin + url.pathname).toBe(`https://login.microsoftonline.com/${CUSTOMER}/v2.0/adminconsent`)
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID)
    expect(url.searchParams.get('scope')).toBe('https://api.securitycenter.microsoft.com/.default')
    const state = await page.locator('cc-consent-view #state').inputValue()
    expect(url.searchParams.get('state')).toBe(state)
    await expect(page.locator('cc-consent-view .result p').nth(0).textContent()).resolves.toBeTruthy()
    // Government cloud and the other Defender API.
    await page.locator('cc-consent-view #cloud').selectOption('usgov')
    await page.locator('cc-consent-view #api').selectOption('m365d')
    const gov = new URL(await page.locator('cc-consent-view #consent-url').inputValue())
    expect(gov.origin).toBe('https://login.microsoftonline.us')
    expect(gov.searchParams.get('scope')).toBe('https://api-gov.security.microsoft.us/.default')
    expect(consoleMessages).toEqual([])
  })

  it('shows findings instead of a link for an invalid client ID', async () => {
    await page.locator('cc-consent-view #clientId').fill('not-a-guid')
    await expect(page.locator('cc-consent-view #consent-url').count()).resolves.toBe(0)
    await expect(page.locator('cc-consent-view [data-code="client-id-invalid"]').count()).resolves.toBe(1)
  })

  it('copies the link', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await fillConsent(page)
    await page.locator('cc-consent-view cc-copy-button button', { hasText: 'Copy link' }).click()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(await page.locator('cc-consent-view #consent-url').inputValue())
  })

  it('reads a successful redirect, checking the state', async () => {
    await fillConsent(page)
    const state = await page.locator('cc-consent-view #state').inputValue()
    await page
      .locator('cc-redirect-reader #redirect')
      .fill(`https://app.example.com/consent/callback?admin_consent=True&tenant=${CUSTOMER}&state=${state}`)
    await expect(page.locator('cc-redirect-reader [data-ok]').getAttribute('data-ok')).resolves.toBe('true')
    await expect(
      page.locator('cc-redirect-reader [data-code="consent-tenant-untrusted"]').count(),
    ).resolves.toBe(1)
    await page
      .locator('cc-redirect-reader #redirect')
      .fill(`https://app.example.com/consent/callback?admin_consent=True&tenant=${CUSTOMER}&state=forged`)
    await expect(
      page.locator('cc-redirect-reader [data-code="consent-state-mismatch"]').count(),
    ).resolves.toBe(1)
  })

  it('explains a declined consent from the redirect', async () => {
    await page
      .locator('cc-redirect-reader #redirect')
      .fill(
        'https://app.example.com/consent/callback?error=access_denied&error_description=AADSTS65004%3A+User+declined+to+consent+to+access+the+app.',
      )
    await expect(page.locator('cc-redirect-reader [data-ok]').getAttribute('data-ok')).resolves.toBe('false')
    await expect(page.locator('cc-redirect-reader h3 code').textContent()).resolves.toBe('AADSTS65004')
  })

  it('looks up an AADSTS code in an error message', async () => {
    await page
      .locator('cc-aadsts-lookup #aadsts')
      .fill("AADSTS700016: Application with identifier 'x' was not found in the directory 'y'.")
    await expect(page.locator('cc-aadsts-lookup [data-aadsts]').getAttribute('data-aadsts')).resolves.toBe(
      'AADSTS700016',
    )
  })

  it('writes the token request snippets with a placeholder, never a secret', async () => {
    await fillConsent(page)
    const snippets = await page.locator('cc-consent-view pre.snippet').allTextContents()
    expect(snippets).toHaveLength(3)
    expect(snippets[0]).toContain(`https://login.microsoftonline.com/${CUSTOMER}/oauth2/v2.0/token`)
    for (const s of snippets) expect(s).toContain('CLIENT_SECRET')
  })
})
