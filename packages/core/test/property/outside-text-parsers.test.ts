// Issue 24 point 2: every parser of outside text (AADSTS errors, WWW-Authenticate challenges, scopes, consent
// redirects, API answers, tenant lists, operations) fed 64 KB adversarial inputs — the long runs that made the old
// patterns backtrack for seconds (blanks before "Trace ID:", a name before "=", blanks around commas, slashes before
// the end) plus random mixes of the characters those patterns care about. Asserted here: each call returns, never
// throws, and its output stays bounded. Their cost at 16 KB and 64 KB is measured by the bench (bench/src/parsers.ts),
// not timed here; the regex lint (eslint-plugin-regexp) keeps new patterns linear.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  explainAadsts,
  explainApiResponse,
  lintScope,
  parseConsentRedirect,
  parseOperation,
  readTenantList,
} from '../../src/index.js'

const SIZE = 64 * 1024

/** A unit repeated to 64 KB, then a suffix that makes the pattern fail at the very end (the backtracking case). */
const fill = (unit: string, suffix = '!'): string =>
  `${unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE)}${suffix}`

const UNITS = [
  ' ',
  '\t',
  '\r\n',
  '/',
  '=',
  ',',
  ' , ',
  'a',
  'a.',
  'a-',
  'a=',
  'a= ',
  '"',
  '\\"',
  "'",
  '#',
  '(',
  '.',
  'AADSTS1',
  'AADSTS70011 ',
  ' Trace ID',
  'error_codes',
  'HTTP/1.1 ',
  'Retry-After:',
  'Bearer ',
  'www-authenticate:',
  'Missing application roles. API required roles: ',
  'a,',
  'required application permissions (',
  "API requires one of '",
  '%',
  '&',
  '?error=',
  'admin_consent=',
  '{"',
  ':{',
  '\u202e',
  '\u009b',
  'é',
]

export const ADVERSARIAL: readonly string[] = [
  ...UNITS.map((u) => fill(u)),
  ...UNITS.map((u) => `Trace ID${fill(u, 'x')}`),
  fill(' ', 'Trace ID'),
  `AADSTS50020:${fill(' ', 'Trace ID:x')}`,
  `error="x", ${fill('a', '=')}`,
  fill('a.b-c', ' =x'),
  fill(' ,', 'x'),
  `https://x/${fill('/', '?a')}`,
]

/** Every parser of outside text, each called as the product calls it; each returns something bounded. */
const PARSERS: readonly (readonly [string, (text: string) => void])[] = [
  [
    'explainAadsts',
    (t) => {
      const e = explainAadsts(t)
      if (e !== null) expect((e.description ?? '').length).toBeLessThanOrEqual(2_001)
    },
  ],
  [
    'explainApiResponse (body)',
    (t) => {
      const r = explainApiResponse(t)
      expect((r.message ?? '').length).toBeLessThanOrEqual(1_001)
      expect(r.required.length).toBeLessThanOrEqual(64)
    },
  ],
  [
    'explainApiResponse (challenge)',
    (t) => void explainApiResponse(`WWW-Authenticate: Bearer error="x", ${t}`),
  ],
  ['explainApiResponse (bare challenge)', (t) => void explainApiResponse(`Bearer ${t}`)],
  [
    'explainApiResponse (HTTP answer)',
    (t) => void explainApiResponse(`HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${t}\r\n\r\n${t}`),
  ],
  [
    'lintScope',
    (t) => {
      const r = lintScope(t, { flow: 'client-credentials' })
      expect(Array.isArray(r.findings)).toBe(true)
    },
  ],
  [
    'parseConsentRedirect (URL)',
    (t) => void parseConsentRedirect(`https://app.example.com/cb?error=${t}&error_description=${t}`),
  ],
  ['parseConsentRedirect (raw)', (t) => void parseConsentRedirect(t)],
  [
    'readTenantList',
    (t) => {
      let n = 0
      for (const _line of readTenantList(t)) n++
      expect(n).toBeGreaterThanOrEqual(0)
    },
  ],
  ['parseOperation', (t) => void parseOperation(`GET ${t}`)],
]

describe('parsers of outside text on 64 KB adversarial input', () => {
  it.each(PARSERS.map(([name, run]) => [name, run] as const))(
    '%s: returns, bounded, for every input',
    (_n, run) => {
      for (const text of ADVERSARIAL) expect(() => run(text)).not.toThrow()
    },
  )

  it('random mixes of the characters the patterns care about, 64 KB each', () => {
    const alphabet = fc.constantFrom(...UNITS)
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 8 }), (units) => {
        const text = fill(units.join(''))
        for (const [, run] of PARSERS) run(text)
      }),
      { numRuns: 12 },
    )
  })
})

describe("the consent redirect's own query reader decodes as the URL standard does", () => {
  it('state equals URLSearchParams.get, and the shown description is part of its value, for any text', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.constantFrom(
        '%',
        '%2',
        '%zz',
        '%C3',
        '%C3%A9',
        '%E2%80%AE',
        '%FF',
        '+',
        '&',
        '=',
        '#',
        '%26',
        '%3D',
      ),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.array(piece, { maxLength: 12 }), (a, b) => {
        const url = `https://app.example.com/cb?error=access_denied&state=${a.join('')}&error_description=${b.join('')}`
        let expected: URLSearchParams
        try {
          expected = new URL(url).searchParams
        } catch {
          return
        }
        const r = parseConsentRedirect(url)
        // Only when the reader saw the same parameters (a '&' or '#' inside a piece changes what follows).
        if (expected.get('error') !== 'access_denied') return
        expect(r.state).toBe(expected.get('state'))
        // The description is shown trimmed to its first sentence; compare what survives that.
        const description = expected.get('error_description')
        if (description !== null && r.error?.description != null)
          expect(description.includes(r.error.description.replace(/…$/, ''))).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
