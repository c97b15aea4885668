import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { testKey } from '../support/mint-token.js'
import {
  answerEntra,
  openApp,
  paste,
  pinPageClock,
  screenshotPath,
  settledVerdict,
  shadowText,
  useChromium,
  watchConsole,
} from './browser.js'
import { E2E_NOW, tokenWith } from './tokens.js'

// Issue 23: the page says who calls, in words. Screenshots at 1280×800 and 390×844 in test-results/screenshots.

const key = testKey()
const browser = useChromium()
const BLUEPRINT = '30cf4c22-9985-4ef7-8756-91cc888176bd'
const TENANT = 'c0ffee00-0000-4000-a000-00000000c0de'

/** Microsoft's autonomous-agent sample shape: no idtyp here, oid ≠ sub, scp "/". */
const autonomous = () =>
  tokenWith(key, {
    idtyp: undefined,
    sub: 'cccccccc-1111-2222-3333-444444444444',
    scp: '/',
    appidacr: '2',
    xms_act_fct: '3 9 11',
    xms_sub_fct: '9 3 11',
    xms_tnt_fct: '3 9',
    xms_idrel: '7',
    xms_par_app_azp: BLUEPRINT,
  })
const forUser = () =>
  tokenWith(key, {
    idtyp: 'user',
    sub: 'pairwise-subject-of-the-user',
    upn: 'adele.vance@contoso.example',
    scp: 'Machine.Read',
    roles: undefined,
    xms_act_fct: '11',
    xms_idrel: '1',
    xms_par_app_azp: BLUEPRINT,
  })
const ciam = () => tokenWith(key, { iss: `https://${TENANT}.ciamlogin.com/${TENANT}/v2.0`, ver: '2.0' })

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'mobile', width: 390, height: 844 },
] as const

let context: BrowserContext
let page: Page
let consoleMessages: string[]

async function open(viewport: { width: number; height: number }): Promise<void> {
  await context?.close()
  context = await browser().newContext({ viewport })
  page = await context.newPage()
  consoleMessages = watchConsole(page)
  await pinPageClock(page, E2E_NOW)
  await answerEntra(page, key)
  await openApp(page, inject('appUrl'))
}

beforeAll(async () => {
  await open(VIEWPORTS[0])
})
afterAll(async () => {
  await context?.close()
})

const callerLine = async () =>
  page
    .locator('cc-verdict-banner p.caller')
    .evaluate((el) => ({ text: el.textContent ?? '', agent: el.getAttribute('data-agent') }))

describe('the page names AI agents and External ID in words', () => {
  for (const vp of VIEWPORTS) {
    it(`an autonomous agent at ${vp.width}×${vp.height}`, async () => {
      await open(vp)
      await paste(page, autonomous())
      await settledVerdict(page)
      const line = await callerLine()
      expect(line.agent).toBe('autonomous')
      expect(line.text).toMatch(
        /^AI agent [0-9a-f-]{36} \(blueprint 30cf4c22-9985-4ef7-8756-91cc888176bd\) acting as itself$/,
      )
      expect(await shadowText(page, 'cc-verdict-banner')).toContain('App-only token')
      // On a phone the banner sits below the input: bring it into view, as a reader scrolls to it.
      await page.locator('cc-verdict-banner').scrollIntoViewIfNeeded()
      await page.screenshot({ path: screenshotPath(`agent-autonomous-${vp.name}`), fullPage: false })
      expect(consoleMessages).toEqual([])
    })
  }

  it('an agent acting for a user names both', async () => {
    await open(VIEWPORTS[0])
    await paste(page, forUser())
    await settledVerdict(page)
    const line = await callerLine()
    expect(line.agent).toBe('on-behalf-of-user')
    expect(line.text).toMatch(/AI agent [0-9a-f-]{36} .*acting for user adele\.vance@contoso\.example/)
    await page.screenshot({ path: screenshotPath('agent-for-user-desktop') })
  })

  it('an External ID (ciamlogin.com) token is recognised, with no issuer error', async () => {
    await open(VIEWPORTS[0])
    await paste(page, ciam())
    // Diagnosis verifies it on the tenant's own ciamlogin.com host, never refuses it for its issuer. The page's CSP
    // allows only the workforce sign-in hosts, so here the keys cannot be had: undetermined, not refused.
    expect(await settledVerdict(page)).not.toBe('refused')
    expect((await callerLine()).text).toContain('Microsoft Entra External ID')
    const codes = await page
      .locator('cc-findings-list [data-code]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))
    expect(codes).not.toContain('issuer-not-entra')
    await page.screenshot({ path: screenshotPath('external-id-desktop') })
  })
})
