/**
 * The verified-result cache must be invisible: for any token, request and instant, a Report served from the cache
 * (or built on a cached signature) equals, member for member and finding for finding in order, the Report of a
 * verifier without a cache.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  createVerifier,
  type PermissionCatalog,
  type Report,
  type RequirementOptions,
  type Verifier,
} from '../../src/index.js'
import {
  CLIENT_APP,
  MDE,
  NOW_S,
  OTHER_TENANT,
  TENANT,
  b64url,
  entraClaims,
  entraHeader,
  inMemoryEntra,
  makeKey,
  signCompact,
  type TestKey,
} from './fixtures/entra.js'

let k1: TestKey
let rogue: TestKey
beforeAll(() => {
  k1 = makeKey('k1')
  rogue = makeKey('k1')
})

const custom: PermissionCatalog = {
  id: 'contoso',
  name: 'Contoso API',
  appId: null,
  identifierUris: ['api://contoso'],
  hosts: ['api.contoso.example'],
  permissions: [
    { value: 'Orders.Read', kind: 'application', id: null },
    { value: 'Orders.ReadWrite', kind: 'application', id: null, includes: ['Orders.Read'] },
  ],
  operations: [
    { method: 'GET', path: '/orders', application: ['Orders.Read', 'Orders.ReadWrite'], delegated: [] },
  ],
}

/** Each case: a token (as the caller sends it) and what it is. */
function tokens(): [string, string][] {
  const sign = (
    claims: Record<string, unknown>,
    header: Record<string, unknown> = entraHeader(k1),
    key = k1,
  ) => signCompact(header, claims, key.privateKey)
  const valid = sign(entraClaims())
  const [h, p] = valid.split('.') as [string, string]
  return [
    ['valid v2 app-only', valid],
    ['valid, with "Bearer " and spaces', `  Bearer ${valid} `],
    ['valid, in quotes', `"${valid}"`],
    ['valid v1', sign(entraClaims({ version: '1.0' }))],
    ['valid delegated', sign(entraClaims({ kind: 'delegated' }))],
    ['valid, broader permission than needed', sign(entraClaims({}, { roles: ['Machine.ReadWrite.All'] }))],
    ['missing permission', sign(entraClaims({}, { roles: ['Alert.Read.All'] }))],
    ['no roles', sign(entraClaims({}, { roles: [] }))],
    [
      'expired long ago',
      sign(entraClaims({}, { iat: NOW_S - 90_000, nbf: NOW_S - 90_000, exp: NOW_S - 86_000 })),
    ],
    ['expires soon', sign(entraClaims({}, { exp: NOW_S + 120 }))],
    ['not yet valid', sign(entraClaims({}, { iat: NOW_S + 1_000, nbf: NOW_S + 1_000, exp: NOW_S + 4_000 }))],
    ['lives too long', sign(entraClaims({}, { exp: NOW_S + 200_000 }))],
    ['wrong tenant', sign(entraClaims({ tid: OTHER_TENANT }))],
    ['wrong audience', sign(entraClaims({ aud: 'https://graph.microsoft.com' }))],
    ['other app', sign(entraClaims({}, { azp: '11111111-2222-4333-8444-555555555555' }))],
    [
      'issuer of another tenant',
      sign(entraClaims({}, { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })),
    ],
    [
      'graph token (nonce)',
      sign(entraClaims({ aud: 'https://graph.microsoft.com' }), entraHeader(k1, { nonce: 'abc' })),
    ],
    ['forged (another key, same kid)', sign(entraClaims(), entraHeader(k1), rogue)],
    ['unknown kid', sign(entraClaims(), entraHeader({ kid: 'k9' }))],
    ['no kid', sign(entraClaims(), { typ: 'JWT', alg: 'RS256' })],
    ['alg none', `${b64url(JSON.stringify({ alg: 'none', kid: 'k1' }))}.${p}.`],
    ['HS256', `${b64url(JSON.stringify({ alg: 'HS256', kid: 'k1' }))}.${p}.${b64url('x')}`],
    [
      'duplicate member',
      sign(
        `{"aud":"evil","aud":"${MDE}","iss":"https://login.microsoftonline.com/${TENANT}/v2.0","tid":"${TENANT}","azp":"${CLIENT_APP}","roles":["Machine.Read.All"],"idtyp":"app","iat":${NOW_S - 600},"nbf":${NOW_S - 600},"exp":${NOW_S + 3000}}` as unknown as Record<
          string,
          unknown
        >,
      ),
    ],
    ['non-canonical signature', `${valid.slice(0, -1)}${valid.endsWith('A') ? 'B' : 'A'}`],
    ['malformed (two segments)', `${h}.${p}`],
    ['encrypted (five segments)', 'a.b.c.d.e'],
    ['opaque', 'opaque-refresh-token'],
    ['empty', ''],
    ['JSON instead of a token', '{"access_token":"x"}'],
  ]
}

