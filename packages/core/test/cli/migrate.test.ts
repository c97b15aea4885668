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
    expect(r.out).toContain('limits: 100/min per tenant, 1500/h per tenant')
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
