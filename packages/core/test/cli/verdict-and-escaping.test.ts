import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTestTenant, fixedClock } from '../../src/testing/index.js'
import { runCli } from '../../src/cli/run.js'
import type { CliIO } from '../../src/cli/io.js'
import { escapeForTerminal, toJsonText } from '../../src/cli/output/escape.js'
import {
  buildToken,
  idTokenClaims,
  NOW,
  NOW_S,
  V1_HEADER,
  V2_HEADER,
  v1AppOnlyClaims,
} from '../fixtures/tokens.js'

async function cli(args: string[]) {
  let stdout = ''
  let stderr = ''
  const io: CliIO = {
    stdin: Readable.from(['']),
    stdout: (s) => {
      stdout += s
    },
    stderr: (s) => {
      stderr += s
    },
    env: {},
    isTTY: false,
  }
  const code = await runCli(args, io)
  return { code, stdout, stderr, first: stdout.split('\n')[0] ?? '' }
}

const OSC_TITLE = '\u001b]0;pwned\u0007'
const RLO = '\u202e'
const CSI_C1 = '\u009b'
// Every control the terminal escape covers except the line feed human output is made of.
const RAW_CONTROLS =
  // eslint-disable-next-line no-control-regex -- finding raw control characters is this pattern's purpose
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u

afterEach(() => {
  vi.unstubAllGlobals()
})

function jwksFile(jwks: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cc-jwks-')), 'keys.json')
  writeFileSync(file, JSON.stringify(jwks))
  return file
}

describe('the verdict opens human output (works / refused / undetermined)', () => {
  // Every test here runs at the fixtures' instant, never the wall clock.
  const clock = fixedClock(NOW)
  const at = ['--now', String(NOW_S)]

  it('WORKS only with a verified signature; exit 0', async () => {
    const tenant = await createTestTenant({ now: clock })
    const token = await tenant.issueToken({ api: 'mde', roles: ['Machine.Isolate'] })
    const r = await cli(['inspect', ...at, '--jwks', jwksFile(tenant.keySet('1.0')), token])
    expect(r.first).toMatch(/^WORKS: signature verified/)
    expect(r.code).toBe(0)
  })

  it('a forged signature is REFUSED (never OK), with the fix on the next line; exit 1', async () => {
    const tenant = await createTestTenant({ now: clock })
    const forged = await tenant.issueToken({ api: 'mde', roles: ['Machine.Isolate'] })
    const [h, p, s] = forged.split('.') as [string, string, string]
    const tampered = `${h}.${p}.${s.slice(0, -4)}${s.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`
    const r = await cli(['inspect', ...at, '--jwks', jwksFile(tenant.keySet('1.0')), tampered])
    expect(r.first).toMatch(/^REFUSED: /)
    expect(r.stdout).toMatch(/signature-invalid/)
    expect(r.stdout.split('\n')[1]).toMatch(/^ {2}fix: /)
    expect(r.stdout).not.toMatch(/^(OK|WORKS)/m)
    expect(r.code).toBe(1)
  })

  it('offline is UNDETERMINED, saying what would settle it in CLI terms; exit 0', async () => {
    const r = await cli(['inspect', '--offline', ...at, buildToken({ payload: v1AppOnlyClaims() })])
    expect(r.first).toBe('UNDETERMINED: the signature was not checked')
    expect(r.stdout).toMatch(/next: .*--jwks <file>/)
    // The signature-not-checked note speaks the CLI's language too.
    expect(r.stdout).toMatch(/Fix: Run claimcheck inspect without --offline/)
    expect(r.code).toBe(0)
  })

  it('Entra unreachable is UNDETERMINED (the signature could not be checked), not an error; exit 0', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed')))
    const r = await cli(['inspect', ...at, buildToken({ payload: v1AppOnlyClaims() })])
    expect(r.first).toMatch(/^UNDETERMINED: the signature could not be checked/)
    expect(r.stdout).toMatch(/jwks-unavailable/)
    expect(r.stdout).toMatch(/--jwks <file>/)
    expect(r.code).toBe(0)
  })
})

describe('token-derived text cannot drive the terminal', () => {
  it('escapeForTerminal shows ESC, OSC, C0, C1 and bidi controls visibly and leaves other text alone', () => {
    expect(escapeForTerminal(`a${OSC_TITLE}b`)).toBe('a\\u001b]0;pwned\\u0007b')
    expect(escapeForTerminal(`${RLO}x${CSI_C1}2J\u2066\u200f\u061c`)).toBe(
      '\\u202ex\\u009b2J\\u2066\\u200f\\u061c',
    )
    expect(escapeForTerminal('Zürich — ✓ 東京')).toBe('Zürich — ✓ 東京')
  })

  it.each([
    [
      'an ID token whose aud sets the window title',
      () =>
        buildToken({
          header: V2_HEADER,
          payload: idTokenClaims({ aud: `app${OSC_TITLE}${RLO}${CSI_C1}2J` }),
        }),
    ],
    [
      'an access token whose aud, kid and roles carry controls',
      () =>
        buildToken({
          header: { ...V1_HEADER, kid: `k${CSI_C1}2J` },
          payload: v1AppOnlyClaims({
            aud: `https://api.securitycenter.microsoft.com${OSC_TITLE}`,
            roles: [`Machine.Isolate${RLO}`, `\r\u001b[32mOK: fine${CSI_C1}`],
          }),
        }),
    ],
  ])('%s: human output has no raw control, only visible escapes', async (_, make) => {
    const r = await cli(['inspect', '--offline', '--now', String(NOW_S), make()])
    expect(r.stdout).not.toMatch(RAW_CONTROLS)
    expect(r.stdout).toContain('\\u001b]0;pwned\\u0007')
    // A fake verdict inside a claim never starts a line.
    expect(r.stdout).not.toMatch(/^OK/m)
  })

  it('--json escapes C1 and bidi characters as \\u sequences and still parses to the same strings', async () => {
    const aud = `app${OSC_TITLE}${RLO}${CSI_C1}\u2028`
    const r = await cli([
      'inspect',
      '--offline',
      '--json',
      '--now',
      String(NOW_S),
      buildToken({ header: V2_HEADER, payload: idTokenClaims({ aud }) }),
    ])
    expect(r.stdout).not.toMatch(RAW_CONTROLS)
    expect(r.stdout).toContain('\\u202e')
    expect(r.stdout).toContain('\\u009b')
    expect(r.stdout).toContain('\\u001b')
    const report = JSON.parse(r.stdout) as { token: { payload: { aud: string } } }
    expect(report.token.payload.aud).toBe(aud)
  })

  it('toJsonText round-trips every escaped character', () => {
    const value = { s: `\u0085\u009f\u007f\u200e\u2069${RLO}` }
    const text = toJsonText(value)
    expect(text).not.toMatch(RAW_CONTROLS)
    expect(JSON.parse(text)).toEqual(value)
  })

  it("consent-result --json escapes a redirect's C1 and bidi characters", async () => {
    const url = 'https://app.example.com/cb?error=access_denied&error_description=x%C2%9B2J%E2%80%AE&state=s'
    const r = await cli(['consent-result', '--json', url])
    expect(r.stdout).not.toMatch(RAW_CONTROLS)
    expect(r.stdout).toContain('\\u009b')
  })
})
