import { beforeEach, describe, expect, inject, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { createTestTenant } from '@claimcheck/core/testing'
import { publicJwks, testKey } from '../support/mint-token.js'
import {
  DISCOVERY,
  KEYS,
  answerEntra,
  findingCodes,
  shadowText,
  loadSample,
  openApp,
  paste,
  pinPageClock,
  settledVerdict,
  verdict,
  watchConsole,
  useChromium,
} from './browser.js'
import { E2E_NOW, ENCRYPTED, GARBAGE, tokenLike } from './tokens.js'

const key = testKey()
let context: BrowserContext
let page: Page
let consoleMessages: string[]

const browser = useChromium()

beforeEach(async () => {
  await context?.close()
  context = await browser().newContext()
  page = await context.newPage()
  consoleMessages = watchConsole(page)
  await pinPageClock(page, E2E_NOW)
  await openApp(page, inject('appUrl'))
})

/** The operation box (the API is the token's own); the verdict follows after the debounce. */
async function setOperation(operation: string): Promise<void> {
  await page.locator('cc-capabilities-view #operation').fill(operation)
  await page.locator('cc-verdict-banner .operation[data-satisfied]').waitFor()
}

const operationVerdict = () =>
  page.locator('cc-verdict-banner .operation[data-satisfied]').getAttribute('data-satisfied')

describe('paste flows in Chromium', () => {
  it('healthy app-only Defender token, offline: nothing wrong but not confirmed; claims and lifetime shown', async () => {
    await page.locator('cc-inspect-view .offline input').check()
    await paste(page, tokenLike('healthy', key))
    expect(await verdict(page)).toBe('undetermined')
    expect(await findingCodes(page)).toEqual(['signature-not-checked'])
    await expect(page.locator('cc-claims-table tr[data-claim="roles"]').textContent()).resolves.toContain(
      'Machine.Isolate',
    )
    await expect(page.locator('cc-lifetime-timeline svg').getAttribute('class')).resolves.toBe('state-valid')
    // Claim explanations (core's claim reference, a lazy chunk) show on focus.
    const tid = page.locator('cc-claims-table tr[data-claim="tid"] .claim')
    await tid.focus()
    await expect(
      page.locator(`cc-claims-table #${await tid.getAttribute('aria-describedby')}`).isVisible(),
    ).resolves.toBe(true)
    expect(consoleMessages).toEqual([])
  })

  it('accepts a whole Authorization header', async () => {
    await paste(page, `Authorization: Bearer ${tokenLike('healthy', key)}`)
    expect(await verdict(page)).toBe('undetermined')
    expect(await findingCodes(page)).toContain('input-normalized')
  })

  it('expired token: refused with token-expired, timeline shows it', async () => {
    await paste(page, tokenLike('expired', key))
    expect(await verdict(page)).toBe('refused')
    expect(await findingCodes(page)).toContain('token-expired')
    await expect(page.locator('cc-lifetime-timeline svg').getAttribute('class')).resolves.toBe(
      'state-expired',
    )
  })

  it('token missing a permission: DENIED with permission-missing', async () => {
    await paste(page, tokenLike('missing-role', key))
    await setOperation('POST /api/machines/{id}/isolate')
    expect(await findingCodes(page)).toContain('permission-missing')
    await expect(operationVerdict()).resolves.toBe('false')
  })

  it('Graph token: graph-token finding explains why it cannot be verified', async () => {
    await paste(page, tokenLike('graph', key))
    expect(await findingCodes(page)).toContain('graph-token')
  })

  it('encrypted token: token-encrypted, nothing to show but the finding', async () => {
    await paste(page, ENCRYPTED)
    expect(await verdict(page)).toBe('refused')
    expect(await findingCodes(page)).toContain('token-encrypted')
    await expect(page.locator('cc-claims-table').count()).resolves.toBe(0)
  })

  it('garbage: unreadable, with the reason', async () => {
    await paste(page, GARBAGE)
    expect(await verdict(page)).toBe('refused')
    const codes = await findingCodes(page)
    expect(codes.some((c) => c === 'token-opaque' || c === 'token-malformed')).toBe(true)
  })

  it('Clear empties the box and the diagnosis', async () => {
    await paste(page, tokenLike('healthy', key))
    await page.locator('cc-token-input button', { hasText: 'Clear' }).click()
    await expect(page.locator('cc-token-input textarea').inputValue()).resolves.toBe('')
    await expect(page.locator('cc-verdict-banner [data-verdict]').count()).resolves.toBe(0)
    await expect(page.locator('cc-claims-table').count()).resolves.toBe(0)
  })

  it('a claim value that looks like HTML is shown as text, never markup', async () => {
    const t = tokenLike('healthy', key)
    const [h, , s] = t.split('.')
    const payload = Buffer.from(
      JSON.stringify({ aud: '<img src=x onerror="window.__pwned=1">', tid: '<b>bold</b>' }),
    ).toString('base64url')
    await paste(page, `${h}.${payload}.${s}`)
    await expect(page.locator('cc-claims-table tr[data-claim="aud"] td code').textContent()).resolves.toBe(
      '<img src=x onerror="window.__pwned=1">',
    )
    await expect(page.locator('cc-claims-table img').count()).resolves.toBe(0)
    await expect(page.evaluate(() => '__pwned' in window)).resolves.toBe(false)
  })
})

describe('signature verification in Chromium', () => {
  it("fetches the tenant's discovery document and key set from Entra (answered by the test) and verifies", async () => {
    const t = tokenLike('healthy', key)
    const seen = await answerEntra(page, key)
    await paste(page, t)
    await page.locator('cc-signature-panel [data-status="valid"]').waitFor()
    expect(seen).toEqual([`GET ${DISCOVERY}`, `GET ${KEYS}`])
    await expect(shadowText(page, 'cc-signature-panel')).resolves.toContain(KEYS)
    expect(consoleMessages).toEqual([])
  })

  it("verifies a delegated token minted by core's testing kit, its tenant's endpoints answered by the kit", async () => {
    const tenant = await createTestTenant({ now: () => E2E_NOW })
    await page.route('https://login.microsoftonline.com/**', async (route) => {
      const res = await tenant.fetch(route.request().url())
      await route.fulfill({
        status: res.status,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: await res.text(),
      })
    })
    const delegated = await tenant.issueToken({ api: 'mde', kind: 'delegated', scopes: ['Machine.Read'] })
    await paste(page, delegated)
    await setOperation('GET /api/machines')
    await page.locator('cc-signature-panel [data-status="valid"]').waitFor()
    await expect(shadowText(page, 'cc-verdict-banner')).resolves.toContain('Delegated (user) token')
    await expect(operationVerdict()).resolves.toBe('true')
    expect(tenant.requests.length).toBeGreaterThan(0)
  })

  it('when Entra cannot be reached, says so and verifies with a pasted key set instead', async () => {
    await page.route('https://login.microsoftonline.com/**', (route) => route.abort('internetdisconnected'))
    await paste(page, tokenLike('healthy', key))
    await page.locator('cc-findings-list [data-code="jwks-unavailable"]').waitFor()
    await page.locator('cc-signature-panel #keyset-paste').fill(JSON.stringify(publicJwks(key, 'test-kid')))
    await page.locator('cc-signature-panel button', { hasText: 'Check with this key set' }).click()
    await page.locator('cc-signature-panel [data-status="valid"]').waitFor()
    expect(await findingCodes(page)).not.toContain('jwks-unavailable')
  })
})

describe('"Try a sample" in Chromium (offline, demo key)', () => {
  it('healthy sample: works, GRANTED, and the signature verified by the bundled demo key set', async () => {
    await loadSample(page, 'healthy')
    expect(await settledVerdict(page)).toBe('works')
    await page.locator('cc-signature-panel [data-status="valid"]').waitFor()
    await expect(shadowText(page, 'cc-signature-panel')).resolves.toContain('demo key set')
    await expect(operationVerdict()).resolves.toBe('true')
    expect(consoleMessages).toEqual([])
  })

  it('expired sample', async () => {
    await loadSample(page, 'expired')
    expect(await findingCodes(page)).toContain('token-expired')
  })

  it('missing-role sample: permission-missing', async () => {
    await loadSample(page, 'missing-role')
    expect(await findingCodes(page)).toContain('permission-missing')
  })

  it('Graph sample: graph-token and the audience mismatch against Defender', async () => {
    await loadSample(page, 'graph')
    const codes = await findingCodes(page)
    expect(codes).toContain('graph-token')
    expect(codes.some((c) => c === 'audience-mismatch' || c === 'wrong-api')).toBe(true)
  })

  it('cross-tenant sample: tenant-not-allowed', async () => {
    await loadSample(page, 'cross-tenant')
    expect(await findingCodes(page)).toContain('tenant-not-allowed')
    // Its key set is never consulted: the tenant is not allowed.
    await page.locator('cc-signature-panel [data-status="not-checked"]').waitFor()
  })
})
