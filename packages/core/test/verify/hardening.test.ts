/**
 * Issue 12's "must hold" points, each as the attacker or the misconfigured caller meets the verifier. Tokens are
 * signed with the trusted key unless the point is about signatures, so each case isolates the rule it names.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createVerifier, inspectToken, MDE_CATALOG, type Report, type Verifier } from '../../src/index.js'
import { MAX_FINDING_TEXT } from '../../src/findings/make-finding.js'
import {
  b64url,
  CLIENT_APP,
  entraClaims,
  entraHeader,
  inMemoryEntra,
  makeKey,
  MDE,
  NOW,
  NOW_S,
  TENANT,
  signBytes,
  signCompact,
  type TestKey,
} from './fixtures/entra.js'
import { ensureCliBuilt, runBuiltCli } from '../fixtures/built-cli.js'

let key: TestKey
let verifier: Verifier
const codes = (r: Report): string[] => r.findings.map((f) => f.code)
const sign = (payload: unknown, header: unknown = entraHeader(key)): string =>
  signCompact(header, payload, key.privateKey)

beforeAll(() => {
  key = makeKey('k1')
  verifier = createVerifier({ audience: MDE, tenants: [TENANT], jwks: { keys: [key.jwk] }, now: NOW })
})

describe('1. bounded work: duplicate members and token-controlled text', () => {
  // 15,000 duplicate members under a 100 kB key: the shape that threw RangeError from verify() in the review.
  const longKey = 'k'.repeat(100_000)
  const members = Array.from({ length: 15_000 }, () => '"a":1').join(',')
  const payloadJson = `{"${longKey}":{${members}},"exp":${NOW_S + 60}}`
  const input = `${b64url(JSON.stringify(entraHeader({ kid: 'k1' })))}.${b64url(payloadJson)}`
  const hostile = `${input}.${b64url(Buffer.alloc(256))}`

  it('the hostile token is close to the size cap and refused', () => {
    expect(hostile.length).toBeGreaterThan(150_000)
    expect(hostile.length).toBeLessThan(256_000)
  })

  it('inspectToken and verify refuse it quickly, naming five paths and a count, with a short message', async () => {
    for (const report of [inspectToken(hostile, { now: NOW }), await verifier.verify(hostile)]) {
      const dup = report.findings.find((f) => f.code === 'duplicate-member')
      expect(dup).toBeDefined()
      expect(dup?.message.length).toBeLessThan(1024)
      expect(dup?.message).toMatch(/and 14994 more/) // 15,000 members, the first is no duplicate
      expect(Array.isArray(dup?.actual) && (dup?.actual as unknown[]).length).toBe(5)
      expect(report.verdict).toBe('refused')
      expect(JSON.stringify(report).length).toBeLessThan(400_000)
    }
  })

  // Linearity is held by the case above without timing anything: the old decoder built every path in full, so
  // this token (15,000 duplicates under a 100 kB name) needed 1.5 GB of path strings and threw RangeError.

  it('the CLI refuses it without a stack trace', async () => {
    await ensureCliBuilt()
    const run = await runBuiltCli(['inspect', '--offline', '--json', '-'], {
      stdin: hostile,
      timeoutMs: 30_000,
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('duplicate-member')
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/)
  }, 200_000)

  it('every message built from token content stays under the cap', async () => {
    const big = 'x'.repeat(200_000)
    for (const claims of [{ iss: big }, { aud: big }, { tid: big }, { azp: big }, { roles: [big] }]) {
      const report = await verifier.verify(sign(entraClaims({}, claims)), { operation: 'GET /api/machines' })
      for (const f of report.findings) {
        expect(f.message.length).toBeLessThanOrEqual(MAX_FINDING_TEXT)
        expect(typeof f.actual === 'string' ? f.actual.length : 0).toBeLessThanOrEqual(MAX_FINDING_TEXT)
      }
    }
    const longKid = await verifier.verify(sign(entraClaims(), entraHeader({ kid: 'q'.repeat(100_000) })))
    expect(longKid.findings.every((f) => f.message.length <= MAX_FINDING_TEXT)).toBe(true)
  })
})

describe('2. app-only means an application', () => {
  it("a user's token with user-assigned app roles and no scp never grants an application permission", async () => {
    const user = entraClaims(
      { kind: 'delegated' },
      { scp: undefined, idtyp: undefined, roles: ['Machine.Isolate'] },
    )
    const report = await verifier.verify(sign(user), {
      api: 'mde',
      operation: 'POST /api/machines/{id}/isolate',
    })
    expect(report.token?.kind).toBe('delegated')
    expect(report.permissions.satisfied).toBe(false)
    expect(report.verdict).toBe('refused')
    // oid != sub with no user claims: still a user
    const pairwise = entraClaims({}, { idtyp: undefined, sub: 'another-subject', roles: ['Machine.Isolate'] })
    expect(
      (await verifier.verify(sign(pairwise), { operation: 'POST /api/machines/{id}/isolate' })).verdict,
    ).toBe('refused')
  })

  it('an ID token (scope=openid only, with or without nonce) is never accepted as an access token', async () => {
    const {
      azp: _a,
      roles: _r,
      idtyp: _i,
      ...id
    } = entraClaims({ kind: 'delegated' }, { aud: MDE, scp: undefined })
    for (const claims of [id, { ...id, nonce: 'n' }]) {
      const report = await verifier.verify(sign(claims))
      expect(codes(report)).toContain('id-token-as-access-token')
      expect(report.verdict).toBe('refused')
    }
  })
})

describe('3. a call cannot loosen the configuration', () => {
  it('members other than api/operation/require/catalog have no effect, and refuse the token, in both paths', async () => {
    const token = sign(entraClaims({}, { tid: TENANT }))
    const other = sign(entraClaims({}, { aud: 'https://evil.example' }))
    for (let pass = 0; pass < 2; pass++) {
      const loosen = {
        audience: 'https://evil.example',
        tenants: 'any',
        clientApps: ['x'],
        now: new Date(0),
        clockSkew: 1e9,
      } as never
      const r = await verifier.verify(other, loosen)
      expect(codes(r)).toContain('audience-mismatch')
      expect(codes(r)).toContain('request-member-ignored')
      expect(r.verdict).toBe('refused')
      // Even a good token is refused: a call that asks for something the verifier cannot do asks nothing it can trust.
      const ok = await verifier.verify(token, loosen)
      expect(ok.verdict).toBe('refused')
      expect(codes(ok)).toEqual(['request-member-ignored'])
      expect(ok.signature.status).toBe('valid')
    }
  })

  it('getters, inherited members, wrong types and Proxies are request-invalid errors, never thrown', async () => {
    const token = sign(entraClaims())
    let reads = 0
    const getter = {
      get operation() {
        reads++
        return 'GET /api/machines'
      },
    }
    const inherited = Object.create({ operation: 'POST /api/machines/{id}/isolate' }) as object
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom')
        },
      },
    )
    for (const request of [
      getter,
      inherited,
      proxy,
      { require: 'Machine.Isolate' },
      { operation: 42 },
      'GET /api/alerts',
      null,
    ]) {
      const report = await verifier.verify(token, request as never)
      expect(codes(report)).toContain('request-invalid')
      expect(report.verdict).toBe('refused')
    }
    expect(reads).toBe(0)
  })
})

describe('5-6. required claims and the calling app', () => {
  it('a token missing nbf and iat is refused, and the 28-hour cap applies', async () => {
    expect((await verifier.verify(sign(entraClaims({}, { nbf: undefined, iat: undefined })))).verdict).toBe(
      'refused',
    )
    expect(
      codes(
        await verifier.verify(
          sign(entraClaims({}, { nbf: NOW_S - 60, iat: NOW_S - 60, exp: NOW_S + 29 * 3600 })),
        ),
      ),
    ).toContain('lifetime-invalid')
  })

  it('v2: an extra appid cannot stand in for azp; v1: appid is the caller', async () => {
    const strict = createVerifier({
      audience: MDE,
      tenants: [TENANT],
      clientApps: [CLIENT_APP],
      jwks: { keys: [key.jwk] },
      now: NOW,
    })
    const v2 = await strict.verify(
      sign(entraClaims({}, { azp: 'ffffffff-ffff-4fff-8fff-ffffffffffff', appid: CLIENT_APP })),
    )
    expect(codes(v2)).toContain('client-app-not-allowed')
    const v1 = await strict.verify(
      sign(entraClaims({ version: '1.0' }, { azp: 'ffffffff-ffff-4fff-8fff-ffffffffffff' })),
    )
    expect(v1.verdict).toBe('works')
  })
})

describe("8. discovery: the tenant's own metadata and Entra's key paths only", () => {
  const tamper = (mutate: (doc: Record<string, unknown>, url: URL) => Record<string, unknown>) => {
    const entra = inMemoryEntra(() => [key.jwk])
    const requests: string[] = []
    const fetch = async (input: string, init: RequestInit): Promise<Response> => {
      requests.push(input)
      const response = await entra.fetch(input, init)
      if (!input.includes('openid-configuration')) return response
      return Response.json(mutate((await response.json()) as Record<string, unknown>, new URL(input)))
    }
    return { verifier: createVerifier({ audience: MDE, tenants: [TENANT], fetch, now: NOW }), requests }
  }
  const other = 'd1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a'

  it('accepts live-shaped documents: v1 pointing at /common/discovery/keys, v2 at /{tid}/discovery/v2.0/keys', async () => {
    const { verifier: v } = tamper((doc) => doc)
    expect((await v.verify(sign(entraClaims({ version: '1.0' })))).verdict).toBe('works')
    expect((await v.verify(sign(entraClaims({ version: '2.0' })))).verdict).toBe('works')
  })

  const cases: [string, (doc: Record<string, unknown>, url: URL) => Record<string, unknown>][] = [
    ["another tenant's issuer", (doc) => ({ ...doc, issuer: String(doc.issuer).replace(TENANT, other) })],
    [
      "another tenant's key path",
      (doc, url) => ({ ...doc, jwks_uri: `${url.origin}/${other}/discovery/v2.0/keys` }),
    ],
    [
      'a query nobody configured',
      (doc) => ({ ...doc, jwks_uri: `${String(doc.jwks_uri)}?appid=${CLIENT_APP}` }),
    ],
    [
      'another origin',
      (doc) => ({ ...doc, jwks_uri: 'https://login.microsoftonline.us/common/discovery/v2.0/keys' }),
    ],
    [
      'a path that is not a key path',
      (doc, url) => ({ ...doc, jwks_uri: `${url.origin}/${TENANT}/oauth2/v2.0/token` }),
    ],
  ]
  for (const [name, mutate] of cases) {
    it(`refuses ${name}: jwks-unavailable, the key set is never fetched`, async () => {
      const { verifier: v, requests } = tamper(mutate)
      const report = await v.verify(sign(entraClaims({ version: '2.0' })))
      expect(codes(report)).toContain('jwks-unavailable')
      expect(report.verdict).toBe('undetermined')
      expect(requests.filter((u) => !u.includes('openid-configuration'))).toEqual([])
    })
  }
})

describe('9. a broken fetch', () => {
  const answers: [string, () => unknown][] = [
    ['null', () => null],
    ['a string', () => 'ok'],
    ['a plain object', () => ({ status: 200 })],
    [
      'a Response-like object whose body throws',
      () => ({
        status: 200,
        type: 'basic',
        body: {
          getReader: () => {
            throw new Error('x')
          },
        },
      }),
    ],
    [
      'a synchronous throw',
      () => {
        throw new TypeError('sync')
      },
    ],
    ['undefined', () => undefined],
  ]
  for (const [name, answer] of answers) {
    it(`resolving to ${name} ends in jwks-unavailable with backoff, never a TypeError`, async () => {
      let calls = 0
      const fetch = ((): Promise<Response> => {
        calls++
        return Promise.resolve(answer() as Response)
      }) as never
      const v = createVerifier({ audience: MDE, tenants: [TENANT], fetch, now: NOW })
      const token = sign(entraClaims())
      const first = await v.verify(token)
      expect(codes(first)).toContain('jwks-unavailable')
      expect(first.verdict).toBe('undetermined')
      const before = calls
      await v.verify(token)
      expect(calls).toBe(before) // in backoff: no new request
    })
  }
})

describe('fail closed on a hostile catalog', () => {
  it('a catalog whose getters throw refuses the token instead of throwing', async () => {
    const hostile = new Proxy(
      { ...MDE_CATALOG },
      {
        get: (t, p) => {
          if (p === 'operations') throw new Error('boom')
          return Reflect.get(t, p)
        },
      },
    )
    const report = await verifier.verify(sign(entraClaims()), {
      catalog: hostile,
      operation: 'GET /api/machines',
    })
    expect(report.verdict).toBe('refused')
  })
})

describe('signatures', () => {
  it('a signature with the right bytes but the wrong length is refused before any arithmetic', async () => {
    const token = sign(entraClaims())
    const [h, p, s] = token.split('.') as [string, string, string]
    const withZero = `${h}.${p}.${b64url(Buffer.concat([Buffer.from([0]), Buffer.from(s, 'base64url')]))}`
    expect(codes(await verifier.verify(withZero))).toContain('signature-invalid')
    const resigned = `${h}.${p}.${b64url(signBytes(`${h}.${p}`, key.privateKey))}`
    expect((await verifier.verify(resigned)).verdict).toBe('works')
  })
})
