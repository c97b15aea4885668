import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AADSTS_CATALOGUE, AADSTS_SOURCES, explainAadsts } from '../../src/index.js'

// The codes the project's reference lists as most relevant to Defender partner apps: each must be catalogued.
const REFERENCE_CODES = [
  65001, 65004, 65005, 650056, 650057, 650052, 90094, 90095, 500011, 700016, 50194, 7000215, 7000222, 7000218,
  70011, 1002012, 700022, 50020, 50105, 53003, 50076, 50011, 50146, 90002, 9001023, 90124, 90130,
]

describe('the AADSTS catalogue', () => {
  it('holds at least 40 distinct codes', () => {
    const numbers = AADSTS_CATALOGUE.map((e) => e.code)
    expect(new Set(numbers).size).toBe(numbers.length)
    expect(numbers.length).toBeGreaterThanOrEqual(40)
  })

  it('covers every code of the reference list', () => {
    const numbers = new Set(AADSTS_CATALOGUE.map((e) => e.code))
    expect(REFERENCE_CODES.filter((c) => !numbers.has(c))).toEqual([])
  })

  it.each(AADSTS_CATALOGUE.map((e) => [e.code, e] as const))(
    'AADSTS%i has a name, meaning, cause, fix and a source',
    (_code, entry) => {
      expect(entry.name.trim()).not.toBe('')
      expect(entry.meaning.trim().length).toBeGreaterThan(10)
      expect(entry.cause.trim().length).toBeGreaterThan(10)
      expect(entry.fix.trim().length).toBeGreaterThan(10)
      expect(entry.sources.length).toBeGreaterThan(0)
      for (const s of entry.sources) expect(AADSTS_SOURCES[s]).toBeDefined()
    },
  )

  it('explains each entry by its code', () => {
    for (const entry of AADSTS_CATALOGUE) {
      const e = explainAadsts(`AADSTS${entry.code}`)
      expect(e?.known).toBe(true)
      expect(e?.meaning).toBe(entry.meaning)
      expect(e?.fix).toBe(entry.fix)
    }
  })
})

describe('explainAadsts finds the code', () => {
  it('in free text', () => {
    const e = explainAadsts(
      "MsalServiceException: AADSTS700016: Application with identifier '00001111-aaaa-2222-bbbb-3333cccc4444' was not found in the directory 'Contoso'.\r\nTrace ID: 1",
    )
    expect(e?.code).toBe('AADSTS700016')
    expect(e?.known).toBe(true)
    expect(e?.description).toBe(
      "AADSTS700016: Application with identifier '00001111-aaaa-2222-bbbb-3333cccc4444' was not found in the directory 'Contoso'.",
    )
  })

  it("in a token endpoint's JSON error, as text and as an object", () => {
    const body = {
      error: 'invalid_client',
      error_description:
        'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.\r\nTrace ID: t\r\nCorrelation ID: c\r\nTimestamp: 2024-12-27 14:53:13Z',
      error_codes: [7000215],
      error_uri: 'https://login.microsoftonline.com/error?code=7000215',
    }
    for (const input of [body, JSON.stringify(body, null, 2)]) {
      const e = explainAadsts(input)
      expect(e?.code).toBe('AADSTS7000215')
      expect(e?.description).toMatch(/^AADSTS7000215: Invalid client secret provided\./)
      expect(e?.description).not.toMatch(/Trace ID/)
    }
  })

  it('prefers error_codes and lists the others', () => {
    const e = explainAadsts({ error_codes: [50076, 50079], error_description: 'AADSTS50076: MFA' })
    expect(e?.code).toBe('AADSTS50076')
    expect(e?.otherCodes).toEqual(['AADSTS50079'])
  })

  it('in error_codes even without a description', () => {
    expect(explainAadsts('{"error":"invalid_scope","error_codes":[70011]}')?.code).toBe('AADSTS70011')
  })

  it("in a redirect URL's error_description (query and fragment)", () => {
    const q = explainAadsts(
      'https://partner.example.com/cb?error=access_denied&error_description=AADSTS65004%3a+User+declined+to+consent&state=1',
    )
    expect(q?.code).toBe('AADSTS65004')
    const f = explainAadsts(
      'https://partner.example.com/cb#error=invalid_request&error_description=AADSTS50011%3A%20The%20redirect%20URI',
    )
    expect(f?.code).toBe('AADSTS50011')
  })

  it("in Entra's own lookup URL", () => {
    expect(explainAadsts('https://login.microsoftonline.com/error?code=50058')?.code).toBe('AADSTS50058')
  })

  it('as a bare code, with or without the prefix, or a number', () => {
    expect(explainAadsts('65001')?.code).toBe('AADSTS65001')
    expect(explainAadsts('aadsts65001')?.code).toBe('AADSTS65001')
    expect(explainAadsts(65001)?.code).toBe('AADSTS65001')
  })

  it('says clearly when a code is unknown', () => {
    const e = explainAadsts('AADSTS999999: something new')
    expect(e?.known).toBe(false)
    expect(e?.meaning).toMatch(/unknown/i)
    expect(e?.fix).toContain('https://login.microsoftonline.com/error?code=999999')
  })

  it('returns null when there is no code', () => {
    expect(explainAadsts('')).toBeNull()
    expect(explainAadsts('the token expired')).toBeNull()
    expect(explainAadsts({ error: 'invalid_grant' })).toBeNull()
    expect(explainAadsts('https://example.com/?a=b')).toBeNull()
  })

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        explainAadsts(s)
      }),
    )
  })

  it('throws TypeError on misuse', () => {
    expect(() => explainAadsts(undefined as never)).toThrow(TypeError)
    expect(() => explainAadsts([1] as never)).toThrow(TypeError)
  })
})
