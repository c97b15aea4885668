import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CliIO } from '../../src/cli/io.js'
import { runCli } from '../../src/cli/run.js'
import { TENANT_OUTCOMES } from '../../src/index.js'
import {
  createTenantsFake,
  createTestCertificate,
  type FakeTenantSetup,
  type TenantsFake,
} from '../../src/testing/index.js'
import { serveOnLoopback, type LoopbackServer } from './loopback.js'

const CLIENT = '11112222-3333-4444-8555-666677778888'
const SECRET = 'Zq8~cli-secret-value-that-must-never-show'
const T = (n: number): string => `cccccccc-0000-4000-8000-${String(n).padStart(12, '0')}`
const SETUP: Record<string, FakeTenantSetup> = {
  [T(1)]: { outcome: 'ready' },
  [T(2)]: { outcome: 'missing-permissions', roles: ['Machine.Read.All'] },
  [T(3)]: { outcome: 'not-consented' },
  [T(4)]: { outcome: 'not-onboarded' },
  [T(5)]: { outcome: 'api-not-in-tenant' },
  [T(9)]: { outcome: 'ready', cloud: 'usgov' },
}

let fake: TenantsFake
let server: LoopbackServer
let dir: string
beforeAll(async () => {
  fake = createTenantsFake({ clientId: CLIENT, secret: SECRET, tenants: SETUP })
  server = await serveOnLoopback(fake.handle)
  dir = mkdtempSync(join(tmpdir(), 'claimcheck-tenants-'))
})
afterAll(async () => server.close())

function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

async function run(
  argv: string[],
  opts: { env?: Record<string, string>; isTTY?: boolean; stdin?: string } = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIO = {
    stdin: Readable.from(opts.stdin === undefined ? [] : [opts.stdin]),
    stdout: (s) => {
      out += s
    },
    stderr: (s) => {
      err += s
    },
    env: opts.env ?? { CLAIMCHECK_CLIENT_SECRET: SECRET },
    isTTY: opts.isTTY ?? false,
  }
  const code = await runCli(['tenants', ...argv], io)
  return { code, out, err }
}

const LIST = `# customers\n${T(1)}\n${T(2)}\n\n${T(3)}   # consented last year\n${T(4)}\n${T(5)}\n${T(6)}\n${T(9)},usgov\n`
const base = (): string[] => [
  '--client-id',
  CLIENT,
  '--tenants',
  file('list.txt', LIST),
  '--api',
  'mde',
  '--operation',
  'POST /api/machines/{id}/isolate',
  '--authority',
  server.origin,
]

