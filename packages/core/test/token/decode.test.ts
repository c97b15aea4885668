import { describe, expect, it } from 'vitest'
import { decodeToken, MAX_TOKEN_BYTES } from '../../src/token/decode.js'
import { codes, findingsOf, inspect } from '../fixtures/inspect.js'
import {
  base64url,
  buildToken,
  FAKE_SIGNATURE,
  segment,
  TENANT,
  V1_HEADER,
  v1AppOnlyClaims,
  v1AppOnlyToken,
} from '../fixtures/tokens.js'

const token = v1AppOnlyToken()
const [H, P, S] = token.split('.') as [string, string, string]
const payloadJson = JSON.stringify(v1AppOnlyClaims())

function structureCodes(raw: string): string[] {
  return decodeToken(raw).findings.map((f) => f.code)
}

describe('token-malformed', () => {
  it.each([
    ['two segments', `${H}.${P}`],
    ['four segments', `${H}.${P}.${S}.${S}`],
    ['six segments', `${H}.${P}.${S}.${S}.${S}.${S}`],
    ['an empty header segment', `.${P}.${S}`],
    ['an empty payload segment', `${H}..${S}`],
    ['standard base64 "+" in the payload', `${H}.${P.slice(0, 10)}+${P.slice(11)}.${S}`],
    ['standard base64 "/" in the header', `${H.slice(0, 4)}/${H.slice(5)}.${P}.${S}`],
    ['padding "="', `${H}.${P}==.${S}`],
    ['a space inside the payload', `${H}.${P.slice(0, 20)} ${P.slice(20)}.${S}`],
    ['a line break inside the payload', `${H}.${P.slice(0, 20)}\n${P.slice(20)}.${S}`],
    ['a non-ASCII character', `${H}.${P.slice(0, 20)}é${P.slice(21)}.${S}`],
    ['a segment whose length is impossible in base64url', `${H}.AAAAA.${S}`],
    ['invalid base64url in the signature', `${H}.${P}.${S.slice(0, 8)}*${S.slice(9)}`],
  ])('fires for %s', (_, raw) => {
    const report = inspect(raw)
    expect(codes(report)).toContain('token-malformed')
    expect(report.ok).toBe(false)
  })

  it('fires for non-canonical base64url (non-zero trailing bits) even though lenient decoders accept it', () => {
    // "e30" is "{}"; "e31" decodes to the same bytes in lenient decoders but has non-zero trailing bits.
    expect(Buffer.from('e31', 'base64url').toString()).toBe('{}')
    expect(structureCodes(`e31.${P}.${S}`)).toContain('token-malformed')
    expect(structureCodes(`e30.${P}.${S}`)).not.toContain('token-malformed')
  })

  it('fires for a payload that is not valid UTF-8', () => {
    const bad = Buffer.concat([Buffer.from('{"aud":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')])
    expect(structureCodes(`${H}.${base64url(bad)}.${S}`)).toEqual(['token-malformed'])
  })

  it('fires for a UTF-8 byte-order mark before the JSON', () => {
    expect(structureCodes(`${H}.${base64url(`\uFEFF${payloadJson}`)}.${S}`)).toEqual(['token-malformed'])
  })

  it.each([
    ['an array', '["aud"]'],
    ['a string', '"aud"'],
    ['null', 'null'],
    ['a number', '42'],
    ['truncated JSON', payloadJson.slice(0, -1)],
    ['JSON with a trailing comma', '{"aud":"x",}'],
    ['JSON with trailing data', `${payloadJson} {}`],
    ['single-quoted JSON', "{'aud':'x'}"],
    ['a raw control character in a string', '{"aud":"a\u0001b"}'],
  ])('fires for a payload that is %s', (_, json) => {
    expect(structureCodes(buildToken({ payloadJson: json }))).toContain('token-malformed')
  })

  it('fires for a header that is not a JSON object', () => {
    expect(structureCodes(buildToken({ headerJson: '["RS256"]' }))).toContain('token-malformed')
  })

  it('fires (and does not overflow the stack) for deeply nested JSON', () => {
    const deep = `{"aud":${'['.repeat(5000)}${']'.repeat(5000)}}`
    expect(() => inspect(buildToken({ payloadJson: deep }))).not.toThrow()
    expect(codes(inspect(buildToken({ payloadJson: deep })))).toContain('token-malformed')
    // Moderate nesting (Entra's _claim_sources is two levels deep) is fine.
    const moderate = JSON.stringify(
      v1AppOnlyClaims({
        _claim_sources: { src1: { endpoint: 'https://graph.microsoft.com/v1.0/users/x/getMemberObjects' } },
      }),
    )
    expect(codes(inspect(buildToken({ payloadJson: moderate })))).not.toContain('token-malformed')
  })

  it('fires for pasted JSON (a token response) and says to copy access_token', () => {
    const report = inspect(JSON.stringify({ token_type: 'Bearer', access_token: token }))
    const [f] = findingsOf(report, 'token-malformed')
    expect(f?.fix).toMatch(/access_token/)
    expect(report.token).toBeNull()
  })

  it('still decodes header and payload when only the signature segment is malformed', () => {
    const report = inspect(`${H}.${P}.${S.slice(0, 8)}*${S.slice(9)}`)
    expect(report.token?.tenantId).toBe(TENANT)
    expect(report.ok).toBe(false)
  })

  it('fires for empty input', () => {
    expect(codes(inspect(''))).toEqual(['token-malformed'])
    expect(codes(inspect('   \n'))).toEqual(['token-malformed', 'input-normalized'])
  })

  it('does not fire for a well-formed token', () => {
    expect(structureCodes(token)).toEqual([])
  })
})

