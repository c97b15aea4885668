import { writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { generateKeyPairSync } from 'node:crypto'
import {
  ENTRA_HOSTS,
  RESULTS_DIR,
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
  verdict,
  watchConsole,
} from './browser.js'
import { E2E_NOW, tokenLike, tokenWith } from './tokens.js'
import { testKey } from '../support/mint-token.js'

// Issue 24, point 5: the catalogs as lazy chunks (the verdict waits for them), the verdict in the first screen at
// 390×844, a custom-API token's roles and scopes, a custom catalog, deep links, and a banner that opens with the
// verdict. Screenshots of real-shaped pastes at both sizes go to test-results/screenshots (a CI artifact).

const browser = useChromium()
const key = testKey()
const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey

const DESKTOP = { width: 1280, height: 800 }
const MOBILE = { width: 390, height: 844 }

const ORDERS = {
  id: 'contoso-orders',
  name: 'Contoso Orders API',
  appId: '6e5d4c3b-2a19-4807-b6a5-948372615041',
  identifierUris: ['api://contoso-orders'],
  hosts: ['orders.contoso.example'],
  permissions: [
    { value: 'Orders.Read.All', kind: 'application', id: null },
    { value: 'Orders.ReadWrite.All', kind: 'application', id: null, includes: ['Orders.Read.All'] },
  ],
  operations: [
    {
      method: 'GET',
      path: '/orders/{id}',
      application: ['Orders.Read.All', 'Orders.ReadWrite.All'],
      delegated: [],
    },
    { method: 'DELETE', path: '/orders/{id}', application: ['Orders.ReadWrite.All'], delegated: [] },
  ],
}

async function open(
  viewport: { width: number; height: number },
  colorScheme: 'light' | 'dark' = 'light',
  hash = '',
): Promise<Page> {
  const context = await (browser() as Browser).newContext({ viewport, colorScheme })
  const page = await context.newPage()
  await pinPageClock(page, E2E_NOW)
  if (hash === '') await openApp(page, inject('appUrl'))
  else {
    // A deep link opens another view: the token box is there but hidden.
    await page.context().route(ENTRA_HOSTS, (route) => route.abort('internetdisconnected'))
    await page.goto(`${inject('appUrl')}${hash}`)
    await page.locator('nav [data-view]').first().waitFor()
  }
  return page
}

const bannerBox = (page: Page) => page.locator('cc-verdict-banner .banner').first().boundingBox()

describe('each catalog is its own chunk, and the verdict waits for it', () => {
  it('no catalog before a paste; a Graph token loads the Graph catalog before any verdict shows', async () => {
    const page = await open(DESKTOP)
    const chunks: string[] = []
    page.on('request', (r) => {
      const m = /\/assets\/(mde|m365d|graph)-[^/]+\.js$/.exec(r.url())
      if (m !== null) chunks.push(m[1] as string)
    })
    expect(chunks).toEqual([])
    // Hold the Graph chunk back: while it is out, the banner shows no verdict at all (never a wrong one first).
    let release = (): void => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(/\/assets\/graph-[^/]+\.js$/, async (route) => {
      await held
      await route.continue()
    })
    await paste(page, tokenLike('graph', key))
    await page.locator('cc-inspect-view .catalog-wait').waitFor()
    await expect(shadowText(page, 'cc-inspect-view')).resolves.toContain(
      'Loading the permission catalog for Microsoft Graph',
    )
    await expect(page.locator('cc-verdict-banner [data-verdict]').count()).resolves.toBe(0)
    expect(chunks).toEqual(['graph'])
    release()
    expect(await verdict(page)).not.toBeNull()
    await expect(page.locator('cc-inspect-view .catalog-wait').count()).resolves.toBe(0)
    await page.context().close()
  })

  it('a chunk that cannot load says so and shows no verdict', async () => {
    const page = await open(DESKTOP)
    await page.route(/\/assets\/mde-[^/]+\.js$/, (route) => route.abort('internetdisconnected'))
    await paste(page, tokenLike('healthy', key))
    await page.locator('cc-inspect-view .catalog-wait[role="alert"]').waitFor()
    await expect(page.locator('cc-verdict-banner [data-verdict]').count()).resolves.toBe(0)
    await page.context().close()
  })
})

describe('the banner opens with the verdict', () => {
  it('an expired token whose roles grant the operation: first line refused, never "GRANTED"', async () => {
    const page = await open(DESKTOP)
    const issued = Math.floor(E2E_NOW.getTime() / 1000) - 7200
    await paste(
      page,
      tokenWith(key, { iat: issued, nbf: issued, exp: issued + 3600, roles: ['Machine.Isolate'] }),
    )
    await page.locator('cc-capabilities-view #operation').first().fill('POST /api/machines/abc/isolate')
    await page.locator('cc-verdict-banner .operation[data-satisfied="true"]').waitFor()
    expect(await settledVerdict(page)).toBe('refused')
    const first = await page
      .locator('cc-verdict-banner .banner')
      .evaluate((el) => (el.firstElementChild?.textContent ?? '').trim())
    expect(first).toMatch(/^This token will be refused/)
    const text = await page.locator('cc-verdict-banner .banner').innerText()
    expect(text.trimStart().startsWith('GRANTED')).toBe(false)
    await page.context().close()
  })
})

describe('390×844: the verdict is in the first screen after a paste', () => {
  it('the token box folds to one line, and opens again', async () => {
    const page = await open(MOBILE)
    await paste(page, tokenLike('expired', key))
    expect(await settledVerdict(page)).toBe('refused')
    const box = await bannerBox(page)
    expect(box).not.toBeNull()
    expect((box?.y ?? Infinity) + 40).toBeLessThanOrEqual(MOBILE.height)
    await expect(page.locator('cc-inspect-view .collapsed-token').isVisible()).resolves.toBe(true)
    await expect(page.locator('cc-token-input textarea').isVisible()).resolves.toBe(false)
    await page.locator('cc-inspect-view .collapsed-token button').click()
    await expect(page.locator('cc-token-input textarea').isVisible()).resolves.toBe(true)
    await page.context().close()
  })

  it('at 1280×800 the box stays open', async () => {
    const page = await open(DESKTOP)
    await paste(page, tokenLike('expired', key))
    await settledVerdict(page)
    await expect(page.locator('cc-token-input textarea').isVisible()).resolves.toBe(true)
    await expect(page.locator('cc-inspect-view .collapsed-token').isVisible()).resolves.toBe(false)
    await page.context().close()
  })
})

describe("a custom API's token, and a custom catalog", () => {
  const custom = (roles: string[]) => tokenWith(key, { aud: 'api://contoso-orders', roles })

  it('lists the roles and scopes a custom-API token carries and what each means', async () => {
    const page = await open(DESKTOP)
    await paste(page, custom(['Orders.ReadWrite.All', 'Reports.Export']))
    await settledVerdict(page)
    const carried = page.locator('cc-capabilities-view .carried-permissions')
    await carried.waitFor()
    await expect(carried.getAttribute('data-roles')).resolves.toBe('2')
    const text = await carried.innerText()
    expect(text).toContain('Application permissions (roles)')
    expect(text).toMatch(/Orders\.ReadWrite\.All — read and change Orders, across the whole tenant/)
    expect(text).toMatch(/Reports\.Export — its meaning is defined by the API/)
    await page.screenshot({ path: screenshotPath('page-custom-api-desktop'), fullPage: true })

    const delegated = tokenWith(key, {
      aud: 'api://contoso-orders',
      scp: 'user_impersonation',
      roles: undefined,
      idtyp: 'user',
    })
    await paste(page, delegated)
    await settledVerdict(page)
    await expect(carried.innerText()).resolves.toMatch(
      /Delegated permissions \(scp\)[\s\S]*user_impersonation — access the API as the signed-in user/,
    )
    await page.context().close()
  })

  it('a pasted catalog is validated, judges the token, and never leaves the page', async () => {
    const page = await open(DESKTOP)
    const requests: string[] = []
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`))
    await paste(page, custom(['Orders.Read.All']))
    await settledVerdict(page)
    await page.locator('cc-inspect-view details.custom-catalog summary').click()
    const text = page.locator('cc-custom-catalog #catalog-text')
    await text.fill('{"id": "x"}')
    await page.locator('cc-custom-catalog button', { hasText: 'Use this catalog' }).click()
    await page.locator('cc-custom-catalog .problems[role="alert"]').waitFor()
    await text.fill(JSON.stringify(ORDERS))
    await page.locator('cc-custom-catalog button', { hasText: 'Use this catalog' }).click()
    await page.locator('cc-custom-catalog .loaded[data-catalog="contoso-orders"]').waitFor()
    const headline = page.locator('cc-capabilities-view .headline')
    await headline.waitFor()
    await expect(headline.getAttribute('data-granted')).resolves.toBe('1')
    await expect(headline.getAttribute('data-total')).resolves.toBe('2')
    await page.locator('cc-capabilities-view #operation').fill('GET /orders/42')
    await page.locator('cc-verdict-banner .operation[data-satisfied="true"]').waitFor()
    await page.locator('cc-capabilities-view #operation').fill('DELETE /orders/42')
    await page.locator('cc-verdict-banner .operation[data-satisfied="false"]').waitFor()
    // Judged against the loaded catalog (offline and after the signature check alike), never "not in the catalog".
    await settledVerdict(page)
    const codes = await findingCodes(page)
    expect(codes).toContain('permission-missing')
    expect(codes).not.toContain('operation-unknown')
    await page.screenshot({ path: screenshotPath('page-custom-catalog-desktop'), fullPage: true })
    expect(requests.filter((r) => r.includes('contoso-orders') || r.includes('Orders.'))).toEqual([])
    expect(requests.filter((r) => !r.startsWith('GET '))).toEqual([])
    await page.context().close()
  })

  it('a catalog file is read the same way', async () => {
    const page = await open(DESKTOP)
    await paste(page, custom(['Orders.ReadWrite.All']))
    await settledVerdict(page)
    await page.locator('cc-inspect-view details.custom-catalog summary').click()
    await page.locator('cc-custom-catalog #catalog-file').setInputFiles({
      name: 'orders.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(ORDERS)),
    })
    await page.locator('cc-custom-catalog .loaded[data-catalog="contoso-orders"]').waitFor()
    await expect(page.locator('cc-capabilities-view .headline').getAttribute('data-granted')).resolves.toBe(
      '2',
    )
    await page.context().close()
  })
})

describe('deep links', () => {
  it('#consent and #reference open their views; the address never carries a token', async () => {
    const page = await open(DESKTOP, 'light', '#reference')
    await page.locator('cc-reference-view h2').first().waitFor()
    await expect(page.locator('nav [data-view="reference"]').getAttribute('aria-current')).resolves.toBe(
      'page',
    )
    await page.locator('nav [data-view="consent"]').click()
    await page.locator('cc-consent-view').first().waitFor()
    expect(new URL(page.url()).hash).toBe('#consent')
    await page.goBack()
    await expect
      .poll(() => page.locator('nav [data-view="reference"]').getAttribute('aria-current'))
      .toBe('page')
    await page.locator('nav [data-view="inspect"]').click()
    const token = tokenLike('healthy', key)
    await paste(page, token)
    await settledVerdict(page)
    expect(page.url()).not.toContain(token.slice(0, 20))
    expect(new URL(page.url()).hash).toBe('#inspect')
    await page.context().close()
  })
})

describe('as a first-time user: real-shaped pastes at both sizes, axe clean in light and dark', () => {
  const cases = [
    { name: 'forged', token: () => tokenLike('healthy', attacker), code: 'signature-invalid', entra: true },
    { name: 'expired', token: () => tokenLike('expired', key), code: 'token-expired', entra: false },
    { name: 'no-roles', token: () => tokenWith(key, { roles: [] }), code: 'app-only-no-roles', entra: false },
  ] as const
  const axe: Record<string, unknown> = {}

  for (const theme of ['light', 'dark'] as const) {
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['mobile', MOBILE],
    ] as const) {
      it(`${theme}, ${size}: forged, expired, no roles, then a sample`, async () => {
        const page = await open(viewport, theme)
        const messages = watchConsole(page)
        if (cases.some((c) => c.entra)) await answerEntra(page, key)
        const failures: string[] = []
        const check = async (name: string): Promise<void> => {
          const box = await bannerBox(page)
          expect(box, name).not.toBeNull()
          // The verdict's first line is in the first screen.
          expect((box?.y ?? Infinity) + 30, `${name}: verdict below the fold`).toBeLessThanOrEqual(
            viewport.height,
          )
          const violations = await runAxe(page)
          axe[`${name}/${theme}/${size}`] = violations
          for (const v of violations)
            if (v.impact === 'serious' || v.impact === 'critical') failures.push(`${name}: ${v.id} ${v.help}`)
          await page.screenshot({ path: screenshotPath(`page-${name}-${theme}-${size}`) })
        }
        for (const c of cases) {
          // On a narrow screen the box folded after the last paste: open it, as a person would, to paste again.
          const folded = page.locator('cc-inspect-view .collapsed-token')
          if (await folded.isVisible()) await folded.locator('button').click()
          await paste(page, c.token())
          await expect.poll(() => findingCodes(page)).toContain(c.code)
          const v = await settledVerdict(page)
          expect(v, c.name).toBe('refused')
          await check(c.name)
        }
        // After a sample: open the box again on a narrow screen, pick one.
        if (size === 'mobile') await page.locator('cc-inspect-view .collapsed-token button').click()
        await loadSample(page, 'missing-role')
        await settledVerdict(page)
        await check('after-sample')
        mkdirSync(RESULTS_DIR, { recursive: true })
        writeFileSync(join(RESULTS_DIR, `page-axe-${theme}-${size}.json`), JSON.stringify(axe, null, 2))
        expect(failures).toEqual([])
        expect(messages).toEqual([])
        await page.context().close()
      }, 120_000)
    }
  }
})
