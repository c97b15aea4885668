import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run.js'
import type { CliIO } from '../../src/cli/io.js'
import { renderReport } from '../../src/cli/output/report.js'
import { firstSentence, relativeTime } from '../../src/cli/output/text.js'
import { escapeForTerminal } from '../../src/cli/output/escape.js'
import { useColour } from '../../src/cli/output/style.js'
import { codes, inspect } from '../fixtures/inspect.js'
import {
  buildToken,
  graphToken,
  idToken,
  NOW,
  NOW_S,
  V1_HEADER,
  v1AppOnlyClaims,
  v1AppOnlyToken,
  v1DelegatedToken,
  v2DelegatedToken,
  without,
} from '../fixtures/tokens.js'

const ESC = '\u001b'

async function cli(
  args: string[],
  options: { stdin?: string; isTTY?: boolean; env?: Record<string, string> } = {},
) {
  let stdout = ''
  let stderr = ''
  const io: CliIO = {
    stdin: Readable.from([options.stdin ?? '']),
    stdout: (s) => {
      stdout += s
    },
    stderr: (s) => {
      stderr += s
    },
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
  }
  const code = await runCli(args, io)
  return { code, stdout, stderr }
}

const expired = v1AppOnlyToken({ iat: NOW_S - 4 * 3600, nbf: NOW_S - 4 * 3600, exp: NOW_S - 3 * 3600 })
const render = (token: string) => renderReport(inspect(token), { colour: false, now: NOW })