describe('token-encrypted', () => {
  it('fires for a five-segment JWE', () => {
    const jwe = [
      segment({ alg: 'RSA-OAEP', enc: 'A256GCM' }),
      'a'.repeat(342),
      'b'.repeat(16),
      'c'.repeat(40),
      'd'.repeat(22),
    ].join('.')
    const report = inspect(jwe)
    expect(codes(report)).toEqual(['token-encrypted'])
    expect(report.token).toBeNull()
  })

  it('two tokens pasted together (five dot-separated segments) are said to be two tokens, not a JWE', () => {
    for (const text of [`${token} ${token}`, `Bearer ${token} ${token}`, `${token}\n${token}`]) {
      const report = inspect(text)
      expect(codes(report)).not.toContain('token-encrypted')
      const malformed = findingsOf(report, 'token-malformed')[0]
      expect(malformed?.message).toMatch(/two tokens/)
      expect(malformed?.message).not.toMatch(/encrypt/i)
    }
  })

  it('does not fire for three or four segments', () => {
    expect(structureCodes(token)).not.toContain('token-encrypted')
    expect(structureCodes(`${H}.${P}.${S}.x`)).not.toContain('token-encrypted')
  })
})

describe('token-opaque', () => {
  it.each([
    [
      'a Microsoft-account access token',
      'EwBwA8l6BAAUbDba3x2OMJElkF7gJ4z/VbCPEz0AAVEbeQeXqMxhB1S3F6XhYsiz8tYq3AAA',
    ],
    ['a random string', 'abc'],
    ['a Microsoft-account authorization code', 'M.C105_BAY.2.U.ae5a5d21-1fb7-4f1c-8c3a-4e2c1d9a7b60'],
    ['a Microsoft-account refresh token', 'M.R3_BAY.-CZ8kx1yB3m!Lw9q*Rz0Jd4tWp5vNs6uHk7oGf2eIa'],
    [
      'an Entra refresh token',
      '0.AXkAHmwrTz2aV064wn0eDzpbaWUHgPwXIO1AoMUwcCJHG5IAAA.AgABAAEAAAD--DLA3VO7QrddgJg7WevrAgDs_wUA9P8',
    ],
  ])('fires for %s', (_, raw) => {
    const report = inspect(raw)
    expect(codes(report)).toEqual(['token-opaque'])
    expect(report.token).toBeNull()
  })

  it('does not fire for a JWT', () => {
    expect(structureCodes(token)).not.toContain('token-opaque')
  })
})

