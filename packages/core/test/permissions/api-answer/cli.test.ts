import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/run.js'
import { NOW, TENANT, appOnlyClaims, jwt } from '../tokens.js'
import { ANSWER_FIXTURES } from './fixtures.js'

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

describe('claimcheck explain <API answer>', () => {
  it.each(ANSWER_FIXTURES.map((f) => [f.name, f.text] as const))(
    'recognises %s: exit 0',
    async (_name, text) => {
      const r = await run(['explain', text])
      expect(r.code).toBe(0)
      expect(r.out).toMatch(/Fix:/)
    },
  )

  it('--json carries the contract fields and the explanation; --token names the permission and the consent link', async () => {
    const text = ANSWER_FIXTURES.find((f) => f.name.includes('only Machine.StopAndQuarantine'))
      ?.text as string
    const r = await run([
      'explain',
      '--json',
      '--now',
      String(NOW),
      '--token',
      jwt(appOnlyClaims(['Machine.StopAndQuarantine'])),
      text,
    ])
    expect(r.code).toBe(0)
    const json = JSON.parse(r.out) as Record<string, unknown>
    expect(json).toMatchObject({
      code: 'missing-required-permissions',
      recognized: true,
      add: { permission: 'Machine.Read.All', kind: 'application', api: 'mde' },
    })
    expect(typeof json.fix).toBe('string')
    expect(JSON.stringify(json.add)).toContain(`/${TENANT}/adminconsent`)
  })

  it('keeps finding codes, AADSTS codes and claims working', async () => {
    expect((await run(['explain', 'token-expired'])).code).toBe(0)
    expect((await run(['explain', 'AADSTS65001'])).code).toBe(0)
    expect((await run(['explain', 'upn'])).code).toBe(0)
    expect((await run(['explain', 'audience-refused-by-api'])).code).toBe(0)
  })

  it('exits 2 for text it does not recognise, and for --token without an answer', async () => {
    const r = await run(['explain', '{"error":{"code":"NotFound","message":"nope"}}'])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect((await run(['explain', '--token', 'x.y.z', 'upn'])).code).toBe(2)
  })
})

describe('claimcheck inspect names both permissions of an operation that needs two', () => {
  it('DENIED line lists the companion group', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const file = join(mkdtempSync(join(tmpdir(), 'cc-also-')), 'catalog.json')
    writeFileSync(
      file,
      JSON.stringify({
        id: 'mde-like',
        name: 'MDE-like',
        appId: null,
        identifierUris: ['https://api.securitycenter.microsoft.com'],
        permissions: ['Machine.StopAndQuarantine', 'Machine.Read.All', 'Machine.ReadWrite.All'].map(
          (value) => ({ value, kind: 'application', id: null }),
        ),
        operations: [
          {
            method: 'POST',
            path: '/api/machines/{id}/StopAndQuarantineFile',
            application: ['Machine.StopAndQuarantine'],
            alsoRequires: { application: [['Machine.Read.All', 'Machine.ReadWrite.All']] },
          },
        ],
      }),
    )
    const r = await run([
      'inspect',
      jwt(appOnlyClaims(['Machine.StopAndQuarantine'])),
      '--now',
      String(NOW),
      '--offline',
      '--catalog',
      file,
      '--operation',
      'POST /api/machines/1/StopAndQuarantineFile',
    ])
    expect(r.code).toBe(1)
    // The verdict leads (REFUSED), then the DENIED paragraph (wrapped to the terminal width).
    expect(r.out.split('\n')[0]).toMatch(/^REFUSED: /)
    const denied = (r.out.slice(r.out.indexOf('DENIED: ')).split('\n\n')[0] as string).replace(/\s+/g, ' ')
    expect(denied).toMatch(/^DENIED: /)
    expect(denied).toContain('Machine.StopAndQuarantine')
    expect(denied).toContain('one of Machine.Read.All or Machine.ReadWrite.All')
  })
})

describe('claimcheck explain: which API answered, status lines, Entra errors, --help (issue 24)', () => {
  it("Graph's answer with a Defender for Endpoint token: Graph answered, request a Graph token", async () => {
    const graph = ANSWER_FIXTURES.find((f) => f.name.startsWith('Graph alerts_v2'))?.text as string
    const token = jwt(appOnlyClaims(['Machine.Read.All']))
    const r = await run(['explain', '--now', String(NOW), '--token', token, graph])
    expect(r.code).toBe(0)
    expect(r.out.split('\n')[0]).toMatch(/^403 answer from Microsoft Graph/)
    expect(r.out).toMatch(/your token is for: Microsoft Defender for Endpoint/)
    expect(r.out).toMatch(
      /request a Graph token \(https:\/\/graph\.microsoft\.com\/\.default\) with SecurityAlert\.Read\.All/,
    )
    expect(r.out).toMatch(/add: SecurityAlert\.Read\.All \(application permission, Microsoft Graph\)/)
  })

  it("reads 'HTTP/1.1 401 Unauthorized' as an API answer, not a claim name", async () => {
    const r = await run(['explain', 'HTTP/1.1 401 Unauthorized'])
    expect(r.code).toBe(0)
    expect(r.out.split('\n')[0]).toMatch(/^401 answer from/)
    expect(r.err).toBe('')
  })

  it('an AADSTS code keeps its own answer and --json shape', async () => {
    const r = await run(['explain', '--json', 'AADSTS9010010'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ code: 'AADSTS9010010', known: true })
  })

  it('--help lists every kind of input it reads', async () => {
    const r = await run(['explain', '--help'])
    expect(r.code).toBe(0)
    for (const kind of [
      "an API's answer",
      'WWW-Authenticate',
      'HTTP/1.1 401',
      'an Entra error',
      'a finding code',
      'a claim name',
    ])
      expect(r.out).toContain(kind)
  })
})