describe('inspect human output: order and content', () => {
  it('puts the verdict first, then the summary, then findings by severity, then the claims', () => {
    const out = renderReport(inspect(`Bearer ${expired}`, { tenants: 'any' }), { colour: false, now: NOW })
    const at = (s: string) => out.indexOf(s)
    expect(out).toMatch(/^REFUSED: .+\n {2}fix: /)
    expect(at('Token ')).toBeLessThan(at('Errors (1)'))
    expect(at('Errors (1)')).toBeLessThan(at('Warnings (1)'))
    expect(at('Warnings (1)')).toBeLessThan(at('Notes (2)'))
    expect(at('Notes (2)')).toBeLessThan(at('\nHeader\n'))
    expect(at('\nHeader\n')).toBeLessThan(at('\nClaims\n'))
  })

  it('says what the token is, for whom, how it was classified, and until when', () => {
    const out = render(v1AppOnlyToken())
    expect(out).toMatch(/^UNDETERMINED: the signature was not checked\n {2}next: run without --offline/)
    expect(out).toMatch(/Token\s+v1\.0 access token for Microsoft Defender for Endpoint/)
    expect(out).toMatch(/Kind\s+app-only/)
    expect(out).toMatch(/decided by rule oid-equals-sub/)
    expect(out).toMatch(/Tenant\s+4f2b6c1e-9a3d-4e57-b8c2-7d1e0f3a5b69/)
    expect(out).toMatch(/Cloud\s+Public/)
    expect(out).toMatch(/Client\s+7c3e9b14-2d5a-4f86-9e01-b4a8c6d2f753 \(appid\)/)
    expect(out).toMatch(/Grants\s+roles Machine\.Read\.All, Alert\.Read\.All/)
    expect(out).toMatch(/Valid\s+2024-05-01 09:50:00 UTC → 2024-05-01 11:04:59 UTC \(expires in 1 h 4 min\)/)
    expect(out).toMatch(/Signature\s+not checked/)
  })

  it('names the user and scopes of a delegated token, and azp for v2', () => {
    const v1 = render(v1DelegatedToken())
    expect(v1).toMatch(/access token for Microsoft 365 Defender/)
    expect(v1).toMatch(/User\s+ada@contoso\.example, oid /)
    expect(v1).toMatch(/scopes Incident\.Read AdvancedHunting\.Read/)
    expect(render(v2DelegatedToken())).toMatch(/\(azp\)/)
    expect(render(v2DelegatedToken()).replace(/\s+/g, ' ')).toMatch(
      /v2\.0 access token for \S+ \(no built-in catalog; --audience checks it\)/,
    )
  })

  it('calls an ID token an ID token, and a Graph token a Graph token', () => {
    expect(render(idToken())).toMatch(/v2\.0 ID token for app/)
    expect(render(graphToken())).toMatch(/access token for Microsoft Graph/)
  })

  it('explains unknown kinds and missing audiences', () => {
    const out = render(buildToken({ payload: without(v1AppOnlyClaims(), 'roles', 'aud', 'oid') }))
    expect(out).toMatch(/Kind\s+unknown/)
    expect(out).toMatch(/with no audience/)
    expect(out).toMatch(/no roles and no scopes/)
  })

  it('prints each finding with its fix', () => {
    const out = render(expired)
    expect(out).toMatch(/✗ token-expired\n {6}The token expired 3 h ago/)
    expect(out).toMatch(/\n {6}Fix: Acquire a new token/)
  })

  it('lists every claim with its explanation, and times in UTC and relative to now', () => {
    const out = render(expired)
    expect(out).toMatch(/exp\s+1714546800 = 2024-05-01 07:00:00 UTC \(expired 3 h ago\)/)
    expect(out).toMatch(/iat\s+1714543200 = 2024-05-01 06:00:00 UTC \(issued 4 h ago\)/)
    expect(out).toMatch(/nbf\s+1714543200 = 2024-05-01 06:00:00 UTC \(valid since 4 h ago\)/)
    expect(out).toMatch(/aud\s+https:\/\/api\.securitycenter\.microsoft\.com\n\s+Audience — /)
    expect(out).toMatch(/kid\s+XRvko8P7A3UaWSnU7bM9nT0MjhA\n\s+Signing key ID — /)
    expect(out).toMatch(/roles\s+Machine\.Read\.All, Alert\.Read\.All\n/)
  })

  it('warns beside the claims no one may authorize on', () => {
    const out = render(v1DelegatedToken())
    for (const claim of ['upn', 'unique_name', 'name']) {
      // The warning closes the claim's block: after its value and explanation lines, before the next claim.
      expect(out).toMatch(
        new RegExp(`\\n  ${claim}\\s[^\\n]*\\n(?: {6,}[^\\n]*\\n)*? {6,}Never authorize on it \\(nOAuth\\)`),
      )
    }
    expect(out).not.toMatch(/\n {2}oid\s[^\n]*\n[^\n]*Never authorize/)
  })

  it('marks claims the reference does not know, and wraps long values instead of cutting them', () => {
    const groups = Array.from({ length: 30 }, (_, k) => `Machine.ReadWrite.Group${k}`)
    const out = render(v1AppOnlyToken({ custom_claim: 'x', groups, blob: 'z'.repeat(500) }))
    expect(out).toMatch(/custom_claim\s+x\n\s+Not a claim Entra documents/)
    expect(out).not.toContain('…')
    for (const g of groups) expect(out).toContain(g)
    // A word longer than the line (here 500 z; in life a URL) stands whole on its own line, so it can be copied.
    expect(out).toMatch(new RegExp(`\\n {2}blob +${'z'.repeat(500)}\\n`))
    expect(
      Math.max(
        ...out
          .split('\n')
          .filter((l) => !l.includes('z'.repeat(500)))
          .map((l) => l.length),
      ),
    ).toBeLessThanOrEqual(100)
    const narrow = renderReport(inspect(v1AppOnlyToken({ groups })), { colour: false, now: NOW, columns: 60 })
    // Over 60 only where one word (a URL, after its label) is longer than the room left.
    for (const l of narrow.split('\n').filter((x) => x.length > 60))
      expect(l.trim().split(/\s+/).length, l).toBeLessThanOrEqual(2)
    for (const g of groups) expect(narrow).toContain(g)
  })

  it('says what the token can do with its own API, with no flag, as the page does', async () => {
    const r = await cli(['inspect', '--offline', '--now', String(NOW_S), v1AppOnlyToken()])
    const line =
      /Can call\s+(\d+) of (\d+) Microsoft Defender for Endpoint operations as its claims say/.exec(r.stdout)
    expect(Number(line?.[1])).toBeGreaterThan(0)
    expect(Number(line?.[2])).toBeGreaterThan(Number(line?.[1]))
    // A token for an API without a catalog has no such line.
    expect(
      (await cli(['inspect', '--offline', '--now', String(NOW_S), v2DelegatedToken()])).stdout,
    ).not.toMatch(/Can call/)
  })

  it('prints every explanation whole, wrapped, never cut mid-sentence', () => {
    const out = render(v1AppOnlyToken())
    const block = /\n {2}aud\s[^\n]*\n((?: {6,}[^\n]*\n)+)/.exec(out)?.[1] ?? ''
    expect(block.replace(/\n\s+/g, ' ').trim()).toMatch(/[.)]$/)
  })

  it('says why when nothing could be decoded', () => {
    const out = render('not-a-token')
    expect(out).toMatch(/^REFUSED: Opaque token/)
    expect(out).toMatch(/token-opaque/)
    expect(out).not.toMatch(/\nClaims\n/)
  })
})

