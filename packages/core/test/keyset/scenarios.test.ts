/**
 * The key-set layer against a real HTTP server on 127.0.0.1 (started here, port 0). Each scenario asserts the
 * requests the server saw and what the lookups returned. Times use an injected clock; only the request timeout
 * uses real time (200 ms in the slow scenarios).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createVerifier } from '../../src/index.js'
import { KEY_SET_DEFAULTS } from '../../src/entra/keyset/options.js'
import { createKeySetStore, type KeyLookup, type KeySetStore } from '../../src/entra/keyset/store.js'
import {
  MDE,
  NOW,
  TENANT,
  entraClaims,
  entraHeader,
  makeKey,
  signCompact,
  type TestKey,
} from '../verify/fixtures/entra.js'

let server: Server
let base: string
let handler: (req: IncomingMessage, res: ServerResponse) => void
let requests: string[]
let clock: number
let k1: TestKey, k2: TestKey, k3: TestKey
const sockets = new Set<Socket>()
const figures: string[] = []

const serveKeys = (keys: Record<string, unknown>[]) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(JSON.stringify({ keys }))
}

function store(extra: Partial<typeof KEY_SET_DEFAULTS> = {}): KeySetStore {
  return createKeySetStore({
    ...KEY_SET_DEFAULTS,
    timeoutMs: 3_000,
    allowLoopbackHttp: true,
    ...extra,
    fetch: globalThis.fetch,
    now: () => clock,
  })
}
const src = (path = '/keys', id = 'tenant-a') => ({ id, jwksUri: `${base}${path}` })
const status = (results: KeyLookup[]) =>
  results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {})

beforeAll(async () => {
  k1 = makeKey('k1')
  k2 = makeKey('k2')
  k3 = makeKey('k3')
  server = createServer((req, res) => {
    requests.push(req.url ?? '')
    handler(req, res)
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  base = `http://127.0.0.1:${address.port}`
})

afterAll(async () => {
  for (const s of sockets) s.destroy()
  await new Promise<void>((r) => server.close(() => r()))
  console.log(`key-set scenarios (requests seen by the server):\n  ${figures.join('\n  ')}`)
})

beforeEach(() => {
  requests = []
  clock = NOW.getTime()
  handler = serveKeys([k1.jwk])
})

describe('key-set layer against a local HTTP server', () => {
  it('cold burst: 1,000 concurrent cold lookups make one request', async () => {
    const s = store()
    const results = await Promise.all(Array.from({ length: 1000 }, () => s.lookup(src(), 'k1')))
    expect(results[0]).toMatchObject({ status: 'found' })
    expect(status(results)).toEqual({ found: 1000 })
    expect(requests).toEqual(['/keys'])
    figures.push(`cold burst, 1,000 concurrent lookups: ${requests.length} request`)
  })

  it('cold burst through the verifier with discovery: 1,000 verifications, one metadata and one key-set request', async () => {
    handler = (req, res) => {
      if (req.url === `/${TENANT}/v2.0/.well-known/openid-configuration`) {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(
          JSON.stringify({
            issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
            jwks_uri: `${base}/${TENANT}/discovery/v2.0/keys`,
          }),
        )
      } else serveKeys([k1.jwk])(req, res)
    }
    const verifier = createVerifier({
      audience: MDE,
      tenants: [TENANT],
      now: NOW,
      authority: base,
      keySets: { allowLoopbackHttp: true, timeoutMs: 2000 },
      resultCache: false,
    })
    const token = signCompact(entraHeader(k1), entraClaims(), k1.privateKey)
    // The result cache is off, so each of the 1,000 verifications looks the key up and runs the cryptography.
    const reports = await Promise.all(Array.from({ length: 1000 }, () => verifier.verify(token)))
    expect(
      reports.every(
        (r) =>
          r.ok &&
          r.signature.status === 'valid' &&
          r.signature.jwksUri === `${base}/${TENANT}/discovery/v2.0/keys`,
      ),
    ).toBe(true)
    expect(requests).toEqual([
      `/${TENANT}/v2.0/.well-known/openid-configuration`,
      `/${TENANT}/discovery/v2.0/keys`,
    ])
    figures.push(
      `cold burst through discovery, 1,000 verifications: ${requests.length} requests (metadata + key set)`,
    )
  })

  it('refuses loopback http unless the test option allows it: zero requests', async () => {
    const s = store({ allowLoopbackHttp: false })
    const result = await s.lookup(src(), 'k1')
    expect(result.status).toBe('unavailable')
    expect(requests).toEqual([])
    expect(() => createVerifier({ audience: MDE, tenants: [TENANT], authority: base })).toThrow(TypeError)
  })

  it('1,000 random unknown kids: at most one refetch per cooldown window; valid kids keep verifying', async () => {
    const s = store({ unknownKidCooldownMs: 60_000 })
    await s.lookup(src(), 'k1')
    const mixed = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => s.lookup(src(), i % 10 === 0 ? 'k1' : randomUUID())),
    )
    expect(status(mixed)).toEqual({ found: 100, 'not-found': 900 })
    const afterFirstWave = requests.length
    clock += 30_000
    const second = await Promise.all(Array.from({ length: 1000 }, () => s.lookup(src(), randomUUID())))
    expect(status(second)).toEqual({ 'not-found': 1000 })
    expect(requests.length).toBe(afterFirstWave)
    clock += 31_000
    await Promise.all(Array.from({ length: 1000 }, () => s.lookup(src(), randomUUID())))
    expect(requests.length).toBe(afterFirstWave + 1)
    expect((await s.lookup(src(), 'k1')).status).toBe('found')
    expect(afterFirstWave).toBe(2)
    figures.push(
      `1,000 unknown kids (+100 valid) then 2,000 more over 61 s with a 60 s cooldown: ${requests.length} requests (1 cold, 1 immediate refetch, 1 after the cooldown)`,
    )
  })

  it('rotation: a new key is accepted on its first use, twice in a row', async () => {
    const s = store()
    expect((await s.lookup(src(), 'k1')).status).toBe('found')
    handler = serveKeys([k1.jwk, k2.jwk])
    expect((await s.lookup(src(), 'k2')).status).toBe('found')
    clock += 1_000
    handler = serveKeys([k2.jwk, k3.jwk])
    expect((await s.lookup(src(), 'k3')).status).toBe('found')
    expect(requests).toEqual(['/keys', '/keys', '/keys'])
    figures.push(
      `rotation (k1 → k2 → k3 within 1 s): ${requests.length} requests, each new key accepted on first use`,
    )
  })

  it('outage: the last known good keys keep working, with backoff, up to the maximum stale age', async () => {
    const s = store({
      refreshAfterMs: 3_600_000,
      maxStaleMs: 7_200_000,
      backoffMs: 10_000,
      maxBackoffMs: 60_000,
    })
    await s.lookup(src(), 'k1')
    handler = (_req, res) => {
      res.writeHead(503)
      res.end()
    }
    clock += 3_600_000
    const during = await Promise.all(Array.from({ length: 500 }, () => s.lookup(src(), 'k1')))
    expect(status(during)).toEqual({ found: 500 })
    expect(requests.length).toBe(2)
    for (let i = 0; i < 100; i++) await s.lookup(src(), 'k1')
    expect(requests.length).toBe(2)
    const unknown = await s.lookup(src(), 'k9')
    expect(unknown.status).toBe('unavailable')
    clock += 10_000
    await s.lookup(src(), 'k1')
    expect(requests.length).toBe(3)
    clock += 3_600_001
    const stale = await s.lookup(src(), 'k1')
    expect(stale.status).toBe('unavailable')
    expect(stale.status === 'unavailable' && stale.cause).toContain('503')
    figures.push(
      `outage (503) with last known good: 600 lookups during the outage, ${requests.length} requests in all (1 cold + 1 per backoff window), keys refused after the max stale age`,
    )
  })

  it('a kid rolled during an outage is accepted on its first use after the backoff ends, with one request per window', async () => {
    // The bench's outage scenario (bench/README.md, "A key-set finding"): an unknown-kid refetch that failed during
    // the outage must not use up the immediate refetch, or the new key is refused for the whole unknown-kid cooldown.
    const s = store({ backoffMs: 10_000, maxBackoffMs: 60_000 })
    expect((await s.lookup(src(), 'k1')).status).toBe('found')
    handler = (_req, res) => {
      res.writeHead(500)
      res.end()
    }
    clock += 1_000
    // k2 was rolled during the outage: its first use refetches at once (and fails).
    expect((await s.lookup(src(), 'k2')).status).toBe('unavailable')
    expect(requests.length).toBe(2)
    // During the backoff: 1,000 unknown kids (the new one among them) make no request; the known key still works.
    const during = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => s.lookup(src(), i % 2 === 0 ? 'k2' : randomUUID())),
    )
    expect(status(during)).toEqual({ unavailable: 1000 })
    expect((await s.lookup(src(), 'k1')).status).toBe('found')
    expect(requests.length).toBe(2)
    // The backoff ends while the endpoint still fails: 1,000 concurrent unknown kids make exactly one request.
    clock += 10_000
    const stillDown = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => s.lookup(src(), i % 2 === 0 ? 'k2' : randomUUID())),
    )
    expect(status(stillDown)).toEqual({ unavailable: 1000 })
    expect(requests.length).toBe(3)
    // The second failure doubles the backoff: nothing is requested within it.
    clock += 10_000
    await Promise.all(Array.from({ length: 1000 }, () => s.lookup(src(), randomUUID())))
    expect(requests.length).toBe(3)
    // The endpoint recovers and publishes k2; the first unknown kid after the backoff refetches at once.
    handler = serveKeys([k1.jwk, k2.jwk])
    clock += 10_000
    const recovered = await Promise.all(Array.from({ length: 1000 }, () => s.lookup(src(), 'k2')))
    expect(status(recovered)).toEqual({ found: 1000 })
    expect(requests.length).toBe(4)
    // After recovery the storm rules hold again: 1,000 random unknown kids cost at most one request, then the cooldown.
    const storm = await Promise.all(Array.from({ length: 1000 }, () => s.lookup(src(), randomUUID())))
    expect(status(storm)).toEqual({ 'not-found': 1000 })
    expect(requests.length).toBeLessThanOrEqual(5)
    const afterStorm = requests.length
    clock += 30_000 // within the 60 s unknown-kid cooldown
    await Promise.all(Array.from({ length: 1000 }, () => s.lookup(src(), randomUUID())))
    expect(requests.length).toBe(afterStorm)
    expect((await s.lookup(src(), 'k1')).status).toBe('found')
    figures.push(
      `kid rolled during an outage (500, 10 s backoff): ${requests.length} requests in all; accepted on first use after recovery, 1 request per backoff window during the outage`,
    )
  })

  it('slow response: times out, then backs off', async () => {
    handler = () => {
      /* never answers */
    }
    const s = store({ timeoutMs: 200 })
    const started = performance.now()
    const result = await s.lookup(src(), 'k1')
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(result).toMatchObject({ status: 'unavailable' })
    expect(result.status === 'unavailable' && result.cause).toMatch(/within 200 ms/)
    await Promise.all(Array.from({ length: 100 }, () => s.lookup(src(), 'k1')))
    expect(requests).toEqual(['/keys'])
    figures.push(
      `slow response (no answer): timed out after 200 ms, ${requests.length} request for 101 lookups`,
    )
  })

  it('slow body: headers arrive, the body never ends', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"keys":[')
    }
    const result = await store({ timeoutMs: 200 }).lookup(src(), 'k1')
    expect(result.status).toBe('unavailable')
    expect(requests).toEqual(['/keys'])
  })

  it('redirect: refused, the target is never requested', async () => {
    handler = (req, res) => {
      if (req.url === '/keys') {
        res.writeHead(302, { location: `${base}/elsewhere` })
        res.end()
      } else serveKeys([k1.jwk])(req, res)
    }
    const result = await store().lookup(src(), 'k1')
    expect(result.status).toBe('unavailable')
    expect(result.status === 'unavailable' && result.cause).toMatch(/redirect/)
    expect(requests).toEqual(['/keys'])
    figures.push(`redirect (302): refused, ${requests.length} request, target never fetched`)
  })

  it('HTTP 500 and malformed bodies make the key set unavailable with the cause', async () => {
    const bodies: [string, (res: ServerResponse) => void][] = [
      [
        '500',
        (res) => {
          res.writeHead(500)
          res.end('oops')
        },
      ],
      [
        'malformed JSON',
        (res) => {
          res.writeHead(200)
          res.end('{"keys":[')
        },
      ],
      [
        'duplicate members',
        (res) => {
          res.writeHead(200)
          res.end(`{"keys":[],"keys":[${JSON.stringify(k1.jwk)}]}`)
        },
      ],
      [
        'not an object',
        (res) => {
          res.writeHead(200)
          res.end('[]')
        },
      ],
      [
        'no keys array',
        (res) => {
          res.writeHead(200)
          res.end('{"keys":{}}')
        },
      ],
      [
        'HTML',
        (res) => {
          res.writeHead(200, { 'content-type': 'text/html' })
          res.end('<html></html>')
        },
      ],
      [
        'only weak keys',
        (res) => {
          res.writeHead(200)
          res.end(JSON.stringify({ keys: [{ ...k1.jwk, e: 'Aw' }] }))
        },
      ],
    ]
    for (const [name, respond] of bodies) {
      requests = []
      handler = (_req, res) => respond(res)
      const result = await store().lookup(src('/keys', name), 'k1')
      expect(result.status, name).toBe('unavailable')
      expect(requests, name).toEqual(['/keys'])
    }
    figures.push(
      `500 / malformed JSON / duplicate members / not an object / no keys / HTML / only weak keys: unavailable, 1 request each`,
    )
  })

  it('oversized bodies are cut off while streaming, with or without an honest Content-Length', async () => {
    const big = `{"keys":[],"pad":"${'a'.repeat(1 << 20)}"}`
    for (const chunked of [false, true]) {
      requests = []
      handler = (_req, res) => {
        if (chunked) {
          res.writeHead(200)
          for (let i = 0; i < big.length; i += 65536) res.write(big.slice(i, i + 65536))
          res.end()
        } else {
          res.writeHead(200, { 'content-length': String(Buffer.byteLength(big)) })
          res.end(big)
        }
      }
      const result = await store({ maxBytes: 64 * 1024 }).lookup(src(), 'k1')
      expect(result.status === 'unavailable' && result.cause).toMatch(/larger than 65536 bytes/)
      expect(requests).toEqual(['/keys'])
    }
    figures.push('oversized body (1 MiB, with Content-Length and chunked): cut at 64 KiB, 1 request each')
  })

  it('a lying Content-Length does not matter', async () => {
    const raw: NetServer = createNetServer((socket) => {
      socket.on('error', () => undefined)
      socket.on('data', () => {
        const body = `{"keys":[${JSON.stringify(k1.jwk)}],"pad":"${'b'.repeat(300_000)}"}`
        socket.end(
          `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 20\r\nconnection: close\r\n\r\n${body}`,
        )
      })
    })
    await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r))
    const address = raw.address()
    if (address === null || typeof address === 'string') throw new Error('no port')
    const small = await store().lookup({ id: 'liar', jwksUri: `http://127.0.0.1:${address.port}/keys` }, 'k1')
    expect(small.status).toBe('unavailable')
    const lyingLarge: NetServer = createNetServer((socket) => {
      socket.on('error', () => undefined)
      socket.on('data', () => {
        socket.write(`HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n`)
        socket.end(`{"keys":[],"pad":"${'c'.repeat(500_000)}"}`)
      })
    })
    await new Promise<void>((r) => lyingLarge.listen(0, '127.0.0.1', r))
    const a2 = lyingLarge.address()
    if (a2 === null || typeof a2 === 'string') throw new Error('no port')
    const result = await store({ maxBytes: 64 * 1024 }).lookup(
      { id: 'liar2', jwksUri: `http://127.0.0.1:${a2.port}/keys` },
      'k1',
    )
    expect(result.status).toBe('unavailable')
    await new Promise<void>((r) => raw.close(() => r()))
    await new Promise<void>((r) => lyingLarge.close(() => r()))
    figures.push(
      'lying Content-Length (claims 20 or 10 bytes, sends 300-500 KB): unavailable, body never trusted beyond what was counted',
    )
  })

  it('a private key in the set is refused; the public keys beside it still work', async () => {
    const privateJwk = { ...k1.privateKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig' }
    handler = serveKeys([privateJwk, k2.jwk])
    const s = store()
    const refused = await s.lookup(src(), 'k1')
    expect(refused).toMatchObject({ status: 'not-found', reason: 'rejected' })
    expect(refused.status === 'not-found' && refused.rejected?.reason).toMatch(/private key material/)
    expect((await s.lookup(src(), 'k2')).status).toBe('found')
    expect(requests).toEqual(['/keys'])
    figures.push(
      `private key in the set: that key refused, the public key beside it used, ${requests.length} request`,
    )
  })

  it('the cache is bounded per tenant (LRU)', async () => {
    const s = store({ maxEntries: 3 })
    for (const t of ['a', 'b', 'c', 'd', 'a']) await s.lookup(src('/keys', t), 'k1')
    expect(requests.length).toBe(5)
    await s.lookup(src('/keys', 'd'), 'k1')
    expect(requests.length).toBe(5)
  })
})
