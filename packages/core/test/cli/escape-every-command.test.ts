// Issue 24 point 1: hostile text through every command and every argument never reaches stdout or stderr raw.
// The text is ESC and OSC (window title), CSI (clear screen, a fake green verdict), C1 (a one-byte CSI, NEL) and
// bidi controls; it is fed as each flag's value, as the positional argument, inside a token's claims, inside an
// API answer, a redirect URL, a tenants file and the token endpoint's error body (through a stubbed fetch).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { CliIO } from '../../src/cli/io.js'
import { COMMAND_NAMES, runCli } from '../../src/cli/run.js'
import { escapeOutput } from '../../src/cli/output/writer.js'
import { makeStyle } from '../../src/cli/output/style.js'
import { NOW_S, V1_HEADER, buildToken, v1AppOnlyClaims } from '../fixtures/tokens.js'

const EVIL = '\u001b]0;pwned\u0007\u001b[2J\u001b[32mWORKS\u009b31m\u0085\u202e\u2066\u200f\u2028x'
// Every character the writer must never let through, but the line feed output is made of.
const RAW_UNSAFE =
  // eslint-disable-next-line no-control-regex -- finding raw control characters is this pattern's purpose
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u
// With colour on, our palette's own SGR codes, and the tenants progress line's constant \r and erase-line.
// eslint-disable-next-line no-control-regex -- these are the sequences the CLI itself emits
const OUR_SEQUENCES = /\u001b\[\d{1,2}m|\r|\u001b\[K/gu

let dir: string
const file = (name: string, text: string): string => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cc-escape-'))
  // Every network answer carries the hostile text too: discovery, key sets, the token endpoint.
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(
          JSON.stringify({
            error: `invalid_client${EVIL}`,
            error_description: `AADSTS7000215: Invalid client secret provided.${EVIL}\r\nTrace ID: ${EVIL}`,
            error_codes: [7000215],
            issuer: EVIL,
            jwks_uri: `https://login.microsoftonline.com/${EVIL}`,
          }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        ),
    ),
  )
})
afterAll(() => {
  vi.unstubAllGlobals()
})

async function cli(argv: string[], isTTY: boolean) {
  let stdout = ''
  let stderr = ''
  const io: CliIO = {
    stdin: Readable.from([EVIL]),
    stdout: (s) => {
      stdout += s
    },
    stderr: (s) => {
      stderr += s
    },
    env: { CLAIMCHECK_CLIENT_SECRET: 'a-secret-value' },
    isTTY,
    columns: 80,
  }
  const code = await runCli(argv, io)
  return { code, stdout, stderr }
}

const evilToken = (): string =>
  buildToken({
    header: { ...V1_HEADER, kid: `k${EVIL}` },
    payload: v1AppOnlyClaims({
      aud: `https://api.securitycenter.microsoft.com${EVIL}`,
      roles: [EVIL],
      x: EVIL,
    }),
  })
const AT = ['--now', String(NOW_S)]

/** Each command's flags, each given the hostile value (one flag per run, the rest well-formed). */
const FLAG_CASES: Record<string, { base: string[]; flags: string[] }> = {
  inspect: {
    base: ['--offline', ...AT],
    flags: [
      '--now',
      '--jwks',
      '--audience',
      '--tenant',
      '--client-app',
      '--api',
      '--operation',
      '--require',
      '--catalog',
      '--clock-skew',
    ],
  },
  explain: { base: ['token-expired'], flags: ['--token', '--now'] },
  consent: {
    base: ['--client-id', '7c3e9b14-2d5a-4f86-9e01-b4a8c6d2f753'],
    flags: ['--client-id', '--tenant', '--cloud', '--api', '--redirect-uri', '--state', '--form'],
  },
  'consent-result': {
    base: ['https://app.example.com/cb?admin_consent=True&tenant=t'],
    flags: ['--expected-state'],
  },
  permissions: { base: [], flags: ['--api', '--catalog', '--operation'] },
  tenants: {
    base: ['--client-id', '7c3e9b14-2d5a-4f86-9e01-b4a8c6d2f753', '--tenants', '-'],
    flags: [
      '--client-id',
      '--tenants',
      '--api',
      '--operation',
      '--require',
      '--cloud',
      '--certificate',
      '--federated-token-file',
      '--concurrency',
      '--timeout',
      '--authority',
      '--redirect-uri',
    ],
  },
}

