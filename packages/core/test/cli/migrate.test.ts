import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run.js'

const FIXTURES = fileURLToPath(new URL('../fixtures/migrate/', import.meta.url))
const file = (name: string) => join(FIXTURES, name)
const CLIENT = '0c6b3e5a-7f1d-4e2a-9c8b-5d4e3f2a1b0c'
const TENANT = '4f8c2a1e-9b7d-4c3e-8a5f-1d2e3f4a5b6c'

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(argv, {
    stdin: Readable.from(stdin === '' ? [] : [stdin]),
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
const at = ['--now', '2026-12-08T09:00:00Z']

describe('claimcheck migrate', () => {
  it('text: the first line says what to do, with dates; exit 1 when something is retired or retiring soon', async () => {
    const r = await run(['migrate', file('calls.txt'), ...at, '--client-id', CLIENT, '--tenant', TENANT])
    expect(r.code).toBe(1)
    const lines = r.out.split('\n')
    expect(lines[0]).toMatch(/^ACTION NEEDED: 3 retired, 2 retiring within 90 days \(judged at 2026-12-08\)$/)
    expect(lines[1]).toBe(
      'Next retirement: 2027-02-01 (POST https://api.securitycenter.microsoft.com/api/advancedqueries/run)',
    )
    expect(r.out).toContain('retiring on 2027-02-01 (55 days) — act now')
    expect(r.out).toContain('→ POST /security/runHuntingQuery on graph; add ThreatHunting.Read.All')
    expect(r.out).toContain('RETIRED since 2025-08-31 · Azure AD Graph')
    expect(r.out).toContain('limits: 100/min per tenant, 1,500/h per tenant')
    expect(r.out).toContain('  Microsoft Graph: SecurityAlert.Read.All, ThreatHunting.Read.All (application)')
    expect(r.out).toContain(
      `admin consent: https://login.microsoftonline.com/${TENANT}/v2.0/adminconsent?client_id=${CLIENT}`,
    )
    expect(r.out).toMatch(
      /Summary: 2 keep working, 3 announced without a date, 2 retiring, 3 retired, 1 unknown\./,
    )
  })

  it('--within and --now move the judgement: exit 0 when nothing is retired or retiring within the window', async () => {
    const hunting = 'POST https://api.securitycenter.microsoft.com/api/advancedqueries/run\n'
    expect((await run(['migrate', '-', ...at, '--within', '30'], hunting)).code).toBe(0)
    expect((await run(['migrate', '-', ...at], hunting)).code).toBe(1)
    const later = await run(['migrate', '-', '--now', '2027-02-01T00:00:00Z', '--within', '0'], hunting)
    expect(later.code).toBe(1)
    expect(later.out).toContain('RETIRED since 2027-02-01')
    expect(
      (await run(['migrate', '-', ...at], 'GET https://graph.microsoft.com/v1.0/security/incidents\n')).code,
    ).toBe(0)
  })

  it('--json: one document; --jsonl: one line per call and a summary line', async () => {
    const json = await run(['migrate', file('calls.curl.txt'), ...at, '--json'])
    const doc = JSON.parse(json.out) as { steps: { outcome: string }[]; ok: boolean }
    expect(doc.steps.map((s) => s.outcome)).toEqual(['retiring', 'retired', 'announced', 'retired'])
    expect(doc.ok).toBe(false)
    expect(json.code).toBe(1)
    const jsonl = await run(['migrate', file('calls.har'), ...at, '--jsonl', '--within', '30'])
    const lines = jsonl.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; outcome?: string })
    expect(lines.map((l) => l.type)).toEqual(['call', 'call', 'summary'])
    expect(lines[0]?.outcome).toBe('retiring')
    expect(jsonl.code).toBe(0)
  })

  it('never prints a HAR header, cookie or query value, nor a curl line’s token, in any format', async () => {
    for (const f of ['calls.har', 'calls.curl.txt'])
      for (const fmt of [[], ['--json'], ['--jsonl']]) {
        const r = await run(['migrate', file(f), ...at, ...fmt])
        expect(r.out + r.err).not.toMatch(/SECRET/)
      }
  })

  it('escapes control characters from the input before they reach the terminal', async () => {
    const r = await run(
      ['migrate', '-', ...at],
      'GET https://api.security.microsoft.com/api/\u001b]0;pwned\u0007x\n',
    )
    expect(r.out).not.toContain('\u001b')
  })

  it('usage errors exit 2: no input, two inputs, both JSON forms, a bad --within or --cloud, an unreadable or huge file', async () => {
    expect((await run(['migrate'])).code).toBe(2)
    expect((await run(['migrate', 'a', 'b'])).code).toBe(2)
    expect((await run(['migrate', '-', '--json', '--jsonl'])).code).toBe(2)
    expect((await run(['migrate', '-', '--within', 'soon'])).code).toBe(2)
    expect((await run(['migrate', '-', '--cloud', 'mars'])).code).toBe(2)
    expect((await run(['migrate', '/nonexistent/calls.txt'])).code).toBe(2)
    const dir = mkdtempSync(join(tmpdir(), 'cc-migrate-'))
    const big = join(dir, 'big.har')
    writeFileSync(big, 'x'.repeat(16 * 1024 * 1024 + 1))
    const r = await run(['migrate', big])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/larger than/)
  })
})