describe('inspect human output: safety', () => {
  it('escapes control and bidi characters from claims and findings, so a token cannot drive the terminal', () => {
    const evil = `\u001b[2J\u001b]0;pwned\u0007\u202ehidden\r`
    const token = buildToken({
      header: { ...V1_HEADER, kid: evil },
      payload: v1AppOnlyClaims({ iss: `https://evil.example/${evil}/`, [`x${evil}`]: evil, upn: evil }),
    })
    const report = inspect(token)
    expect(codes(report)).toContain('issuer-not-entra')
    const out = renderReport(report, { colour: false, now: NOW })
    expect(out).not.toContain(ESC)
    expect(out).not.toContain('\u0007')
    expect(out).not.toContain('\u202e')
    expect(out).not.toContain('\r')
    expect(out).toContain('\\u001b[2J')
  })

  it('escapes token text in the permission verdict too', async () => {
    const evil = 'Alert.Read.All\u001b[2J\u202e'
    const token = v1AppOnlyToken({ roles: [evil] })
    for (const flags of [
      ['--require', 'Machine.Isolate'],
      ['--require', 'Alert.Read.All'],
    ]) {
      const r = await cli(['inspect', '--offline', '--now', String(NOW_S), '--api', 'mde', ...flags, token])
      expect(r.stdout.split('\n')[1]).toMatch(/^(DENIED|GRANTED)/)
      expect(r.stdout).not.toContain(ESC)
      expect(r.stdout).not.toContain('\u202e')
    }
  })

  it('escapes attacker-controlled text of a consent redirect (error_description, state)', async () => {
    const url =
      'https://app.example.com/cb?error=access_denied&error_description=AADSTS65004%3a+declined%1B%5B2J%E2%80%AE&state=s%1B%5D0%3Bx%07'
    const r = await cli(['consent-result', url])
    expect(r.stdout).toMatch(/CONSENT FAILED/)
    expect(r.stdout + r.stderr).not.toContain(ESC)
    expect(r.stdout + r.stderr).not.toContain('\u0007')
    expect(r.stdout + r.stderr).not.toContain('\u202e')
  })

  it('never prints a token segment or a piece of the signature', () => {
    const tokens = [
      v1AppOnlyToken(),
      expired,
      v1DelegatedToken(),
      v2DelegatedToken(),
      graphToken(),
      idToken(),
      buildToken({ header: { ...V1_HEADER, alg: 'none' } }),
    ]
    for (const token of tokens) {
      const out = renderReport(inspect(`Authorization: Bearer ${token}`), { colour: true, now: NOW })
      expect(out).not.toContain(token)
      const [h, p, s] = token.split('.') as [string, string, string]
      expect(out).not.toContain(h)
      expect(out).not.toContain(p)
      for (let k = 0; k + 12 <= s.length; k++) expect(out).not.toContain(s.slice(k, k + 12))
    }
  })
})