describe('claimcheck tenants', { timeout: 30_000 }, () => {
  it('--json writes one JSON object per tenant per line, then a summary line; exit 1 when not all are ready', async () => {
    const r = await run([...base(), '--json'])
    expect(r.code).toBe(1)
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toHaveLength(8)
    const tenants = lines.slice(0, 7)
    expect(tenants.every((l) => l.record === 'tenant' && TENANT_OUTCOMES.includes(l.outcome as never))).toBe(
      true,
    )
    expect(Object.fromEntries(tenants.map((l) => [l.tenant, l.outcome]))).toEqual({
      [T(1)]: 'ready',
      [T(2)]: 'missing-permissions',
      [T(3)]: 'not-consented',
      [T(4)]: 'not-onboarded',
      [T(5)]: 'api-not-in-tenant',
      [T(6)]: 'tenant-not-found',
      [T(9)]: 'ready',
    })
    expect(tenants.find((l) => l.tenant === T(9))?.cloud).toBe('usgov')
    expect(String(tenants.find((l) => l.tenant === T(9))?.consentUrl)).toMatch(
      /^https:\/\/login\.microsoftonline\.us\//,
    )
    expect(lines[7]).toMatchObject({
      record: 'summary',
      total: 7,
      allReady: false,
      counts: { ready: 2, 'not-onboarded': 1 },
      stoppedEarly: null,
    })
    expect(r.err).toBe('')
  })

  it('exit 0 when every tenant is ready', async () => {
    const r = await run([
      '--client-id',
      CLIENT,
      '--tenants',
      file('ready.txt', `${T(1)}\n`),
      '--authority',
      server.origin,
      '--json',
    ])
    expect(r.code).toBe(0)
  })

  it('asks each tenant once when the list repeats it', async () => {
    const before = fake.requestsFor(T(1))
    const r = await run([
      '--client-id',
      CLIENT,
      '--tenants',
      file('dup.txt', `${T(1)}\n${T(1).toUpperCase()}\n`),
      '--authority',
      server.origin,
      '--json',
    ])
    expect(r.out.trimEnd().split('\n')).toHaveLength(2)
    expect(fake.requestsFor(T(1)) - before).toBe(1)
    expect(r.err).toMatch(/1 duplicate/)
  })

  it('reads the list from standard input with -', async () => {
    const r = await run(['--client-id', CLIENT, '--tenants', '-', '--authority', server.origin, '--json'], {
      stdin: `${T(1)}\n${T(3)}\n`,
    })
    expect(r.code).toBe(1)
    expect(r.out.trimEnd().split('\n')).toHaveLength(3)
  })

  it('prints a table sorted by what needs action, each with its consent link', async () => {
    const r = await run(base())
    expect(r.code).toBe(1)
    const rows = r.out
      .split('\n')
      .filter((l) =>
        /^(ready|missing permissions|not consented|not onboarded|API not in tenant|tenant not found)\s/.test(
          l,
        ),
      )
    expect(rows.map((l) => l.split(/\s{2,}/)[0])).toEqual([
      'tenant not found',
      'not onboarded',
      'not consented',
      'missing permissions',
      'API not in tenant',
      'ready',
      'ready',
    ])
    expect(r.out).toContain(
      `consent: https://login.microsoftonline.com/${T(4)}/v2.0/adminconsent?client_id=${CLIENT}`,
    )
    expect(r.out).toContain('lacks Machine.Isolate')
    expect(r.out).toContain('AADSTS700016')
  })

  it('shows a progress bar and live counts on stderr only on a terminal, never with --json', async () => {
    const tty = await run(base(), { isTTY: true })
    expect(tty.err).toMatch(/\[#+\.*\] \d+\/7 {2}ready \d+ · missing \d+ · not consented \d+ · failed \d+/)
    expect((await run(base(), { isTTY: false })).err).toBe('')
    expect((await run([...base(), '--json'], { isTTY: true })).err).toBe('')
  })

  it('a wrong secret stops the run after the first tenant and says so', async () => {
    const before = fake.requests
    const r = await run([...base(), '--json', '--concurrency', '1'], {
      env: { CLAIMCHECK_CLIENT_SECRET: 'not-the-secret' },
    })
    expect(r.code).toBe(1)
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines.map((l) => l.record)).toEqual(['tenant', 'summary'])
    expect(lines[1]).toMatchObject({ stoppedEarly: { outcome: 'credential-problem', untried: 6 } })
    expect(fake.requests - before).toBe(1)
  })

  it('never prints the secret or a token, in any output form or on failure', async () => {
    const outputs = [await run(base()), await run([...base(), '--json']), await run(base(), { isTTY: true })]
    outputs.push(await run([...base(), '--authority', 'http://example.com']))
    for (const o of outputs) {
      for (const text of [o.out, o.err]) {
        expect(text).not.toContain(SECRET)
        expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./)
      }
    }
  })

  it('accepts a certificate PEM (key and certificate in one file)', async () => {
    const cert = await createTestCertificate()
    const certFake = createTenantsFake({
      clientId: CLIENT,
      certificatePem: cert.certificatePem,
      tenants: { [T(1)]: { outcome: 'ready' } },
    })
    const local = await serveOnLoopback(certFake.handle)
    try {
      const r = await run(
        [
          '--client-id',
          CLIENT,
          '--tenants',
          file('one.txt', `${T(1)}\n`),
          '--certificate',
          file('app.pem', cert.pem),
          '--authority',
          local.origin,
          '--json',
        ],
        { env: {} },
      )
      expect(r.code).toBe(0)
      expect(r.out).not.toContain(cert.privateKeyPem.split('\n')[1])
    } finally {
      await local.close()
    }
  })

  it('streams JSONL: the line of a fast tenant is written while a slow one is still in flight', async () => {
    const mixed = createTenantsFake({
      clientId: CLIENT,
      secret: SECRET,
      tenants: { [T(1)]: { outcome: 'ready', delayMs: 1500 }, [T(3)]: { outcome: 'not-consented' } },
    })
    const local = await serveOnLoopback(mixed.handle)
    // Let the fake make its signing key first: on a busy machine that alone can outlast the slow tenant's delay.
    await mixed.fetch(`${local.origin}/${T(3)}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: CLIENT,
        client_secret: SECRET,
        scope: 'https://api.securitycenter.microsoft.com/.default',
      }),
    })
    try {
      const inFlightAtWrite: number[] = []
      const io: CliIO = {
        stdin: Readable.from([]),
        stdout: () => {
          inFlightAtWrite.push(mixed.inFlight)
        },
        stderr: () => {},
        env: { CLAIMCHECK_CLIENT_SECRET: SECRET },
        isTTY: false,
      }
      await runCli(
        [
          'tenants',
          '--client-id',
          CLIENT,
          '--tenants',
          file('mixed.txt', `${T(1)}\n${T(3)}\n`),
          '--authority',
          local.origin,
          '--json',
        ],
        io,
      )
      expect(inFlightAtWrite).toEqual([1, 0, 0])
    } finally {
      await local.close()
    }
  })

  it('--federated-token-file: the assertion is read from the file for each request', async () => {
    const fed = createTenantsFake({
      clientId: CLIENT,
      acceptAssertion: (a) => a === 'projected-token-v2',
      tenants: { [T(1)]: { outcome: 'ready' } },
    })
    const local = await serveOnLoopback(fed.handle)
    try {
      const tokenFile = file('token', 'projected-token-v1\n')
      const argv = [
        '--client-id',
        CLIENT,
        '--tenants',
        file('fed.txt', `${T(1)}\n`),
        '--federated-token-file',
        tokenFile,
        '--authority',
        local.origin,
        '--json',
      ]
      const stale = await run(argv, { env: {} })
      expect(stale.code).toBe(1)
      expect(stale.out).toContain('"outcome":"credential-problem"')
      writeFileSync(tokenFile, 'projected-token-v2\n')
      expect((await run(argv, { env: {} })).code).toBe(0)
    } finally {
      await local.close()
    }
  })

  it.each([
    [['--tenants', 'x'], /--client-id/],
    [['--client-id', CLIENT], /--tenants/],
    [['--client-id', CLIENT, '--tenants', 'LIST', '--authority', 'http://10.0.0.5:8080'], /loopback/],
    [['--client-id', CLIENT, '--tenants', 'LIST', '--concurrency', '0'], /--concurrency/],
    [['--client-id', CLIENT, '--tenants', 'LIST', '--operation', 'GET /api/nope'], /--operation/],
    [['--client-id', CLIENT, '--tenants', 'BAD'], /line 2: "mars" is not a cloud/],
    [['--client-id', CLIENT, '--tenants', 'LIST', '--secret', 'x'], /secret/],
  ])('usage error (exit 2): %j', async (argv, message) => {
    const args = argv.map((a) =>
      a === 'LIST'
        ? file('l.txt', `${T(1)}\n`)
        : a === 'BAD'
          ? file('bad.txt', `${T(1)}\n${T(2)},mars\n`)
          : a,
    )
    const r = await run(args)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(message)
  })

  it('usage error without a credential, or with both', async () => {
    const list = file('l2.txt', `${T(1)}\n`)
    expect((await run(['--client-id', CLIENT, '--tenants', list], { env: {} })).code).toBe(2)
    const both = await run(['--client-id', CLIENT, '--tenants', list, '--certificate', file('c.pem', 'x')])
    expect(both.code).toBe(2)
    expect(both.err).toMatch(/not both/)
  })
})
