import { beforeAll, describe, expect, it } from 'vitest'
import {
  ensureCliBuilt,
  loadedModules,
  runBuiltCli,
  runBuiltCliOnTty,
  TRACE_IMPORTS,
} from '../fixtures/built-cli.js'
import {
  CLIENT,
  M365D_AUD,
  NOW_S,
  OTHER_TENANT,
  TENANT,
  v1AppOnlyToken,
  v1DelegatedToken,
  v2DelegatedToken,
} from '../fixtures/tokens.js'

const NOW = String(NOW_S)
const valid = v1AppOnlyToken()
const expired = v1AppOnlyToken({ iat: NOW_S - 4 * 3600, nbf: NOW_S - 4 * 3600, exp: NOW_S - 3 * 3600 })
const ESC = '\u001b'

beforeAll(async () => {
  await ensureCliBuilt()
}, 180_000)

/** Every 12-character window of the signature: none may appear in any output. */
function signatureWindows(token: string): string[] {
  const sig = token.split('.')[2] ?? ''
  return Array.from({ length: Math.max(0, sig.length - 11) }, (_, k) => sig.slice(k, k + 12))
}

// Each test starts its own processes and shares nothing: run them side by side.
describe.concurrent('claimcheck inspect (built CLI, child process)', () => {
  it('exits 0 for a good token given as an argument', async () => {
    const r = await runBuiltCli(['inspect', '--offline', '--now', NOW, valid])
    expect(r.code).toBe(0)
    // Offline, the signature is not checked: never "OK", never "works".
    expect(r.stdout.split('\n')[0]).toMatch(/^UNDETERMINED: the signature was not checked/)
    expect(r.stderr).toBe('')
  })

  it('exits 1 for an expired token and says so in the summary, the findings and the claims', async () => {
    const r = await runBuiltCli(['inspect', '--offline', '--now', NOW, expired])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/expired 3 h ago/)
    expect(r.stdout).toMatch(/token-expired/)
  })

  it('reads the token from standard input with -', async () => {
    const r = await runBuiltCli(['inspect', '--offline', '--now', NOW, '-'], { stdin: `${expired}\n` })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/token-expired/)
  })

  it('reads standard input when no token argument is given', async () => {
    const r = await runBuiltCli(['inspect', '--offline', '--now', NOW], { stdin: valid })
    expect(r.code).toBe(0)
  })

  it('accepts a whole Authorization header line on standard input and as an argument', async () => {
    const a = await runBuiltCli(['inspect', '--json', '--offline', '--now', NOW, '-'], {
      stdin: `Authorization: Bearer ${valid}\r\n`,
    })
    expect(a.code).toBe(0)
    expect((JSON.parse(a.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code)).toContain(
      'input-normalized',
    )
    const b = await runBuiltCli(['inspect', '--offline', '--now', NOW, `Bearer ${valid}`])
    expect(b.code).toBe(0)
  })

  it('prints the contract Report with --json --offline - and exits 1 for an expired token', async () => {
    const r = await runBuiltCli(['inspect', '--json', '--offline', '--now', NOW, '-'], { stdin: expired })
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout) as Record<string, unknown> & {
      token: Record<string, unknown>
      findings: { code: string; severity: string; message: string }[]
    }
    expect(Object.keys(report).sort()).toEqual([
      'findings',
      'ok',
      'permissions',
      'signature',
      'token',
      'verdict',
    ])
    expect(report.ok).toBe(false)
    expect(report.token).toMatchObject({
      version: '1.0',
      kind: 'app-only',
      tenantId: TENANT,
      appId: CLIENT,
      audience: 'https://api.securitycenter.microsoft.com',
      api: 'mde',
      roles: ['Machine.Read.All', 'Alert.Read.All'],
      scopes: [],
      issuedAt: new Date((NOW_S - 4 * 3600) * 1000).toISOString(),
      expiresAt: new Date((NOW_S - 3 * 3600) * 1000).toISOString(),
    })
    expect(report.token).toHaveProperty('header.alg', 'RS256')
    expect(report.token).toHaveProperty('payload.tid', TENANT)
    expect(report.signature).toMatchObject({ status: 'not-checked' })
    expect(report.permissions).toMatchObject({ required: [], granted: [], missing: [] })
    for (const f of report.findings)
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['code', 'severity', 'message']))
    expect(report.findings[0]).toMatchObject({ code: 'token-expired', severity: 'error' })
  })

  it('--json reports delegated scopes and the version of a v2 token', async () => {
    const r = await runBuiltCli(['inspect', '--json', '--offline', '--now', NOW, v2DelegatedToken()])
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: true,
      token: { version: '2.0', kind: 'delegated', scopes: ['access_as_user'], roles: [] },
    })
  })

  it('--json gives token null and exit 1 for input that is not a JWT', async () => {
    const r = await runBuiltCli(['inspect', '--json', '--offline', 'opaque-refresh-token'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: false,
      token: null,
      findings: [{ code: 'token-opaque' }],
    })
  })

  it('applies repeatable --tenant, --audience and --client-app, and --clock-skew', async () => {
    const ok = await runBuiltCli([
      'inspect',
      '--json',
      '--offline',
      '--now',
      NOW,
      '--tenant',
      OTHER_TENANT,
      '--tenant',
      TENANT,
      '--audience',
      M365D_AUD,
      '--audience',
      'https://api.securitycenter.microsoft.com',
      '--client-app',
      CLIENT,
      valid,
    ])
    expect(ok.code).toBe(0)
    const bad = await runBuiltCli([
      'inspect',
      '--json',
      '--offline',
      '--now',
      NOW,
      '--tenant',
      OTHER_TENANT,
      '--client-app',
      OTHER_TENANT,
      valid,
    ])
    expect(bad.code).toBe(1)
    expect((JSON.parse(bad.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['tenant-not-allowed', 'client-app-not-allowed']),
    )
    // Expired 3 h ago: a skew of 4 h accepts it.
    expect(
      (await runBuiltCli(['inspect', '--offline', '--now', NOW, '--clock-skew', String(4 * 3600), expired]))
        .code,
    ).toBe(0)
  })

  it('accepts --now as ISO-8601', async () => {
    expect(
      (await runBuiltCli(['inspect', '--offline', '--now', new Date(NOW_S * 1000).toISOString(), valid]))
        .code,
    ).toBe(0)
    expect((await runBuiltCli(['inspect', '--offline', '--now', '2030-01-01T00:00:00Z', valid])).code).toBe(1)
  })

  it.each([
    ['an unknown flag', ['inspect', '--frobnicate', valid]],
    ['a bad --now', ['inspect', '--now', 'yesterday', valid]],
    ['a bad --clock-skew', ['inspect', '--clock-skew', '-5', valid]],
    ['two tokens', ['inspect', valid, valid]],
    ['an unreadable --jwks file', ['inspect', '--jwks', '/nonexistent/keys.json', valid]],
    ['an unknown --api', ['inspect', '--offline', '--api', 'nope', valid]],
    [
      'an --operation without a method',
      ['inspect', '--offline', '--api', 'mde', '--operation', '/api/alerts', valid],
    ],
    ['an unknown command', ['frobnicate']],
    ['no command', []],
  ])('exits 2 for %s, with the reason on stderr', async (_, args) => {
    const r = await runBuiltCli(args)
    expect(r.code).toBe(2)
    if (args.length > 0) expect(r.stderr.length).toBeGreaterThan(0)
  })

  it('exits 2 for standard input larger than the limit', async () => {
    const r = await runBuiltCli(['inspect', '--offline', '-'], { stdin: 'a'.repeat(1_100_000) })
    expect(r.code).toBe(2)
  })

  it('exits 0 for --help', async () => {
    const r = await runBuiltCli(['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/claimcheck inspect/)
  })

  it('never prints the whole token or any part of its signature', async () => {
    const tokens = [
      v1DelegatedToken(),
      `${valid.split('.').slice(0, 2).join('.')}.${'*'.repeat(40)}${valid.split('.')[2]}`,
    ]
    for (const token of tokens) {
      for (const args of [
        ['inspect', '--offline', '--now', NOW, token],
        ['inspect', '--offline', '--now', NOW, `Authorization: Bearer ${token}`],
      ]) {
        const r = await runBuiltCli(args)
        const out = r.stdout + r.stderr
        expect(out).not.toContain(token)
        for (const segment of token.split('.')) if (segment.length > 0) expect(out).not.toContain(segment)
        for (const w of signatureWindows(token)) expect(out).not.toContain(w)
      }
    }
    // Nor in usage errors.
    const usage = await runBuiltCli(['inspect', '--offline', '--nope', valid])
    expect(usage.stdout + usage.stderr).not.toContain(valid.split('.')[2]?.slice(0, 12))
  })

  it('loads neither jose nor other commands for inspect --offline (start-up stays small)', async () => {
    const r = await runBuiltCli(['inspect', '--offline', '--json', '--now', NOW, valid], {
      nodeArgs: TRACE_IMPORTS,
    })
    expect(r.code).toBe(0)
    const loaded = loadedModules(r.stderr)
    expect(loaded.some((u) => u.endsWith('/dist/cli/commands/inspect.js'))).toBe(true)
    expect(loaded.filter((u) => /\/jose\/|\/node_modules\//.test(u))).toEqual([])
    expect(
      loaded.filter((u) =>
        /\/dist\/(consent|testing)\/|\/verify\/|\/keyset\/|commands\/(consent|explain|permissions)/.test(u),
      ),
    ).toEqual([])
  })

  it('loads no jose and no verifier for inspect --offline with a permission check either', async () => {
    const r = await runBuiltCli(
      [
        'inspect',
        '--offline',
        '--json',
        '--now',
        NOW,
        '--api',
        'mde',
        '--operation',
        'GET /api/machines',
        valid,
      ],
      { nodeArgs: TRACE_IMPORTS },
    )
    expect(r.code).not.toBe(2)
    const loaded = loadedModules(r.stderr)
    expect(loaded.some((u) => u.endsWith('/dist/permissions/check.js'))).toBe(true)
    expect(loaded.filter((u) => /\/jose\/|\/node_modules\//.test(u))).toEqual([])
    expect(loaded.filter((u) => /\/verify\/|\/keyset\//.test(u))).toEqual([])
  })

  it('writes no colour when standard output is not a terminal', async () => {
    const r = await runBuiltCli(['inspect', '--offline', '--now', NOW, expired])
    expect(r.stdout).not.toContain(ESC)
  })

  it('colours on a terminal, and never with NO_COLOR', async () => {
    const coloured = runBuiltCliOnTty(['inspect', '--offline', '--now', NOW, expired])
    const plain = runBuiltCliOnTty(['inspect', '--offline', '--now', NOW, expired], { NO_COLOR: '1' })
    if (coloured === null || plain === null) {
      console.warn('skipped: no pseudo-terminal (util-linux script) available')
      return
    }
    expect(coloured).toContain(`${ESC}[`)
    expect(plain).toMatch(/token-expired/)
    expect(plain).not.toContain(ESC)
  })
})

describe.concurrent('claimcheck explain (built CLI, child process)', () => {
  it('explains a finding code, exit 0', async () => {
    const r = await runBuiltCli(['explain', 'token-expired'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^token-expired \(error\)/)
    expect(r.stdout).toMatch(/Fix:/)
  })

  it('--json gives { code, meaning, fix }', async () => {
    const r = await runBuiltCli(['explain', '--json', 'audience-mismatch'])
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout) as Record<string, unknown>
    expect(json).toMatchObject({ code: 'audience-mismatch', topic: 'finding', severity: 'error' })
    expect(typeof json.meaning).toBe('string')
    expect(typeof json.fix).toBe('string')
  })

  it('explains a claim', async () => {
    const r = await runBuiltCli(['explain', '--json', 'upn'])
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 'upn', topic: 'claim', fix: null })
  })

  it.each([
    ['an unknown finding code', ['explain', 'token-exploded']],
    ['an unknown claim', ['explain', 'frob']],
    ['no code', ['explain']],
    ['__proto__', ['explain', '__proto__']],
  ])('exits 2 for %s', async (_, args) => {
    const r = await runBuiltCli(args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
  })
})