/** Whole runs whose input (not a flag) carries the hostile text. */
const INPUT_CASES: readonly (readonly string[])[] = [
  [EVIL],
  ['inspect', '--offline', ...AT, evilToken()],
  ['inspect', '--offline', '--json', ...AT, evilToken()],
  ['inspect', ...AT, evilToken()],
  ['inspect', '--offline', ...AT, '-'],
  ['inspect', '--offline', ...AT, '--api', 'mde', '--operation', 'GET /api/machines', evilToken()],
  ['explain', EVIL],
  ['explain', `AADSTS65001: ${EVIL}`],
  ['explain', '--json', `AADSTS65001: ${EVIL}`],
  ['explain', `AADSTS99999${EVIL}`],
  [
    'explain',
    `{"error":{"code":"Forbidden${EVIL}","message":"Missing application roles. API required roles: ${EVIL}, application roles: ${EVIL}"}}`,
  ],
  ['explain', '--json', `{"error":{"code":"Forbidden${EVIL}","message":"${EVIL}"}}`],
  ['explain', `WWW-Authenticate: Bearer error="insufficient_claims${EVIL}", claims="${EVIL}"`],
  [
    'explain',
    '--token',
    evilToken(),
    'Missing application roles. API required roles: Machine.Read.All, application roles: .',
  ],
  ['explain', `HTTP/1.1 401 Unauthorized${EVIL}`],
  [
    'consent-result',
    `https://app.example.com/cb?error=${encodeURIComponent(EVIL)}&error_description=${encodeURIComponent(`AADSTS65004: ${EVIL}`)}&state=${encodeURIComponent(EVIL)}`,
  ],
  [
    'consent-result',
    '--json',
    `https://app.example.com/cb?error=x${encodeURIComponent(EVIL)}&error_description=${encodeURIComponent(EVIL)}`,
  ],
  [
    'consent-result',
    `https://app.example.com/cb?admin_consent=${encodeURIComponent(EVIL)}&tenant=${encodeURIComponent(EVIL)}&scope=${encodeURIComponent(EVIL)}`,
  ],
  ['consent-result', EVIL],
  ['consent-result', '-'],
  ['tenants', '--client-id', '7c3e9b14-2d5a-4f86-9e01-b4a8c6d2f753', '--tenants', '-'],
  ['tenants', '--client-id', '7c3e9b14-2d5a-4f86-9e01-b4a8c6d2f753', '--json', '--tenants', '-'],
]

function cases(): string[][] {
  const out: string[][] = INPUT_CASES.map((c) => [...c])
  for (const name of COMMAND_NAMES) {
    // Every command, known flags or not: the hostile text as its argument, as an unknown flag, after --json.
    out.push([name, EVIL], [name, `--${EVIL}`], [name, '--json', EVIL])
    const spec = FLAG_CASES[name]
    if (spec === undefined) continue
    for (const flag of spec.flags) {
      const base = [...spec.base]
      const at = base.indexOf(flag)
      if (at >= 0) base.splice(at, 2)
      out.push([name, ...base, flag, EVIL], [name, ...base, flag, file(`f${out.length}`, `${EVIL}\n`)])
    }
  }
  return out
}

describe('no hostile character reaches either stream raw, whatever the command and argument', () => {
  it('covers every registered command with flag cases', () => {
    for (const name of ['inspect', 'explain', 'consent', 'consent-result', 'permissions', 'tenants'])
      expect(COMMAND_NAMES).toContain(name)
  })

  it('without a terminal: no control, C1 or bidi character at all (line feeds aside)', async () => {
    for (const argv of cases()) {
      const r = await cli(argv, false)
      const label = JSON.stringify(argv).slice(0, 160)
      expect(r.stdout, label).not.toMatch(RAW_UNSAFE)
      expect(r.stderr, label).not.toMatch(RAW_UNSAFE)
      // Something was said: a usage error, an answer or a verdict, never silence.
      expect(r.stdout.length + r.stderr.length, label).toBeGreaterThan(0)
    }
  }, 120_000)

  it('on a terminal with colour: only the palette and the progress line, nothing of the input', async () => {
    for (const argv of cases()) {
      const r = await cli(argv, true)
      const label = JSON.stringify(argv).slice(0, 160)
      expect(r.stdout.replace(OUR_SEQUENCES, ''), label).not.toMatch(RAW_UNSAFE)
      expect(r.stderr.replace(OUR_SEQUENCES, ''), label).not.toMatch(RAW_UNSAFE)
      expect(`${r.stdout}${r.stderr}`, label).not.toContain('\u001b[32mWORKS')
    }
  }, 120_000)
})

describe("outside answers reach the output escaped (the stubbed network's hostile error text)", () => {
  it.each([false, true])('tenants quotes the token endpoint error escaped (terminal: %s)', async (tty) => {
    const list = file('tenants.txt', 'contoso.onmicrosoft.com\n')
    for (const json of [[], ['--json']]) {
      const r = await cli(
        ['tenants', '--client-id', '7c3e9b14-2d5a-4f86-9e01-b4a8c6d2f753', ...json, '--tenants', list],
        tty,
      )
      expect(r.stdout).toContain('contoso.onmicrosoft.com')
      // The endpoint's own error text is there, visibly escaped (--json quotes it in full).
      if (json.length > 0) expect(r.stdout).toContain('invalid_client\\u001b]0;pwned\\u0007')
      expect(r.stdout.replace(OUR_SEQUENCES, '')).not.toMatch(RAW_UNSAFE)
      expect(r.stderr.replace(OUR_SEQUENCES, '')).not.toMatch(RAW_UNSAFE)
    }
  })
})

describe('the writer', () => {
  it('turns our own style marks into colour only when colour is on, and escapes every real ESC', () => {
    const st = makeStyle(true)
    const styled = `${st.red('a')}${st.bold(st.green('b'))}`
    expect(escapeOutput(styled, true)).toBe('\u001b[31ma\u001b[39m\u001b[1m\u001b[32mb\u001b[39m\u001b[22m')
    expect(escapeOutput(styled, false)).toBe('ab')
    expect(escapeOutput(`x${EVIL}\ny`, true)).toBe(
      'x\\u001b]0;pwned\\u0007\\u001b[2J\\u001b[32mWORKS\\u009b31m\\u0085\\u202e\\u2066\\u200f\\u2028x\ny',
    )
  })

  it('keeps JSON valid: what it escapes inside strings parses back to the same text', () => {
    const value = { s: EVIL }
    expect(JSON.parse(escapeOutput(JSON.stringify(value), false))).toEqual(value)
  })
})
