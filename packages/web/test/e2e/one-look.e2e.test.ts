import { beforeEach, describe, expect, inject, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { inspectToken, MDE_CATALOG } from '@claimcheck/core'
import { publicJwks, testKey } from '../support/mint-token.js'
import {
  KEYS,
  answerEntra,
  findingCodes,
  loadSample,
  openApp,
  paste,
  pinPageClock,
  runAxe,
  screenshotPath,
  settledVerdict,
  shadowText,
  useChromium,
  watchConsole,
} from './browser.js'
import { ALL_MDE_ROLES, E2E_NOW, tokenLike, tokenWith } from './tokens.js'

// Issue 13, "one look": each point of the issue, as a person meets it in Chromium. Screenshots of the main states
// are written to test-results/screenshots (CI keeps them).

const key = testKey()
const attacker = testKey()
const browser = useChromium()
let context: BrowserContext
let page: Page
let consoleMessages: string[]

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'mobile', width: 390, height: 844 },
] as const

async function open(
  viewport: { width: number; height: number } = VIEWPORTS[0],
  colorScheme: 'light' | 'dark' = 'light',
): Promise<void> {
  await context?.close()
  context = await browser().newContext({ viewport, colorScheme })
  page = await context.newPage()
  consoleMessages = watchConsole(page)
  await pinPageClock(page, E2E_NOW)
  await openApp(page, inject('appUrl'))
}

beforeEach(async () => {
  await open()
})

const inView = (selector: string) => page.locator(selector).first()

/** Whether core (on this branch) already refuses an app-only token with no roles when nothing is asked. */
const coreRefusesNoRoles = inspectToken(tokenWith(testKey(), { roles: [] }), { now: E2E_NOW }).findings.some(
  (f) => f.code === 'app-only-no-roles',
)

describe('1–2: three honest verdicts, the signature checked by default', () => {
  it("a genuine token, Entra answering: works (green), checked against the tenant's published keys", async () => {
    const seen = await answerEntra(page, key)
    await paste(page, tokenLike('healthy', key))
    expect(await settledVerdict(page)).toBe('works')
    expect(seen.every((r) => r.startsWith('GET '))).toBe(true)
    await expect(shadowText(page, 'cc-inspect-view')).resolves.toContain('Stay offline')
    expect(consoleMessages).toEqual([])
  })

  it("a forged token is never green: refused against Entra's keys, undetermined when Entra cannot be reached or offline", async () => {
    const forged = tokenLike('healthy', attacker)
    await answerEntra(page, key)
    await paste(page, forged)
    expect(await settledVerdict(page)).toBe('refused')
    expect(
      (await findingCodes(page)).some((c) => c === 'signature-invalid' || c === 'signing-key-not-found'),
    ).toBe(true)
    await page.screenshot({ path: screenshotPath('one-look-forged-refused-desktop'), fullPage: true })

    await open()
    await paste(page, forged)
    expect(await settledVerdict(page)).toBe('undetermined')
    expect(await findingCodes(page)).toContain('jwks-unavailable')
    await expect(shadowText(page, 'cc-verdict-banner')).resolves.toMatch(/could not be checked/)

    await inView('cc-inspect-view .offline input').check()
    expect(await settledVerdict(page)).toBe('undetermined')
    expect(await findingCodes(page)).toContain('signature-not-checked')
  })

  it('Entra unreachable: links the real jwks_uri (not the metadata), takes a pasted key set, and the page speaks its own language', async () => {
    await paste(page, tokenLike('healthy', key))
    expect(await settledVerdict(page)).toBe('undetermined')
    const link = inView('cc-signature-panel .paste-keys a')
    await expect(link.getAttribute('href')).resolves.toMatch(/\/discovery\/(v2\.0\/)?keys$/)
    const fix = await inView('cc-findings-list [data-code="jwks-unavailable"] .fix').textContent()
    expect(fix).not.toMatch(/--jwks|--offline|claimcheck/)
    await inView('cc-signature-panel #keyset-paste').fill(JSON.stringify(publicJwks(key, 'test-kid')))
    await inView('cc-signature-panel button[type="submit"]').click()
    expect(await settledVerdict(page)).toBe('works')
    expect(await findingCodes(page)).not.toContain('jwks-unavailable')
  })

  it('a metadata document pasted as a key set is refused with the reason', async () => {
    await paste(page, tokenLike('healthy', key))
    await settledVerdict(page)
    await inView('cc-signature-panel #keyset-paste').fill(JSON.stringify({ issuer: 'x', jwks_uri: KEYS }))
    await inView('cc-signature-panel button[type="submit"]').click()
    await expect(inView('cc-signature-panel .problem').textContent()).resolves.toMatch(/jwks_uri/)
  })
})

