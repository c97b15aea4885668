/**
 * What an outside attack on the rebuilt verifier found (2026-11-30, second review), each kept out for good. The
 * numbers are the review's (F1…F15); cases in other areas live beside their code (permissions, CLI).
 */
import { describe, expect, it } from 'vitest'
import { createVerifier, type Report } from '../../src/index.js'
import { createTestTenant } from '../../src/testing/index.js'
import {
  entraClaims,
  entraHeader,
  makeKey,
  MDE,
  NOW,
  NOW_S,
  TENANT,
  signCompact,
} from '../verify/fixtures/entra.js'

const codes = (r: Report): string[] => r.findings.map((f) => f.code)
const key = makeKey('k1')
const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = entraHeader(key)): string =>
  signCompact(header, claims, key.privateKey)
const verifier = (options: Record<string, unknown> = {}) =>
  createVerifier({ audience: MDE, tenants: [TENANT], jwks: { keys: [key.jwk] }, now: NOW, ...options })
const noRoles = sign(entraClaims({}, { roles: [] }))

describe('F3: a misspelt request member never opens the API', () => {
  for (const request of [
    { api: 'mde', opration: 'POST /api/machines/{id}/isolate' },
    { Operation: 'GET /api/alerts' },
    { requires: ['Machine.Isolate'] },
    { permissions: ['x'] },
    new String('POST /api/machines/{id}/isolate'),
  ]) {
    it(`${JSON.stringify(request)} refuses a token without roles`, async () => {
      const report = await verifier().verify(noRoles, request as never)
      expect(codes(report)).toContain('request-member-ignored')
      expect(report.verdict).toBe('refused')
      expect(report.ok).toBe(false)
    })
  }
})

describe('F4: a withdrawn key stops working for remembered tokens when it does for new ones', () => {
  it('cached and uncached verifiers agree after an emergency rollover', async () => {
    let nowMs = Date.UTC(2026, 10, 30, 6, 0, 0)
    const tenant = await createTestTenant({ now: new Date(nowMs) })
    const options = {
      audience: MDE,
      tenants: [tenant.tenantId],
      fetch: tenant.fetch,
      now: () => new Date(nowMs),
    }
    const cached = createVerifier(options)
    const plain = createVerifier({ ...options, resultCache: false })
    const request = { api: 'mde' as const, operation: 'POST /api/machines/{id}/isolate' }
    const old = await tenant.issueToken({ api: 'mde', kind: 'app-only', roles: ['Machine.Isolate'] })
    for (const v of [cached, plain]) {
      await v.verify(old, request)
      await v.verify(old, request)
    }
    await tenant.rotateKeys({ keepPrevious: false })
    nowMs += 10 * 60_000
    const fresh = await tenant.issueToken({
      api: 'mde',
      kind: 'app-only',
      roles: ['Machine.Isolate'],
      now: new Date(nowMs),
    })
    for (const v of [cached, plain]) expect((await v.verify(fresh, request)).verdict).toBe('works')
    for (const r of [request, { api: 'mde' as const, operation: 'GET /api/alerts' }]) {
      const a = await cached.verify(old, r)
      expect(JSON.stringify(a)).toBe(JSON.stringify(await plain.verify(old, r)))
      expect(a.verdict).toBe('refused')
      expect(codes(a)).toContain('signing-key-not-found')
    }
  })
})

describe('F5: require is read once, by index, as own data', () => {
  it('an array whose iterator lies cannot poison the cache or be checked as something else', async () => {
    const token = sign(entraClaims({}, { roles: ['Machine.Isolate'] }))
    const odd = (): string[] => {
      const list = ['Machine.Offboard']
      ;(list as unknown as Record<symbol, unknown>)[Symbol.iterator] = function* () {
        yield 'Machine.Isolate'
      }
      return list
    }
    for (const v of [verifier(), verifier({ resultCache: false })]) {
      await v.verify(token, { require: ['Machine.Isolate'] })
      expect((await v.verify(token, { require: odd() })).verdict).toBe('refused')
      expect((await v.verify(token, { require: ['Machine.Offboard'] })).verdict).toBe('refused')
    }
  })

  it('getters on elements and holes are request-invalid', async () => {
    const withGetter = ['Machine.Isolate']
    Object.defineProperty(withGetter, 0, { get: () => 'Machine.Isolate' })
    // eslint-disable-next-line no-sparse-arrays
    for (const require of [withGetter, [, 'Machine.Isolate']]) {
      expect(codes(await verifier().verify(sign(entraClaims()), { require: require as string[] }))).toContain(
        'request-invalid',
      )
    }
  })
})

describe('F6: a body that never ends ends', () => {
  const bodies: [string, () => ReadableStream<unknown>][] = [
    ['empty chunks forever', () => new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(0)) })],
    [
      'objects that are not bytes',
      () => new ReadableStream({ pull: (c) => c.enqueue({ byteLength: -1e9 }) }),
    ],
  ]
  for (const [name, body] of bodies) {
    it(name, async () => {
      const fetch = async (): Promise<Response> =>
        new Response(body() as ReadableStream<Uint8Array>, { status: 200 })
      const v = createVerifier({
        audience: MDE,
        tenants: [TENANT],
        fetch,
        now: NOW,
        keySets: { timeoutMs: 1000 },
      })
      const started = Date.now()
      const report = await v.verify(sign(entraClaims()))
      expect(Date.now() - started).toBeLessThan(5_000)
      expect(codes(report)).toContain('jwks-unavailable')
      expect(report.verdict).toBe('undetermined')
    })
  }
})

describe('F8: a nonce header does not make a forgery "a Graph token"', () => {
  it('a custom-API token with a nonce is signature-checked and refused', async () => {
    const rogue = makeKey('k1')
    const v = createVerifier({
      audience: 'api://contoso',
      tenants: [TENANT],
      jwks: { keys: [key.jwk] },
      now: NOW,
    })
    const forged = signCompact(
      entraHeader(rogue, { nonce: 'abc' }),
      entraClaims({ aud: 'api://contoso' }),
      rogue.privateKey,
    )
    const report = await v.verify(forged)
    expect(report.token?.api).toBe('other')
    expect(codes(report)).toContain('signature-invalid')
    expect(codes(report)).not.toContain('graph-token')
    expect(report.verdict).toBe('refused')
  })
})

describe('F11: misconfiguration throws at creation', () => {
  it('a clock skew in milliseconds, or a now that is not a Date', () => {
    expect(() => verifier({ clockSkew: 300_000 })).toThrow(TypeError)
    expect(() => verifier({ now: 'garbage' })).toThrow(TypeError)
    expect(() => verifier({ now: new Date('nope') })).toThrow(TypeError)
  })

  it('a now function that returns garbage refuses, never throws', async () => {
    const report = await verifier({ now: () => 'garbage' }).verify(sign(entraClaims()))
    expect(report.verdict).toBe('refused')
    expect(codes(report)).toEqual(['verification-failed'])
  })
})

describe('F14: lists quoted in findings are bounded', () => {
  it('20,000 roles give a finding of bounded size', async () => {
    const roles = Array.from({ length: 20_000 }, (_, i) => `Role.${i}`)
    const report = await verifier().verify(sign(entraClaims({}, { roles, exp: NOW_S + 3000 })), {
      require: ['Machine.Offboard'],
    })
    for (const f of report.findings) expect(JSON.stringify(f).length).toBeLessThan(10_000)
    expect(report.verdict).toBe('refused')
  })
})