describe('token-unsigned', () => {
  it.each([
    ['none', { ...V1_HEADER, alg: 'none' }],
    ['None', { ...V1_HEADER, alg: 'None' }],
    ['NONE', { ...V1_HEADER, alg: 'NONE' }],
    ['nOnE', { ...V1_HEADER, alg: 'nOnE' }],
    ['missing', { typ: 'JWT', kid: 'k' }],
    ['null', { ...V1_HEADER, alg: null }],
    ['empty', { ...V1_HEADER, alg: '' }],
    ['an array', { ...V1_HEADER, alg: ['RS256'] }],
  ])('fires when alg is %s', (_, header) => {
    const report = inspect(buildToken({ header }))
    expect(findingsOf(report, 'token-unsigned')).toHaveLength(1)
    expect(report.ok).toBe(false)
    expect(report.token).not.toBeNull()
  })

  it('fires when the signature is stripped (h.p.)', () => {
    const report = inspect(`${H}.${P}.`)
    expect(codes(report)).toContain('token-unsigned')
    expect(report.ok).toBe(false)
  })

  it('does not fire for RS256 with a signature', () => {
    expect(structureCodes(token)).not.toContain('token-unsigned')
  })
})

describe('header-key-ignored', () => {
  it.each(['jku', 'x5u', 'jwk', 'x5c'])('fires (warning) for %s in the header', (member) => {
    const value =
      member === 'jwk'
        ? { kty: 'RSA', n: 'AQAB', e: 'AQAB' }
        : member === 'x5c'
          ? ['MIIC']
          : 'https://attacker.example/keys'
    const report = inspect(buildToken({ header: { ...V1_HEADER, [member]: value } }))
    const found = findingsOf(report, 'header-key-ignored')
    expect(found).toHaveLength(1)
    expect(found[0]?.severity).toBe('warning')
    expect(found[0]?.actual).toEqual([member])
  })

  it('fires once, naming all of them, when several are present', () => {
    const report = inspect(
      buildToken({ header: { ...V1_HEADER, jku: 'https://a.example', x5u: 'https://b.example' } }),
    )
    expect(findingsOf(report, 'header-key-ignored')[0]?.actual).toEqual(['jku', 'x5u'])
  })

  it('does not fire for kid and x5t, nor for jku in the payload', () => {
    expect(structureCodes(token)).not.toContain('header-key-ignored')
    expect(
      structureCodes(buildToken({ payload: v1AppOnlyClaims({ jku: 'https://a.example' }) })),
    ).not.toContain('header-key-ignored')
  })
})

describe('header-crit-unsupported', () => {
  it('fires for crit', () => {
    expect(structureCodes(buildToken({ header: { ...V1_HEADER, crit: ['exp'] } }))).toContain(
      'header-crit-unsupported',
    )
  })

  it('fires for b64: false', () => {
    expect(structureCodes(buildToken({ header: { ...V1_HEADER, b64: false } }))).toContain(
      'header-crit-unsupported',
    )
  })

  it('does not fire for an ordinary header', () => {
    expect(structureCodes(token)).not.toContain('header-crit-unsupported')
  })
})

describe('duplicate-member', () => {
  it('fires for a repeated header member (alg none hidden behind RS256)', () => {
    const report = inspect(buildToken({ headerJson: '{"typ":"JWT","alg":"none","alg":"RS256","kid":"k"}' }))
    const [f] = findingsOf(report, 'duplicate-member')
    expect(f?.claim).toBe('alg')
    expect(report.ok).toBe(false)
  })

  it('fires for a repeated payload claim (aud evil, then good)', () => {
    const json = payloadJson.replace('{', '{"aud":"https://evil.example",')
    const report = inspect(buildToken({ payloadJson: json }))
    expect(findingsOf(report, 'duplicate-member')[0]?.actual).toEqual(['aud'])
    expect(report.ok).toBe(false)
  })

  it('sees duplicates spelled with escapes', () => {
    const json = payloadJson.replace('{', '{"\\u0074id":"b1d7e3a2-5c48-4f90-a6e1-3c9b2d8f7e14",')
    expect(structureCodes(buildToken({ payloadJson: json }))).toContain('duplicate-member')
  })

  it('sees duplicates inside nested objects and names the path', () => {
    const json = payloadJson.replace('{', '{"_claim_sources":{"src1":{"endpoint":"a","endpoint":"b"}},')
    expect(decodeToken(buildToken({ payloadJson: json })).findings[0]?.actual).toEqual([
      '_claim_sources.src1.endpoint',
    ])
  })

  it('reports header and payload duplicates separately', () => {
    const raw = buildToken({
      headerJson: '{"alg":"RS256","kid":"a","kid":"b"}',
      payloadJson: payloadJson.replace('{', '{"tid":"x",'),
    })
    expect(structureCodes(raw).filter((c) => c === 'duplicate-member')).toHaveLength(2)
  })

  it('does not fire for names that differ only in case', () => {
    expect(structureCodes(buildToken({ payload: v1AppOnlyClaims({ TID: 'x' }) }))).not.toContain(
      'duplicate-member',
    )
  })
})

