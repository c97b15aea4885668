import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { KeyObject } from 'node:crypto'
import { afterAll, beforeAll } from 'vitest'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { publicJwks } from '../support/mint-token.js'

export const CHROMIUM = '/usr/bin/chromium'
export const RESULTS_DIR = fileURLToPath(new URL('../../test-results', import.meta.url))

/** Debian's Chromium, never a downloaded browser. Fails loudly when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium; .ci/run does this). They never download a browser.`,
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  })
}

/**
 * One Chromium per test file: launched before the file's tests, closed after them. Returns a getter, read inside
 * tests and hooks (the browser exists only once beforeAll has run).
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchChromium()
  }, 30_000)
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (browser === undefined) throw new Error('Chromium is not running yet: use it inside a test or a hook.')
    return browser
  }
}

/** Console output and page errors: the page must log nothing (tokens must never reach a console). */
export function watchConsole(page: Page): string[] {
  const messages: string[] = []
  page.on('console', (m) => {
    // Chromium's own network log for an Entra request the test disconnected is not the page logging.
    if (m.text().startsWith('Failed to load resource') && ENTRA_HOSTS.test(m.location().url)) return
    messages.push(`console.${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`))
  return messages
}

/** Pins Date in the page to the tests' instant (timers keep running), so diagnoses never depend on the wall clock. */
export async function pinPageClock(page: Page, now: Date): Promise<void> {
  await page.clock.setFixedTime(now)
}

/** Entra's sign-in hosts: tests have no network, so the page's signature check meets a disconnected Entra unless a test answers it. */
export const ENTRA_HOSTS =
  /^https:\/\/login\.(microsoftonline\.(com|us)|partner\.microsoftonline\.cn|chinacloudapi\.cn)\//

const disconnected = new WeakSet<BrowserContext>()

export async function openApp(page: Page, url: string): Promise<void> {
  // On the context, once: a test's own answers take precedence (page routes always, context routes added later).
  if (!disconnected.has(page.context())) {
    disconnected.add(page.context())
    await page.context().route(ENTRA_HOSTS, (route) => route.abort('internetdisconnected'))
  }
  await page.goto(url)
  await page.locator('cc-token-input textarea').waitFor()
}

/** What a paste does: one input event carrying the whole text. */
export async function paste(page: Page, text: string): Promise<void> {
  const box = page.locator('cc-token-input textarea')
  await box.focus()
  await page.keyboard.press('Control+A')
  await page.keyboard.insertText(text)
}

/** The verdict once the signature check (if any) has finished: the banner no longer says it is checking. */
export async function settledVerdict(page: Page): Promise<string | null> {
  await page.locator('cc-verdict-banner [data-verdict]').waitFor()
  await page.waitForFunction(() => {
    const root = document
      .querySelector('claimcheck-app')
      ?.shadowRoot?.querySelector('cc-inspect-view')
      ?.shadowRoot?.querySelector('cc-verdict-banner')?.shadowRoot
    return root?.querySelector('[data-verdict]') !== null && root?.querySelector('.checking') === null
  })
  return verdict(page)
}

export async function verdict(page: Page): Promise<string | null> {
  return page.locator('cc-verdict-banner [data-verdict]').getAttribute('data-verdict')
}

export async function findingCodes(page: Page): Promise<string[]> {
  // The findings come with the verdict (which waits for the token's permission catalog).
  await page.locator('cc-verdict-banner [data-verdict]').waitFor()
  return page
    .locator('cc-findings-list [data-code]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''))
}

/** The rendered text of a component (its shadow root), for assertions on what the user reads. */
export async function shadowText(page: Page, selector: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => el.shadowRoot?.textContent ?? '')
}

export async function loadSample(page: Page, id: string): Promise<void> {
  const samples = page.locator('cc-inspect-view details.samples')
  if ((await samples.getAttribute('open')) === null)
    await page.locator('cc-inspect-view details.samples summary').click()
  await page.locator(`cc-sample-picker [data-sample="${id}"]`).click()
  await page.locator('cc-verdict-banner [data-verdict]').waitFor()
}

const require = createRequire(import.meta.url)

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: number
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/**
 * Runs axe-core (from node_modules, not a CDN) on the page as it is now. Evaluated through the DevTools protocol,
 * which the page's CSP does not govern, so the policy under test stays exactly as shipped.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[]
          }>
        }
      }
    ).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }))
  })
}

export function screenshotPath(name: string): string {
  mkdirSync(join(RESULTS_DIR, 'screenshots'), { recursive: true })
  return join(RESULTS_DIR, 'screenshots', `${name}.png`)
}

export const CONSENT_CLIENT_ID = '0a1b2c3d-0000-4000-a000-00000000c1d0'
export const CONSENT_CUSTOMER = 'c0ffee00-0000-4000-a000-00000000c0de'

/** Fills the builder as a partner onboarding Contoso would. */
export async function fillConsent(p: Page): Promise<void> {
  await p.locator('cc-consent-view #clientId').fill(CONSENT_CLIENT_ID)
  await p.locator('cc-consent-view #tenant').fill(CONSENT_CUSTOMER)
  await p.locator('cc-consent-view #redirectUri').fill('https://app.example.com/consent/callback')
}

const TENANT = 'c0ffee00-0000-4000-a000-00000000c0de'
export const DISCOVERY = `https://login.microsoftonline.com/${TENANT}/.well-known/openid-configuration`
export const KEYS = `https://login.microsoftonline.com/${TENANT}/discovery/keys`

/**
 * Answers the Entra sign-in host inside the browser (no network): the tenant's v1 discovery document and a key set
 * with `key`'s public half. Returns the requests seen, as "METHOD url".
 */
export async function answerEntra(page: Page, key: KeyObject): Promise<string[]> {
  const seen: string[] = []
  await page.route('https://login.microsoftonline.com/**', async (route) => {
    const url = route.request().url()
    seen.push(`${route.request().method()} ${url}`)
    const body =
      url === DISCOVERY
        ? { issuer: `https://sts.windows.net/${TENANT}/`, jwks_uri: KEYS }
        : url === KEYS
          ? publicJwks(key, 'test-kid')
          : null
    if (body === null) return route.fulfill({ status: 404, body: '' })
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify(body),
    })
  })
  return seen
}