const requests: [string, RequirementOptions][] = [
  ['no request', {}],
  ['granted operation', { api: 'mde', operation: 'GET /api/machines' }],
  ['operation, full URL', { operation: 'GET https://api.securitycenter.microsoft.com/api/machines/abc' }],
  ['explicit requirement', { require: ['Machine.Read.All', 'Alert.Read.All'] }],
  ['unknown operation', { api: 'mde', operation: 'GET /api/nothing' }],
  ['custom catalog', { catalog: custom, operation: 'GET /orders' }],
]

/** Instants around the valid token's life: before nbf (beyond skew), inside, near exp, past exp within skew, after. */
const instants = [
  NOW_S - 1_000,
  NOW_S - 600,
  NOW_S,
  NOW_S + 2_999,
  NOW_S + 3_200,
  NOW_S + 3_301,
  NOW_S + 10_000,
].map((s) => s * 1000)

function verifiers(): { cached: Verifier; plain: Verifier; setNow: (ms: number) => void } {
  let now = instants[2] as number
  const clock = () => new Date(now)
  const entra = inMemoryEntra(() => [
    { ...k1.jwk, issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0' },
  ])
  const options = {
    audience: MDE,
    tenants: [TENANT],
    clientApps: [CLIENT_APP],
    fetch: entra.fetch,
    now: clock,
  }
  return {
    cached: createVerifier(options),
    plain: createVerifier({ ...options, resultCache: false }),
    setNow: (ms) => {
      now = ms
    },
  }
}

describe('verified-result cache: Reports identical to the uncached path', () => {
  it('for every token × request × instant, on first sight and on every hit', async () => {
    const { cached, plain, setNow } = verifiers()
    let compared = 0
    let hits = 0
    for (const [tokenName, token] of tokens()) {
      for (const [requestName, request] of requests) {
        for (const [i, at] of instants.entries()) {
          setNow(at)
          const expected: Report = await plain.verify(token, request)
          // First sight at this instant (or a hit when an earlier instant stored it), then certainly a hit.
          for (let round = 0; round < 2; round++) {
            const actual = await cached.verify(token, request)
            expect(actual, `${tokenName} / ${requestName} / instant ${i} / round ${round}`).toEqual(expected)
            expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
            compared++
          }
          if (expected.signature.status === 'valid') hits++
        }
      }
    }
    expect(compared).toBeGreaterThan(2 * 25 * requests.length * instants.length - 1)
    expect(hits).toBeGreaterThan(0)
  })

  it('instants in any order, and requests interleaved on the same token', async () => {
    const { cached, plain, setNow } = verifiers()
    const list = tokens().filter(
      ([name]) => name.startsWith('valid') || name.startsWith('expire') || name.startsWith('missing'),
    )
    const order = [3, 6, 0, 4, 2, 5, 1, 3, 3, 0]
    for (const index of order) {
      setNow(instants[index] as number)
      for (const [, token] of list) {
        for (const [, request] of [...requests].reverse()) {
          expect(await cached.verify(token, request)).toEqual(await plain.verify(token, request))
        }
      }
    }
  })

  it('a request with members other than api, operation, require and catalog is never served from the cache', async () => {
    const { cached, plain } = verifiers()
    const token = signCompact(entraHeader(k1), entraClaims(), k1.privateKey)
    await cached.verify(token, { api: 'mde', operation: 'GET /api/machines' })
    const odd = { api: 'mde', operation: 'GET /api/machines', tenants: [OTHER_TENANT] } as RequirementOptions
    expect(await cached.verify(token, odd)).toEqual(await plain.verify(token, odd))
  })

  it('the parts a hit shares with earlier Reports are frozen, so no caller can change what the next one gets', async () => {
    const { cached } = verifiers()
    const token = signCompact(entraHeader(k1), entraClaims(), k1.privateKey)
    await cached.verify(token, {})
    const hit = await cached.verify(token, {})
    expect(Object.isFrozen(hit.token)).toBe(true)
    expect(Object.isFrozen(hit.token?.payload)).toBe(true)
    expect(Object.isFrozen(hit.token?.roles)).toBe(true)
    expect(() => {
      ;(hit.token?.roles as string[]).push('Machine.Isolate')
    }).toThrow(TypeError)
    hit.findings.push({ code: 'token-expired', severity: 'error', message: 'added by the caller' })
    hit.ok = false
    const again = await cached.verify(token, {})
    expect(again.findings).toEqual([])
    expect(again.ok).toBe(true)
  })

  it('property: for random sequences of calls (tokens, requests, instants, a caller replacing its catalog), one answer', async () => {
    const list = tokens()
    const frozen = Object.freeze({
      ...custom,
      operations: Object.freeze(
        custom.operations.map((o) =>
          Object.freeze({
            ...o,
            application: Object.freeze([...o.application]),
            delegated: Object.freeze([...o.delegated]),
          }),
        ),
      ),
      permissions: Object.freeze(custom.permissions.map((p) => Object.freeze({ ...p }))),
    })
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('call' as const),
        token: fc.nat(list.length - 1),
        request: fc.nat(requests.length + 1),
        instant: fc.nat(instants.length - 1),
      }),
      fc.record({
        kind: fc.constant('mutate' as const),
        token: fc.constant(0),
        request: fc.constant(0),
        instant: fc.constant(0),
      }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        const { cached, plain, setNow } = verifiers()
        // A caller's catalog, replaced between calls by a new object with other contents (a catalog object is
        // deep-frozen on first use: changing a catalog means passing a new object). Neither verifier may answer from
        // the old content.
        type Mine = {
          operations: { method: 'GET'; path: string; application: string[]; delegated: string[] }[]
        } & Omit<typeof custom, 'operations'>
        let mine: Mine = JSON.parse(JSON.stringify(custom))
        for (const s of steps) {
          if (s.kind === 'mutate') {
            const next: Mine = JSON.parse(JSON.stringify(mine))
            if (next.operations[0])
              next.operations[0].application =
                next.operations[0].application.length > 1
                  ? ['Orders.ReadWrite']
                  : ['Orders.Read', 'Orders.ReadWrite']
            mine = next
            continue
          }
          setNow(instants[s.instant] as number)
          const request: RequirementOptions =
            s.request < requests.length
              ? (requests[s.request] as [string, RequirementOptions])[1]
              : s.request === requests.length
                ? { catalog: mine as PermissionCatalog, operation: 'GET /orders' }
                : { catalog: frozen as PermissionCatalog, operation: 'GET /orders' }
          const token = (list[s.token] as [string, string])[1]
          expect(JSON.stringify(await cached.verify(token, request))).toBe(
            JSON.stringify(await plain.verify(token, request)),
          )
        }
      }),
      { numRuns: 60 },
    )
  }, 120_000)
})