describe('3: what this token can do, with no input', () => {
  it("an MDE app-only token with no roles: 0 operations, and (with core's fail-closed check) refused with the admin-consent fix", async () => {
    await paste(page, tokenWith(key, { roles: [] }))
    await inView('cc-capabilities-view .headline').waitFor()
    await expect(inView('cc-capabilities-view .headline').getAttribute('data-granted')).resolves.toBe('0')
    await expect(inView('cc-capabilities-view .headline').getAttribute('data-total')).resolves.toBe(
      String(MDE_CATALOG.operations.length),
    )
    if (coreRefusesNoRoles) {
      expect(await settledVerdict(page)).toBe('refused')
      expect(await findingCodes(page)).toContain('app-only-no-roles')
      await expect(inView('cc-verdict-banner .first-finding').getAttribute('data-code')).resolves.toBe(
        'app-only-no-roles',
      )
      await expect(shadowText(page, 'cc-verdict-banner')).resolves.toMatch(/admin consent/i)
    }
    await page.screenshot({ path: screenshotPath('one-look-mde-no-roles-desktop'), fullPage: true })
  })

  it('groups every operation by area, collapsed to counts until opened', async () => {
    await paste(page, tokenWith(key, { roles: ['Alert.Read.All', 'Machine.Read.All'] }))
    const headline = inView('cc-capabilities-view .headline')
    await headline.waitFor()
    const granted = Number(await headline.getAttribute('data-granted'))
    expect(granted).toBeGreaterThan(0)
    expect(granted).toBeLessThan(MDE_CATALOG.operations.length)
    const alerts = inView('cc-capabilities-view details[data-area="Alerts"]')
    await expect(alerts.locator('tr[data-operation="GET /api/alerts"]').isVisible()).resolves.toBe(false)
    await alerts.locator('summary').click()
    await expect(
      alerts.locator('tr[data-operation="GET /api/alerts"]').getAttribute('data-granted'),
    ).resolves.toBe('true')
    await expect(
      alerts.locator('tr[data-operation="PATCH /api/alerts/{id}"]').getAttribute('data-granted'),
    ).resolves.toBe('false')
  })
})

describe('4: the operation combobox, judged as you type', () => {
  it('its verdict leads the banner within 300 ms of the last keystroke; paths, URLs and curl lines all work', async () => {
    await paste(page, tokenWith(key, { roles: ['Machine.Read.All'] }))
    const box = inView('cc-capabilities-view #operation')
    await box.waitFor()
    await expect(box.getAttribute('list')).resolves.toBe('operation-suggestions')
    await box.pressSequentially('POST /api/machines/abc/isolate', { delay: 20 })
    const typedAt = Date.now()
    const op = inView('cc-verdict-banner .operation[data-satisfied]')
    await op.waitFor({ timeout: 2000 })
    const elapsed = Date.now() - typedAt
    expect(elapsed).toBeLessThanOrEqual(300)
    await expect(op.getAttribute('data-satisfied')).resolves.toBe('false')

    await box.fill('https://api.securitycenter.microsoft.com/api/machines/abc')
    await expect.poll(() => op.getAttribute('data-satisfied')).toBe('true')
    await box.fill(
      `curl -X POST -H "Authorization: Bearer x" 'https://api.securitycenter.microsoft.com/api/machines/abc/isolate' -d '{}'`,
    )
    await expect.poll(() => op.getAttribute('data-satisfied')).toBe('false')
    expect(await findingCodes(page)).toContain('permission-missing')
  })
})

describe('5: samples are sandboxed', () => {
  it("a sample's demo tenant and key set apply to it alone; the person's own token gets their own settings", async () => {
    await loadSample(page, 'healthy')
    expect(await settledVerdict(page)).toBe('works')
    await expect(inView('cc-inspect-view .in-force').getAttribute('data-sample')).resolves.toBe('true')
    await expect(shadowText(page, 'cc-signature-panel')).resolves.toContain('demo key set')
    await page.screenshot({ path: screenshotPath('one-look-sample-desktop'), fullPage: true })

    await answerEntra(page, key)
    await paste(page, tokenWith(key, { tid: 'c0ffee00-0000-4000-a000-00000000c0de' }))
    expect(await settledVerdict(page)).toBe('works')
    await expect(inView('cc-inspect-view .in-force').getAttribute('data-sample')).resolves.toBe('false')
    await expect(inView('cc-inspect-view .in-force').textContent()).resolves.toMatch(
      /own tenant's published keys[\s\S]*any tenant/,
    )
    await expect(shadowText(page, 'cc-signature-panel')).resolves.not.toContain('demo key set')
    expect(await findingCodes(page)).not.toContain('tenant-not-allowed')
    await page.screenshot({ path: screenshotPath('one-look-own-after-sample-desktop'), fullPage: true })

    // Clear also ends the sample's frame.
    await loadSample(page, 'cross-tenant')
    await page.locator('cc-token-input button', { hasText: 'Clear' }).click()
    await paste(page, tokenLike('healthy', key))
    expect(await findingCodes(page)).not.toContain('tenant-not-allowed')
  })
})

