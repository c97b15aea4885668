import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  RESULTS_DIR,
  fillConsent,
  loadSample,
  openApp,
  runAxe,
  screenshotPath,
  settledVerdict,
  watchConsole,
  type AxeViolation,
  useChromium,
} from './browser.js'

// Every view, in both themes, at 1280×800 and at 390×844: axe-core must find no serious or critical
// violation, and a screenshot of each is kept under test-results/screenshots as an artifact.

type Scene = 'inspect-empty' | 'inspect-healthy' | 'inspect-expired' | 'consent' | 'reference'

const SCENES: readonly Scene[] = [
  'inspect-empty',
  'inspect-healthy',
  'inspect-expired',
  'consent',
  'reference',
]
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'mobile', width: 390, height: 844 },
] as const
const THEMES = ['light', 'dark'] as const

const axeResults: Record<string, AxeViolation[]> = {}

const browser = useChromium()

afterAll(() => {
  mkdirSync(RESULTS_DIR, { recursive: true })
  writeFileSync(join(RESULTS_DIR, 'axe-results.json'), JSON.stringify(axeResults, null, 2))
})

async function show(page: Page, scene: Scene): Promise<void> {
  switch (scene) {
    case 'inspect-empty':
      return
    case 'inspect-healthy':
    case 'inspect-expired':
      await loadSample(page, scene === 'inspect-healthy' ? 'healthy' : 'expired')
      // On a narrow screen the box folded after the sample: open it again to reach the settings.
      if (await page.locator('cc-inspect-view .collapsed-token').isVisible())
        await page.locator('cc-inspect-view .collapsed-token button').click()
      await page.locator('cc-inspect-view details.settings summary').click()
      return
    case 'consent':
    case 'reference':
      await page.locator(`nav [data-view="${scene}"]`).click()
      await page.locator(`cc-${scene}-view h2`).first().waitFor({ state: 'attached' })
      if (scene === 'consent') {
        await fillConsent(page)
        await page.locator('cc-aadsts-lookup #aadsts').fill('AADSTS65001')
      }
  }
}

describe('every view: accessibility and screenshots', () => {
  for (const theme of THEMES) {
    for (const vp of VIEWPORTS) {
      it(`${theme} theme, ${vp.name}: no serious or critical axe violations`, async () => {
        const context = await browser().newContext({
          viewport: { width: vp.width, height: vp.height },
          colorScheme: theme,
        })
        const page = await context.newPage()
        const consoleMessages = watchConsole(page)
        const failures: string[] = []
        for (const scene of SCENES) {
          await openApp(page, inject('appUrl'))
          await show(page, scene)
          const violations = await runAxe(page)
          axeResults[`${scene}/${theme}/${vp.name}`] = violations
          for (const v of violations) {
            if (v.impact === 'serious' || v.impact === 'critical')
              failures.push(`${scene}: ${v.id} (${v.impact}) ${v.help} ×${v.nodes}`)
          }
          await page.screenshot({ path: screenshotPath(`${scene}-${theme}-${vp.name}`), fullPage: true })
          if (vp.name === 'mobile') {
            // Works at 390 px: nothing wider than the viewport.
            const overflow = await page.evaluate(
              () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
            )
            expect(overflow, `${scene} scrolls sideways at ${vp.width} px`).toBeLessThanOrEqual(0)
          }
        }
        await context.close()
        expect(failures).toEqual([])
        expect(consoleMessages).toEqual([])
      }, 90_000)
    }
  }
})

describe('keyboard only', () => {
  it('reaches the token box, Clear, the samples and the views with Tab, and focus is visible', async () => {
    const page = await (await browser().newContext()).newPage()
    await openApp(page, inject('appUrl'))
    const seen: string[] = []
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => {
        let el: Element | null = document.activeElement
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
        if (el === null) return null
        const style = getComputedStyle(el)
        return {
          tag: el.tagName.toLowerCase(),
          text: (el.textContent ?? '').trim().slice(0, 30),
          id: el.id,
          outline: style.outlineStyle,
          outlineWidth: style.outlineWidth,
        }
      })
      if (focused === null || focused.tag === 'body') continue
      seen.push(focused.id || focused.text || focused.tag)
      expect(focused.outline, `focus on ${focused.tag} ${focused.text} is visible`).not.toBe('none')
    }
    expect(seen).toContain('token')
    expect(seen.some((s) => s.startsWith('Try a sample'))).toBe(true)
    expect(seen).toContain('Admin consent')
    // Open the samples and load one with the keyboard alone.
    await page.locator('cc-inspect-view details.samples summary').focus()
    await page.keyboard.press('Enter')
    await page.locator('cc-sample-picker [data-sample="healthy"]').waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    expect(await settledVerdict(page)).toBe('works')
    await page.context().close()
  })
})
