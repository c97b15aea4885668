import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { CliIO } from '../../src/cli/io.js'
import { runCli } from '../../src/cli/run.js'

const CLIENT = '00001111-aaaa-2222-bbbb-3333cccc4444'
const TENANT = 'aaaabbbb-0000-cccc-1111-dddd2222eeee'

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIO = {
    stdin: Readable.from(stdin === '' ? [] : [stdin]),
    stdout: (s) => {
      out += s
    },
    stderr: (s) => {
      err += s
    },
    env: {},
    isTTY: false,
  }
  const code = await runCli(argv, io)
  return { code, out, err }
}

describe('claimcheck consent', () => {
  it('prints the link and what the admin approves', async () => {
    const r = await run([
      'consent',
      '--client-id',
      CLIENT,
      '--tenant',
      TENANT,
      '--api',
      'm365d',
      '--redirect-uri',
      'https://p.example.com/cb',
      '--state',
      'abc',
    ])
    expect(r.code).toBe(0)
    expect(r.out).toContain(
      `https://login.microsoftonline.com/${TENANT}/v2.0/adminconsent?client_id=${CLIENT}&scope=https%3A%2F%2Fapi.security.microsoft.com%2F.default`,
    )
    expect(r.out).toContain('Microsoft 365 Defender')
    expect(r.out).toContain('--expected-state abc')
  })

  it('--json keeps the contract fields', async () => {
    const r = await run(['consent', '--client-id', CLIENT, '--form', 'authorize', '--json'])
    expect(r.code).toBe(0)
    const json = JSON.parse(r.out) as { url: string; form: string; findings: unknown[] }
    expect(json.url).toBe(
      `https://login.microsoftonline.com/common/oauth2/authorize?prompt=consent&client_id=${CLIENT}&response_type=code&sso_reload=true`,
    )
    expect(json.form).toBe('authorize')
    expect(json.findings).toEqual([])
  })

  it('uses the government cloud', async () => {
    const r = await run(['consent', '--client-id', CLIENT, '--tenant', TENANT, '--cloud', 'usgov', '--json'])
    const json = JSON.parse(r.out) as { url: string; findings: { code: string }[] }
    expect(json.url.startsWith(`https://login.microsoftonline.us/${TENANT}/v2.0/adminconsent?`)).toBe(true)
    expect(json.url).toContain('api-gov.securitycenter.microsoft.us')
    expect(json.findings.map((f) => f.code)).toEqual(['redirect-uri-missing'])
  })

  it.each([
    [['--client-id', 'nope'], 'client-id-invalid'],
    [['--client-id', CLIENT, '--tenant', 'common'], 'consent-tenant-invalid'],
    [['--client-id', CLIENT, '--redirect-uri', 'http://p.example.com'], 'redirect-uri-invalid'],
  ])("exits 2 with the finding's message for %j", async (flags, code) => {
    const r = await run(['consent', ...flags])
    expect(r.code).toBe(2)
    expect(r.err).toContain(code)
    expect(r.out).toBe('')
  })

  it.each([
    [[]],
    [['--client-id', CLIENT, '--cloud', 'mars']],
    [['--client-id', CLIENT, '--form', 'v3']],
    [['--client-id', CLIENT, '--api', 'sentinel']],
    [['--client-id', CLIENT, '--bogus']],
  ])('exits 2 on bad flags %j', async (flags) => {
    const r = await run(['consent', ...flags])
    expect(r.code).toBe(2)
    expect(r.err).toContain('Usage:')
  })
})

describe('claimcheck consent-result', () => {
  const ok = `https://p.example.com/cb?admin_consent=True&tenant=${TENANT}&state=abc`

  it('reports a granted consent with the untrusted-tenant warning', async () => {
    const r = await run(['consent-result', ok, '--expected-state', 'abc'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('CONSENT GRANTED')
    expect(r.out).toContain('consent-tenant-untrusted')
  })

  it('--json keeps the contract fields', async () => {
    const r = await run(['consent-result', ok, '--json'])
    const json = JSON.parse(r.out) as Record<string, unknown>
    expect(json).toMatchObject({ ok: true, adminConsent: true, tenant: TENANT, state: 'abc', error: null })
    expect(Array.isArray(json.findings)).toBe(true)
  })

  it('reads standard input', async () => {
    const r = await run(['consent-result', '-', '--json'], `${ok}\n`)
    expect((JSON.parse(r.out) as { tenant: string }).tenant).toBe(TENANT)
  })

  it('exits 1 on a state mismatch and on a consent error', async () => {
    expect((await run(['consent-result', ok, '--expected-state', 'xyz'])).code).toBe(1)
    const declined = await run([
      'consent-result',
      'https://p.example.com/cb?error=access_denied&error_description=AADSTS65004%3A+User+declined+to+consent+to+access+the+app.',
      '--json',
    ])
    expect(declined.code).toBe(1)
    expect((JSON.parse(declined.out) as { error: { code: string } }).error.code).toBe('AADSTS65004')
  })

  it('exits 2 when the input is not a consent redirect', async () => {
    const r = await run(['consent-result', 'https://p.example.com/cb?x=1'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('consent-redirect-invalid')
  })
})

describe('claimcheck explain AADSTS…', () => {
  it('explains a code in human form', async () => {
    const r = await run(['explain', 'AADSTS700016'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('AADSTS700016')
    expect(r.out).toContain('Fix:')
  })

  it('explains bare digits and pasted error text as JSON', async () => {
    const digits = JSON.parse((await run(['explain', '65001', '--json'])).out) as {
      code: string
      meaning: string
      fix: string
    }
    expect(digits.code).toBe('AADSTS65001')
    expect(digits.meaning).toBeTruthy()
    expect(digits.fix).toBeTruthy()
    const text = await run(['explain', '{"error":"invalid_client","error_codes":[7000222]}', '--json'])
    expect((JSON.parse(text.out) as { code: string }).code).toBe('AADSTS7000222')
  })

  it('says clearly that an unknown code is unknown and exits 2', async () => {
    const r = await run(['explain', 'AADSTS123456789'])
    expect(r.code).toBe(2)
    expect(r.out).toContain('unknown code')
    expect(r.err).toContain('unknown AADSTS code')
  })

  it('still explains finding codes', async () => {
    const r = await run(['explain', 'consent-state-mismatch', '--json'])
    expect(r.code).toBe(0)
    expect((JSON.parse(r.out) as { code: string }).code).toBe('consent-state-mismatch')
  })
})
