import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createVerifier } from '../../src/index.js'
import { CLI_MAIN, ensureCliBuilt, runBuiltCli } from '../fixtures/built-cli.js'

// `claimcheck kit serve` and `kit mint` as users drive them: the built CLI in child processes, the tenant's endpoints
// called with curl, and a verifier pointed at the server with the documented loopback authority.

const AUDIENCE = 'api://orders'
let dir: string
let keys: string
const children: ChildProcessWithoutNullStreams[] = []

interface Served {
  authority: string
  tenantId: string
  clientId: string
  discovery: string
  jwksUri: string
  tokenEndpoint: string
  keysCreated: boolean
}

function serve(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; facts: Served }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_MAIN, 'kit', 'serve', '--keys', keys, '--json', ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    children.push(child)
    let out = ''
    let err = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d))
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d
      const line = out.indexOf('\n')
      if (line >= 0) resolve({ child, facts: JSON.parse(out.slice(0, line)) as Served })
    })
    child.on('close', (code) => reject(new Error(`kit serve exited (${code}): ${err}`)))
  })
}

function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('close')
    child.on('close', (code) => resolve(code))
    child.kill('SIGTERM')
  })
}

function curl(args: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    execFile('curl', ['-sS', '-w', '\n%{http_code}', ...args], { timeout: 10_000 }, (error, stdout) => {
      if (error) return reject(error)
      const cut = stdout.lastIndexOf('\n')
      resolve({ status: Number(stdout.slice(cut + 1)), body: stdout.slice(0, cut) })
    })
  })
}

beforeAll(async () => {
  await ensureCliBuilt()
  dir = mkdtempSync(path.join(tmpdir(), 'claimcheck-kit-'))
  keys = path.join(dir, 'kit.json')
}, 180_000)

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM')
  rmSync(dir, { recursive: true, force: true })
})

describe('claimcheck kit serve | mint, driven by curl', () => {
  it('serves discovery, keys and a token endpoint on 127.0.0.1; minted tokens verify; keys survive a restart', async () => {
    const first = await serve(['--roles', 'Orders.Read.All'])
    const facts = first.facts
    expect(facts.authority).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(facts.keysCreated).toBe(true)
    expect(statSync(keys).mode & 0o777).toBe(0o600)

    const discovery = await curl([facts.discovery])
    expect(discovery.status).toBe(200)
    const doc = JSON.parse(discovery.body) as Record<string, string>
    // The issuer is Entra's (tokens carry it); the endpoints are the loopback server's.
    expect(doc.issuer).toBe(`https://login.microsoftonline.com/${facts.tenantId}/v2.0`)
    expect(doc.jwks_uri).toBe(facts.jwksUri)
    expect(doc.token_endpoint).toBe(facts.tokenEndpoint)
    const jwks = JSON.parse((await curl([facts.jwksUri])).body) as { keys: { kid: string }[] }
    expect(jwks.keys).toHaveLength(1)

    const verifier = createVerifier({
      audience: AUDIENCE,
      tenants: [facts.tenantId],
      authority: facts.authority,
      keySets: { allowLoopbackHttp: true },
    })

    // The token endpoint: client credentials with the secret from the keys file, as any language's client sends them.
    const secret = (JSON.parse(readFileSync(keys, 'utf8')) as { clientSecret: string }).clientSecret
    const form = ['-d', 'grant_type=client_credentials', '-d', `client_id=${facts.clientId}`]
    const issued = await curl([
      ...form,
      '-d',
      `client_secret=${secret}`,
      '-d',
      `scope=${AUDIENCE}/.default`,
      facts.tokenEndpoint,
    ])
    expect(issued.status).toBe(200)
    const fromEndpoint = (JSON.parse(issued.body) as { access_token: string }).access_token
    const endpointReport = await verifier.verify(fromEndpoint, { require: ['Orders.Read.All'] })
    expect(endpointReport.verdict).toBe('works')
    const wrongSecret = await curl([
      ...form,
      '-d',
      'client_secret=nope',
      '-d',
      `scope=${AUDIENCE}/.default`,
      facts.tokenEndpoint,
    ])
    expect(wrongSecret.status).toBe(401)
    expect(wrongSecret.body).toContain('AADSTS7000215')

    const minted = await runBuiltCli([
      'kit',
      'mint',
      '--keys',
      keys,
      '--audience',
      AUDIENCE,
      '--roles',
      'A.Read,B.Write',
    ])
    expect(minted.code).toBe(0)
    const appOnly = minted.stdout.trim()
    const report = await verifier.verify(appOnly, { require: ['A.Read', 'B.Write'] })
    expect(report.verdict).toBe('works')
    expect(report.token?.kind).toBe('app-only')
    const delegated = await runBuiltCli([
      'kit',
      'mint',
      '--keys',
      keys,
      '--audience',
      AUDIENCE,
      '--scopes',
      'Orders.Read',
    ])
    expect((await verifier.verify(delegated.stdout.trim())).token?.kind).toBe('delegated')

    // Stop, start again from the same file: the same key, so the token minted before still verifies.
    expect(await stop(first.child)).toBe(0)
    const second = await serve([])
    expect(second.facts.keysCreated).toBe(false)
    expect(second.facts.tenantId).toBe(facts.tenantId)
    const again = createVerifier({
      audience: AUDIENCE,
      tenants: [facts.tenantId],
      authority: second.facts.authority,
      keySets: { allowLoopbackHttp: true },
    })
    expect((await again.verify(appOnly)).verdict).toBe('works')
    expect(JSON.parse((await curl([second.facts.jwksUri])).body)).toEqual(jwks)
    await stop(second.child)
  }, 60_000)

  it('usage errors exit 2', async () => {
    const both = await runBuiltCli([
      'kit',
      'mint',
      '--keys',
      keys,
      '--audience',
      AUDIENCE,
      '--roles',
      'A',
      '--scopes',
      'B',
    ])
    expect(both.code).toBe(2)
    const none = await runBuiltCli(['kit', 'mint', '--keys', keys, '--roles', 'A'])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('--audience is required')
    expect((await runBuiltCli(['kit', 'dance'])).code).toBe(2)
  }, 60_000)
})
