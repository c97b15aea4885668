import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run.js'
import { NOW, appOnlyClaims, delegatedClaims, jwt } from '../permissions/tokens.js'

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(argv, {
    stdin: Readable.from([]),
    stdout: (s) => {
      out += s
    },
    stderr: (s) => {
      err += s
    },
    env: {},
    isTTY: false,
  })
  return { code, out, err }
}
const now = ['--now', String(NOW), '--offline']

describe('claimcheck inspect with permission flags', () => {
  it('GRANTED verdict opens the human output', async () => {
    const r = await run([
      'inspect',
      jwt(appOnlyClaims(['Machine.Isolate'])),
      ...now,
      '--api',
      'mde',
      '--operation',
      'POST /api/machines/abc/isolate',
    ])
    expect(r.code).toBe(0)
    // Offline: nothing is "fine" without a verified signature, so the verdict is undetermined; the permission line follows.
    const [first, second] = r.out.split('\n')
    expect(first).toMatch(/^UNDETERMINED: /)
    expect(second).toBe(
      'GRANTED: Machine.Isolate (application permission) for POST /api/machines/{id}/isolate',
    )
  })

  it('DENIED verdict names what is needed, what the token has, then the fix; exit 1', async () => {
    const r = await run([
      'inspect',
      jwt(appOnlyClaims(['Machine.Read.All'])),
      ...now,
      '--operation',
      'POST /api/machines/abc/isolate',
    ])
    expect(r.code).toBe(1)
    // The DENIED line wraps at 100 columns (a pipe), its continuation indented under the text.
    const [verdict, ...rest] = r.out.split('\n')
    expect(verdict).toMatch(/^REFUSED: /)
    const fixAt = rest.findIndex((l) => l.startsWith('  fix: '))
    expect(
      rest
        .slice(0, fixAt)
        .map((l) => l.trim())
        .join(' '),
    ).toBe(
      'DENIED: POST /api/machines/{id}/isolate needs Machine.Isolate; this app-only token has roles Machine.Read.All',
    )
    expect(rest[fixAt]).toMatch(/^ {2}fix: Add the application permission Machine\.Isolate/)
  })

  it('--require and --json', async () => {
    const r = await run([
      'inspect',
      jwt(delegatedClaims('Alert.Read')),
      ...now,
      '--api',
      'mde',
      '--require',
      'Alert.Read',
      '--require',
      'URL.Read.All',
      '--json',
    ])
    expect(r.code).toBe(1)
    const report = JSON.parse(r.out) as { permissions: Record<string, unknown> }
    expect(report.permissions).toMatchObject({
      satisfied: false,
      context: 'delegated',
      allOf: ['Alert.Read', 'Url.Read.All'],
      missing: ['Url.Read.All'],
      granted: ['Alert.Read'],
    })
  })

  it('--catalog file.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-cat-'))
    const file = join(dir, 'orders.json')
    writeFileSync(
      file,
      JSON.stringify({
        id: 'orders',
        name: 'Orders',
        identifierUris: ['api://orders'],
        permissions: [{ value: 'Orders.Read.All', kind: 'application' }],
        operations: [{ method: 'GET', path: '/orders', application: ['Orders.Read.All'] }],
      }),
    )
    const ok = await run([
      'inspect',
      jwt(appOnlyClaims(['Orders.Read.All'], 'api://orders')),
      ...now,
      '--catalog',
      file,
      '--operation',
      'GET /orders',
    ])
    expect(ok.code).toBe(0)
    expect(ok.out.split('\n')[1]?.startsWith('GRANTED: Orders.Read.All')).toBe(true)
    writeFileSync(file, '{"id": 1}')
    const bad = await run([
      'inspect',
      jwt(appOnlyClaims([])),
      ...now,
      '--catalog',
      file,
      '--operation',
      'GET /orders',
    ])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('not a valid catalog')
  })

  it('usage errors: unknown --api, malformed or unknown --operation, --api with --catalog', async () => {
    const t = jwt(appOnlyClaims([]))
    expect((await run(['inspect', t, ...now, '--api', 'nope', '--require', 'x'])).code).toBe(2)
    expect((await run(['inspect', t, ...now, '--operation', '/api/alerts'])).code).toBe(2)
    expect((await run(['inspect', t, ...now, '--operation', 'GET /api/nothing'])).code).toBe(2)
    expect((await run(['inspect', t, ...now, '--api', 'mde', '--catalog', 'x.json'])).code).toBe(2)
  })
})

describe('claimcheck permissions', () => {
  it('lists both catalogs', async () => {
    const r = await run(['permissions'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('Microsoft Defender for Endpoint (mde): 112 operations')
    expect(r.out).toContain('(m365d): 4 operations')
  })

  it('fits 80 columns when not a terminal, and every permission group of an operation is shown', async () => {
    for (const api of ['mde', 'm365d', 'graph']) {
      const r = await run(['permissions', '--api', api])
      expect(r.out.split('\n').filter((l) => l.length > 80)).toEqual([])
    }
    const mde = (await run(['permissions', '--api', 'mde'])).out
    const block = mde.slice(mde.indexOf('POST /api/machines/{id}/StopAndQuarantineFile'))
    expect(block.split('\n').slice(1, 3).join(' ').replace(/\s+/g, ' ')).toContain(
      'application: Machine.StopAndQuarantine + one of Machine.Read.All, Machine.ReadWrite.All',
    )
  })

  it('--api m365d --json', async () => {
    const r = await run(['permissions', '--api', 'm365d', '--json'])
    const json = JSON.parse(r.out) as { catalogs: { id: string; operations: unknown[] }[] }
    expect(json.catalogs.map((c) => c.id)).toEqual(['m365d'])
    expect(json.catalogs[0]?.operations).toHaveLength(4)
  })

  it('--operation shows one operation with permission IDs', async () => {
    const r = await run([
      'permissions',
      '--operation',
      'POST https://api.securitycenter.microsoft.com/api/machines/abc/isolate',
      '--json',
    ])
    expect(r.code).toBe(0)
    const json = JSON.parse(r.out) as {
      api: string
      operation: string
      permissions: { application: { value: string; id: string }[] }
    }
    expect(json).toMatchObject({ api: 'mde', operation: 'POST /api/machines/{id}/isolate' })
    expect(json.permissions.application).toEqual([
      {
        value: 'Machine.Isolate',
        id: '7e4e1300-e1b9-4102-88ba-f0cb6e6d5974',
        displayName: 'Isolate machine',
      },
    ])
    const human = await run(['permissions', '--operation', 'DELETE /api/indicators/1'])
    expect(human.out).toContain('delegated (any one): none')
  })

  it('unknown operation is a usage error', async () => {
    expect((await run(['permissions', '--operation', 'GET /api/nope'])).code).toBe(2)
  })
})