describe('6: compact and readable', () => {
  it('the real 30-role MDE token: at most 3,200 px tall at 1280×800, verdict and summary above the fold', async () => {
    expect(ALL_MDE_ROLES).toHaveLength(30)
    await paste(page, tokenWith(key, { roles: [...ALL_MDE_ROLES] }))
    await settledVerdict(page)
    await inView('cc-capabilities-view .headline').waitFor()
    await inView('cc-claims-table .tip').waitFor({ state: 'attached' })
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    await page.screenshot({ path: screenshotPath('one-look-30-roles-desktop'), fullPage: true })
    expect(height).toBeLessThanOrEqual(3200)
    const banner = await inView('cc-verdict-banner .banner').boundingBox()
    expect(banner === null ? Infinity : banner.y + banner.height).toBeLessThanOrEqual(800)
    await expect(page.locator('cc-claims-table button.explain').count()).resolves.toBe(0)
    await page.screenshot({ path: screenshotPath('one-look-30-roles-desktop'), fullPage: true })
  })

  it('explanations show on focus (no button per row); the raw view colour-codes the three parts with copy buttons', async () => {
    await paste(page, tokenLike('healthy', key))
    const tid = inView('cc-claims-table tr[data-claim="tid"] .claim')
    await tid.waitFor()
    await expect(inView('cc-claims-table tr[data-claim="tid"] .tip').isVisible()).resolves.toBe(false)
    await tid.focus()
    await expect(inView('cc-claims-table tr[data-claim="tid"] .tip').isVisible()).resolves.toBe(true)
    await inView('cc-claims-table button[data-mode="raw"]').click()
    await expect(page.locator('cc-claims-table pre.token span').count()).resolves.toBe(3)
    await expect(page.locator('cc-claims-table cc-copy-button').count()).resolves.toBe(3)
  })

  it('the timeline stays readable for a token that expired years ago: the axis is broken', async () => {
    const issued = Math.floor(E2E_NOW.getTime() / 1000) - 3 * 365 * 86_400
    await paste(page, tokenWith(key, { iat: issued, nbf: issued, exp: issued + 3600 }))
    await inView('cc-lifetime-timeline svg').waitFor()
    await expect(page.locator('cc-lifetime-timeline svg .break').count()).resolves.toBe(1)
    const bar = await inView('cc-lifetime-timeline svg rect.valid').boundingBox()
    expect(bar?.width ?? 0).toBeGreaterThan(100)
    await page.screenshot({ path: screenshotPath('one-look-expired-years-desktop'), fullPage: true })
  })
})

describe('7: each surface speaks its own language', () => {
  it('API reference: an empty-search state with a way back', async () => {
    await page.locator('nav [data-view="reference"]').click()
    await inView('cc-reference-view #q').fill('no such thing anywhere')
    await inView('cc-reference-view [data-empty]').waitFor()
    await expect(page.locator('cc-reference-view section').count()).resolves.toBe(0)
    await inView('cc-reference-view [data-empty] button').click()
    await expect.poll(() => page.locator('cc-reference-view section').count()).toBeGreaterThan(0)
  })

  it('a disabled Sign-in button looks disabled and says why', async () => {
    await page.locator('cc-inspect-view details.signin summary').click()
    const button = inView('cc-sign-in-panel button[type="submit"]')
    await button.waitFor()
    await expect(button.isDisabled()).resolves.toBe(true)
    const look = await button.evaluate((b) => ({
      cursor: getComputedStyle(b).cursor,
      border: getComputedStyle(b).borderStyle,
    }))
    expect(look).toEqual({ cursor: 'not-allowed', border: 'dashed' })
    await expect(inView('cc-sign-in-panel #si-why-disabled').textContent()).resolves.toMatch(/client\) ID/)
    await expect(button.getAttribute('aria-describedby')).resolves.toBe('si-why-disabled')
  })
})

describe('screenshots and axe at 1280 and 390 px, light and dark', () => {
  const states: readonly [string, () => Promise<void>][] = [
    [
      'forged',
      async () => {
        await answerEntra(page, key)
        await paste(page, tokenLike('healthy', attacker))
      },
    ],
    [
      'expired',
      async () => {
        await paste(page, tokenLike('expired', key))
      },
    ],
    [
      'mde-no-roles',
      async () => {
        await paste(page, tokenWith(key, { roles: [] }))
      },
    ],
    [
      'sample-then-own',
      async () => {
        await loadSample(page, 'healthy')
        await answerEntra(page, key)
        await paste(page, tokenLike('healthy', key))
      },
    ],
  ]
  for (const vp of VIEWPORTS) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${vp.name}, ${theme}: no serious or critical violation, nothing wider than the viewport`, async () => {
        const failures: string[] = []
        for (const [name, show] of states) {
          await open(vp, theme)
          await show()
          await settledVerdict(page)
          await inView('cc-capabilities-view').waitFor({ state: 'attached' })
          for (const v of await runAxe(page)) {
            if (v.impact === 'serious' || v.impact === 'critical')
              failures.push(`${name}: ${v.id} (${v.impact}) ${v.help} ×${v.nodes}`)
          }
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          )
          expect(overflow, `${name} scrolls sideways at ${vp.width} px`).toBeLessThanOrEqual(0)
          await page.screenshot({
            path: screenshotPath(`one-look-${name}-${theme}-${vp.name}`),
            fullPage: true,
          })
        }
        expect(failures).toEqual([])
        expect(consoleMessages).toEqual([])
      }, 120_000)
    }
  }
})
