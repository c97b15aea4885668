import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../src/cli/run.js'
import {
  NOW,
  TENANT,
  entraClaims,
  entraHeader,
  inMemoryEntra,
  makeKey,
  signCompact,
  type TestKey,
} from './fixtures/entra.js'

let key: TestKey
let token: string
beforeAll(() => {
  key = makeKey('k1')
  token = signCompact(entraHeader(key), entraClaims(), key.privateKey)
})
afterEach(() => {
  vi.unstubAllGlobals()
})

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(args, {
    stdin: Readable.from([]),
    stdout: (t) => {
      out += t
    },
    stderr: (t) => {
      err += t
    },
    env: {},
    isTTY: false,
  })
  return { code, out, err }
}
const now = ['--now', NOW.toISOString()]

describe('claimcheck inspect: verification', () => {
  it('verifies online by default through discovery (global fetch) and shows verdict, kid and key set', async () => {
    const entra = inMemoryEntra(() => [key.jwk])
    vi.stubGlobal('fetch', entra.fetch)
    const { code, out } = await run(['inspect', ...now, token])
    expect(code).toBe(0)
    // The key set URL wraps to its own line on a 100-column pipe.
    expect(out).toMatch(
      new RegExp(
        `Signature +valid \\(kid k1, key set\\s+https://login\\.microsoftonline\\.com/${TENANT}/discovery/v2\\.0/keys\\)`,
      ),
    )
    const json = JSON.parse((await run(['inspect', '--json', ...now, token])).out)
    expect(json.signature).toMatchObject({ status: 'valid', kid: 'k1' })
  })

  it('--offline makes no request and reports not-checked', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const json = JSON.parse((await run(['inspect', '--offline', '--json', ...now, token])).out)
    expect(json.signature.status).toBe('not-checked')
    expect(fetch).not.toHaveBeenCalled()
  })

  it('--jwks <file> verifies without the network, also with --offline', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const dir = mkdtempSync(join(tmpdir(), 'claimcheck-'))
    const file = join(dir, 'keys.json')
    writeFileSync(file, JSON.stringify({ keys: [key.jwk] }))
    for (const extra of [[], ['--offline']]) {
      const { code, out } = await run(['inspect', '--json', ...extra, '--jwks', file, ...now, token])
      expect(code).toBe(0)
      expect(JSON.parse(out).signature.status).toBe('valid')
    }
    expect(fetch).not.toHaveBeenCalled()
    expect((await run(['inspect', '--jwks', join(dir, 'missing.json'), token])).code).toBe(2)
  })

  it('a network failure says the key set can be given instead', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')))
    const json = JSON.parse((await run(['inspect', '--json', ...now, token])).out)
    expect(json.signature.status).toBe('error')
    const finding = json.findings.find((f: { code: string }) => f.code === 'jwks-unavailable')
    expect(finding.fix).toMatch(/jwks option/) // the advice is the fix; the message says what happened
  })
})
