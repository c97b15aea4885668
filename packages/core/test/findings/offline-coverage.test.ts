import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { FINDINGS, type FindingCode, type InspectOptions } from '../../src/index.js'
import { codes, inspect } from '../fixtures/inspect.js'
import {
  buildToken,
  CONSUMER_TENANT,
  graphToken,
  idToken,
  M365D_AUD,
  NOW_S,
  OTHER_TENANT,
  V1_HEADER,
  v1AppOnlyClaims,
  v1AppOnlyToken,
} from '../fixtures/tokens.js'

/** The offline pipeline's modules: every finding code they can emit must have a trigger below. */
const PIPELINE_FILES = [
  'token/analyze.ts',
  'token/decode.ts',
  'token/facts.ts',
  'token/inspect.ts',
  'token/normalize.ts',
  'token/checks/lifetime.ts',
  'token/checks/issuer.ts',
  'token/checks/audience.ts',
  'token/checks/caller.ts',
]

function emittedCodes(): Set<string> {
  const found = new Set<string>()
  for (const file of PIPELINE_FILES) {
    const source = readFileSync(fileURLToPath(new URL(`../../src/${file}`, import.meta.url)), 'utf8')
    for (const m of source.matchAll(/makeFinding\(\s*'([a-z0-9-]+)'/g)) found.add(m[1] as string)
  }
  return found
}

/** One input per code that the offline pipeline must answer with that code (detailed cases live in test/token). */
const TRIGGERS: Record<string, [string, InspectOptions?]> = {
  'input-normalized': [`Bearer ${v1AppOnlyToken()}`],
  'token-malformed': ['a.b'],
  'token-encrypted': ['a.b.c.d.e'],
  'token-opaque': ['opaque'],
  'token-unsigned': [buildToken({ header: { ...V1_HEADER, alg: 'none' } })],
  'token-oversized': ['x'.repeat(256_001)],
  'duplicate-member': [buildToken({ headerJson: '{"alg":"RS256","alg":"RS256"}' })],
  'header-key-ignored': [buildToken({ header: { ...V1_HEADER, jku: 'https://a.example' } })],
  'header-crit-unsupported': [buildToken({ header: { ...V1_HEADER, crit: ['x'] } })],
  'token-expired': [v1AppOnlyToken({ exp: NOW_S - 3600, iat: NOW_S - 7200, nbf: NOW_S - 7200 })],
  'token-not-yet-valid': [v1AppOnlyToken({ nbf: NOW_S + 3600, exp: NOW_S + 7200 })],
  'token-issued-in-future': [v1AppOnlyToken({ iat: NOW_S + 3600 })],
  'lifetime-invalid': [v1AppOnlyToken({ exp: undefined })],
  'claim-type-invalid': [v1AppOnlyToken({ roles: 'Machine.Read.All' })],
  'issuer-not-entra': [v1AppOnlyToken({ iss: 'https://evil.example/' })],
  'issuer-tenant-mismatch': [v1AppOnlyToken({ iss: `https://sts.windows.net/${OTHER_TENANT}/` })],
  'tenant-missing': [v1AppOnlyToken({ tid: undefined })],
  'tenant-invalid': [v1AppOnlyToken({ tid: 'contoso.com' })],
  'tenant-not-allowed': [v1AppOnlyToken(), { tenants: [OTHER_TENANT] }],
  'tenants-any': [v1AppOnlyToken(), { tenants: 'any' }],
  'consumer-tenant': [
    v1AppOnlyToken({ tid: CONSUMER_TENANT, iss: `https://sts.windows.net/${CONSUMER_TENANT}/` }),
  ],
  'version-issuer-mismatch': [v1AppOnlyToken({ ver: '2.0' })],
  'audience-mismatch': [v1AppOnlyToken({ aud: 'api://orders' }), { audience: 'api://payments' }],
  'audience-not-single': [v1AppOnlyToken({ aud: [M365D_AUD] })],
  'audience-refused-by-api': [v1AppOnlyToken({ aud: 'https://userrequestsgraphapi-prd.trafficmanager.net' })],
  'graph-token': [graphToken()],
  'wrong-api': [v1AppOnlyToken(), { audience: M365D_AUD }],
  'id-token-as-access-token': [idToken()],
  'signature-not-checked': [v1AppOnlyToken()],
  'client-app-not-allowed': [v1AppOnlyToken(), { clientApps: [OTHER_TENANT] }],
}

describe('every finding the offline pipeline emits has a trigger', () => {
  it('the trigger table covers every code the pipeline modules can emit', () => {
    expect([...emittedCodes()].filter((c) => !(c in TRIGGERS))).toEqual([])
  })

  it.each(Object.entries(TRIGGERS))(
    '%s fires for its trigger, with the catalogue severity',
    (code, [raw, options]) => {
      const report = inspect(raw, options)
      expect(codes(report)).toContain(code)
      const f = report.findings.find((x) => x.code === code)
      expect(f?.severity).toBe(FINDINGS[code as FindingCode].severity)
      expect(f?.message.length).toBeGreaterThan(0)
    },
  )

  it('a clean token fires none of them except the offline signature note', () => {
    expect(codes(inspect(buildToken({ payload: v1AppOnlyClaims() })))).toEqual(['signature-not-checked'])
  })
})