describe('lifecycle and rate limits elsewhere in the CLI', () => {
  it('claimcheck permissions --operation shows the dated lifecycle and the documented rate limits', async () => {
    const r = await run([
      'permissions',
      '--operation',
      'POST https://api.security.microsoft.com/api/advancedhunting/run',
    ])
    expect(r.code).toBe(0)
    expect(r.out).toContain(
      '  lifecycle: retiring on 2027-02-01 → graph POST /security/runHuntingQuery (ThreatHunting.Read.All)',
    )
    expect(r.out).toContain('(date unverified), checked 2026-12-08')
    expect(r.out).toContain('  rate limits: ≥ 45/min per tenant')
    const alerts = await run(['permissions', '--api', 'graph', '--operation', 'GET /security/alerts'])
    expect(alerts.out).toContain('lifecycle: retired on 2026-10-15 → graph GET /security/alerts_v2')
    expect(alerts.out).toContain('rate limits: 150/min per app per tenant')
  })

  it('claimcheck consent --api graph builds a Graph admin-consent link', async () => {
    const r = await run(['consent', '--client-id', CLIENT, '--tenant', TENANT, '--api', 'graph', '--json'])
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.out) as { url: string }
    expect(new URL(doc.url).searchParams.get('scope')).toBe('https://graph.microsoft.com/.default')
  })

  it('inspect says a retiring operation in its first lines, with the ISO date; --now moves past it', async () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
    const t = (nowS: number) =>
      `${b64({ typ: 'JWT', alg: 'RS256', kid: 'k' })}.${b64({
        aud: 'https://api.securitycenter.microsoft.com',
        iss: `https://sts.windows.net/${TENANT}/`,
        iat: nowS - 60,
        nbf: nowS - 60,
        exp: nowS + 3000,
        appid: CLIENT,
        idtyp: 'app',
        oid: 'b8e5c3d1-2a4f-4e6b-9c7d-8e9f0a1b2c3d',
        sub: 'b8e5c3d1-2a4f-4e6b-9c7d-8e9f0a1b2c3d',
        roles: ['AdvancedQuery.Read.All'],
        tid: TENANT,
        ver: '1.0',
      })}.c2ln`
    const before = Date.parse('2027-01-31T12:00:00Z') / 1000
    const r = await run([
      'inspect',
      t(before),
      '--offline',
      '--now',
      String(before),
      '--operation',
      'POST /api/advancedqueries/run',
    ])
    expect(r.out.split('\n').slice(0, 3).join('\n')).toMatch(
      /date: .*stops working on 2027-02-01 \(1 day left\)/,
    )
    expect(r.code).toBe(0)
    const after = Date.parse('2027-02-01T00:00:00Z') / 1000
    const r2 = await run([
      'inspect',
      t(after),
      '--offline',
      '--now',
      String(after),
      '--operation',
      'POST /api/advancedqueries/run',
    ])
    expect(r2.out.split('\n')[0]).toMatch(/^REFUSED/)
    expect(r2.out.split('\n').slice(0, 3).join('\n')).toContain('retired on 2027-02-01')
    expect(r2.code).toBe(1)
  })
})
