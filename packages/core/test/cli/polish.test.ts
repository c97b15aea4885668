// Issue 24 point 4: no line printed twice for a wrong-API token; the metadata address is not called the key set.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run.js'
import { keySourceLabel } from '../../src/cli/output/summary.js'
import { createTestTenant, fixedClock } from '../../src/testing/index.js'
import { NOW, NOW_S } from '../fixtures/tokens.js'

async function cli(args: string[]): Promise<string> {
  let out = ''
  await runCli(args, {
    stdin: Readable.from(['']),
    stdout: (s) => {
      out += s
    },
    stderr: (s) => {
      out += s
    },
    env: {},
    isTTY: false,
  })
  return out
}

describe('CLI polish', () => {
  it('a token for another API: the fix is printed once, under the DENIED line', async () => {
    const tenant = await createTestTenant({ now: fixedClock(NOW) })
    const file = join(mkdtempSync(join(tmpdir(), 'cc-polish-')), 'keys.json')
    writeFileSync(file, JSON.stringify(tenant.keySet('1.0')))
    const xdr = await tenant.issueToken({ api: 'm365d', roles: ['Incident.Read.All'] })
    const out = await cli([
      'inspect',
      '--now',
      String(NOW_S),
      '--jwks',
      file,
      '--api',
      'mde',
      '--operation',
      'GET /api/alerts',
      xdr,
    ])
    const head = out.slice(0, out.indexOf('  Token'))
    expect(head).toMatch(/^REFUSED: /)
    expect(head.match(/ {2}fix: /g)?.length).toBe(1)
  })

  it('names the metadata document as metadata and a jwks_uri as the key set', () => {
    expect(keySourceLabel('https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration')).toBe(
      'metadata',
    )
    expect(
      keySourceLabel('https://login.microsoftonline.com/t/.well-known/openid-configuration?appid=x'),
    ).toBe('metadata')
    expect(keySourceLabel('https://login.microsoftonline.com/common/discovery/keys')).toBe('key set')
  })
})

describe('a verdict never contradicts the text below it', () => {
  it('--jwks without --audience: a custom-API token is named by its audience, never "for another API"', async () => {
    const tenant = await createTestTenant({ now: fixedClock(NOW) })
    const file = join(mkdtempSync(join(tmpdir(), 'cc-polish-')), 'keys.json')
    writeFileSync(file, JSON.stringify(tenant.keySet('1.0')))
    const custom = await tenant.issueToken({ api: { audience: 'api://orders' }, roles: ['Orders.Read'] })
    const out = await cli(['inspect', '--now', String(NOW_S), '--jwks', file, custom])
    const summary = out.slice(0, out.indexOf('Header')).replace(/\s+/g, ' ')
    expect(summary).toMatch(/^WORKS: /)
    expect(summary).not.toMatch(/for another API/)
    expect(summary).toContain('access token for api://orders (no built-in catalog; --audience checks it)')
  })
})