describe('token-oversized', () => {
  it('fires above 256,000 bytes without decoding', () => {
    const big = buildToken({ payload: v1AppOnlyClaims({ pad: 'x'.repeat(MAX_TOKEN_BYTES) }) })
    const report = inspect(big)
    expect(codes(report)).toEqual(['token-oversized'])
    expect(report.token).toBeNull()
  })

  it('counts bytes, not characters', () => {
    const chars = MAX_TOKEN_BYTES - 10
    const raw = `${'é'.repeat(chars)}`
    expect(raw.length).toBeLessThan(MAX_TOKEN_BYTES)
    expect(codes(inspect(raw))).toEqual(['token-oversized'])
  })

  it('does not fire for a large but allowed token (group claims)', () => {
    const groups = Array.from(
      { length: 200 },
      (_, k) => `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`,
    )
    const raw = buildToken({ payload: v1AppOnlyClaims({ groups }) })
    expect(codes(inspect(raw))).not.toContain('token-oversized')
  })

  it('does not fire at exactly the limit', () => {
    const raw = `${'a'.repeat(MAX_TOKEN_BYTES)}`
    expect(codes(inspect(raw))).not.toContain('token-oversized')
  })
})

describe('prototype-safe claim reads', () => {
  it('a __proto__ member never supplies roles', () => {
    const report = inspect(buildToken({ payloadJson: '{"__proto__":{"roles":["x"]}}' }))
    expect(report.token?.roles).toEqual([])
    expect(report.token?.kind).not.toBe('app-only')
  })

  it('a __proto__ member never supplies tid, aud, iss or exp', () => {
    const claims = v1AppOnlyClaims()
    const inner = { tid: claims.tid, aud: claims.aud, iss: claims.iss, exp: claims.exp }
    const report = inspect(
      buildToken({
        payloadJson: JSON.stringify({ roles: ['Machine.Read.All'], __proto__x: 1 }).replace(
          '"__proto__x":1',
          `"__proto__":${JSON.stringify(inner)}`,
        ),
      }),
    )
    expect(report.token?.tenantId).toBeNull()
    expect(report.token?.audience).toBeNull()
    expect(codes(report)).toEqual(
      expect.arrayContaining([
        'tenant-missing',
        'audience-not-single',
        'issuer-not-entra',
        'lifetime-invalid',
      ]),
    )
  })

  it('a __proto__ header member never supplies alg', () => {
    expect(structureCodes(buildToken({ headerJson: '{"__proto__":{"alg":"RS256"}}' }))).toContain(
      'token-unsigned',
    )
  })

  it('constructor, toString and hasOwnProperty are data, not inherited members', () => {
    const report = inspect(
      buildToken({
        payload: v1AppOnlyClaims({ constructor: { name: 'x' }, toString: 'x', hasOwnProperty: 'x' }),
      }),
    )
    expect(report.ok).toBe(true)
    expect(report.token?.payload.constructor).toEqual({ name: 'x' })
  })

  it('inherited names are not claims: a token without them does not see Object.prototype', () => {
    const report = inspect(buildToken({ payload: { tid: TENANT } }))
    expect(report.token?.roles).toEqual([])
    expect(report.token?.appId).toBeNull()
  })

  it('never pollutes Object.prototype', () => {
    inspect(
      buildToken({
        payloadJson: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
      }),
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('signature bytes', () => {
  it('are decoded strictly and kept for the verifier, never in the Report', () => {
    const decoded = decodeToken(token)
    expect(decoded.token?.signature).toHaveLength(256)
    expect(JSON.stringify(inspect(token))).not.toContain(FAKE_SIGNATURE.slice(0, 24))
  })
})
