import { chromium } from 'playwright-core'
const url = process.argv[2]; const token = process.argv[3] ?? ''; const name = process.argv[4] ?? 'shot'; const w = Number(process.argv[5] ?? 1280), h = Number(process.argv[6] ?? 800)
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] })
const p = await b.newPage({ viewport: { width: w, height: h } })
p.on('console', m => console.log('console', m.text())); p.on('pageerror', e => console.log('pageerror', e.message))
await p.route(/login\.microsoftonline/, r => r.abort('internetdisconnected'))
await p.goto(url); await p.locator('cc-token-input textarea').waitFor()
if (token) { await p.locator('cc-token-input textarea').focus(); await p.keyboard.insertText(token) }
await p.waitForTimeout(800)
await p.screenshot({ path: `/tmp/x/${name}.png`, fullPage: true })
console.log('height', await p.evaluate(() => document.documentElement.scrollHeight))
await b.close()