describe('colour', () => {
  it('is used only on a terminal, never with NO_COLOR set to anything non-empty, never for TERM=dumb', () => {
    const io = (isTTY: boolean, env: Record<string, string>) => ({ isTTY, env }) as unknown as CliIO
    expect(useColour(io(true, {}))).toBe(true)
    expect(useColour(io(false, {}))).toBe(false)
    expect(useColour(io(true, { NO_COLOR: '1' }))).toBe(false)
    expect(useColour(io(true, { NO_COLOR: 'false' }))).toBe(false)
    expect(useColour(io(true, { TERM: 'dumb' }))).toBe(false)
  })

  it('reaches the output of inspect and explain', async () => {
    expect(
      (await cli(['inspect', '--offline', '--now', String(NOW_S), expired], { isTTY: true })).stdout,
    ).toContain(ESC)
    expect(
      (
        await cli(['inspect', '--offline', '--now', String(NOW_S), expired], {
          isTTY: true,
          env: { NO_COLOR: '1' },
        })
      ).stdout,
    ).not.toContain(ESC)
    expect((await cli(['explain', 'token-expired'], { isTTY: true })).stdout).toContain(ESC)
    expect(
      (await cli(['explain', 'token-expired'], { isTTY: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toContain(ESC)
  })

  it('never colours --json', async () => {
    expect(
      (await cli(['inspect', '--json', '--offline', '--now', String(NOW_S), expired], { isTTY: true }))
        .stdout,
    ).not.toContain(ESC)
  })
})

describe('inspect in-process', () => {
  it('--json prints exactly the Report inspectToken returns', async () => {
    const r = await cli(['inspect', '--json', '--offline', '--now', String(NOW_S), '-'], { stdin: expired })
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(inspect(expired))))
    expect(r.code).toBe(1)
  })

  it('refuses to wait on a terminal when no token is given', async () => {
    let stderr = ''
    const stdin = Object.assign(Readable.from(['']), { isTTY: true })
    const code = await runCli(['inspect'], {
      stdin,
      stdout: () => {},
      stderr: (s) => {
        stderr += s
      },
      env: {},
      isTTY: true,
    })
    expect(code).toBe(2)
    expect(stderr).toMatch(/no token given/)
  })

  it('inspect --help and explain -h print the usage and exit 0', async () => {
    for (const args of [
      ['inspect', '--help'],
      ['explain', '-h'],
    ]) {
      const r = await cli(args)
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(/^Usage: claimcheck /)
    }
  })

  it('--offline is accepted (inspection is offline until verification lands)', async () => {
    expect((await cli(['inspect', '--offline', '--now', String(NOW_S), v1AppOnlyToken()])).code).toBe(0)
  })
})

describe('text helpers', () => {
  it('relativeTime words past and future for each role', () => {
    const t = (s: number) => new Date((NOW_S + s) * 1000)
    expect(relativeTime(t(-3 * 3600), NOW, 'expires')).toBe('expired 3 h ago')
    expect(relativeTime(t(42 * 60), NOW, 'expires')).toBe('expires in 42 min')
    expect(relativeTime(t(300), NOW, 'not-before')).toBe('valid only in 5 min')
    expect(relativeTime(t(-90), NOW, 'issued')).toBe('issued 1 min 30 s ago')
    expect(relativeTime(t(86400 * 2), NOW, 'plain')).toBe('in 2 d')
  })

  it('firstSentence does not stop at "e.g."', () => {
    expect(firstSentence('A value (e.g. x). Second.')).toBe('A value (e.g. x).')
    expect(firstSentence('No full stop')).toBe('No full stop')
  })

  it('escapeForTerminal leaves ordinary Unicode alone', () => {
    expect(escapeForTerminal('Ada Lind — Zürich ✓')).toBe('Ada Lind — Zürich ✓')
  })
})
