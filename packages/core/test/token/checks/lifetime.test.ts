import { describe, expect, it } from 'vitest'
import { codes, findingsOf, inspect } from '../../fixtures/inspect.js'
import { buildToken, NOW_S, v1AppOnlyClaims, v1AppOnlyToken } from '../../fixtures/tokens.js'

const at = (s: number) => new Date(s * 1000)

describe('token-expired', () => {
  const token = v1AppOnlyToken({ iat: NOW_S - 4 * 3600, nbf: NOW_S - 4 * 3600, exp: NOW_S - 3 * 3600 })

  it('fires when exp is past beyond the skew, naming exp', () => {
    const report = inspect(token)
    const [f] = findingsOf(report, 'token-expired')
    expect(f).toMatchObject({ severity: 'error', claim: 'exp', actual: at(NOW_S - 3 * 3600).toISOString() })
    expect(f?.fix).toBeDefined()
    expect(report.ok).toBe(false)
  })

  it('honours the clock skew at its boundary', () => {
    const exp = NOW_S - 300
    const t = v1AppOnlyToken({ iat: exp - 3600, nbf: exp - 3600, exp })
    expect(codes(inspect(t))).not.toContain('token-expired')
    expect(codes(inspect(t, { now: at(NOW_S + 1) }))).toContain('token-expired')
    expect(codes(inspect(t, { clockSkew: 0 }))).toContain('token-expired')
  })

  it('does not fire for a token valid now', () => {
    expect(codes(inspect(v1AppOnlyToken()))).not.toContain('token-expired')
  })
})

describe('token-not-yet-valid', () => {
  it('fires when nbf is in the future beyond the skew', () => {
    const t = v1AppOnlyToken({ iat: NOW_S - 60, nbf: NOW_S + 3600, exp: NOW_S + 7200 })
    expect(findingsOf(inspect(t), 'token-not-yet-valid')[0]).toMatchObject({
      severity: 'error',
      claim: 'nbf',
    })
  })

  it('does not fire within the skew', () => {
    const t = v1AppOnlyToken({ iat: NOW_S, nbf: NOW_S + 299, exp: NOW_S + 3600 })
    expect(codes(inspect(t))).not.toContain('token-not-yet-valid')
    expect(codes(inspect(t, { clockSkew: 60 }))).toContain('token-not-yet-valid')
  })
})

describe('token-issued-in-future', () => {
  it('fires when iat is in the future beyond the skew', () => {
    const t = v1AppOnlyToken({ iat: NOW_S + 3600, nbf: NOW_S - 60, exp: NOW_S + 7200 })
    expect(findingsOf(inspect(t), 'token-issued-in-future')[0]).toMatchObject({
      severity: 'error',
      claim: 'iat',
    })
  })

  it('does not fire for iat in the past or within the skew', () => {
    expect(codes(inspect(v1AppOnlyToken()))).not.toContain('token-issued-in-future')
    expect(codes(inspect(v1AppOnlyToken({ iat: NOW_S + 200 })))).not.toContain('token-issued-in-future')
  })
})

describe('lifetime-invalid', () => {
  it.each([
    ['exp is missing', { exp: undefined }, 'exp'],
    ['exp is a float', { exp: NOW_S + 600.5 }, 'exp'],
    ['exp is huge (1e12, beyond the year 3000)', { exp: 1e12 }, 'exp'],
    ['exp is negative', { exp: -1 }, 'exp'],
    ['nbf is a float', { nbf: NOW_S - 600.25 }, 'nbf'],
    ['iat is negative', { iat: -5 }, 'iat'],
    ['nbf is after exp', { nbf: NOW_S + 100, exp: NOW_S + 50, iat: NOW_S - 10 }, 'nbf'],
    [
      'the lifetime exceeds 28 hours',
      { iat: NOW_S - 60, nbf: NOW_S - 60, exp: NOW_S - 60 + 28 * 3600 + 1 },
      'exp',
    ],
    [
      'the lifetime from iat exceeds 28 hours when nbf is absent',
      { iat: NOW_S - 60, nbf: undefined, exp: NOW_S + 30 * 3600 },
      'exp',
    ],
  ])('fires when %s', (_, overrides, claim) => {
    const report = inspect(v1AppOnlyToken(overrides))
    const found = findingsOf(report, 'lifetime-invalid')
    expect(found.map((f) => f.claim)).toContain(claim)
    expect(report.ok).toBe(false)
  })

  it('fires for exp: 1e400 (Infinity once parsed)', () => {
    const json = JSON.stringify(v1AppOnlyClaims({ exp: 0 })).replace('"exp":0', '"exp":1e400')
    expect(
      findingsOf(inspect(buildToken({ payloadJson: json })), 'lifetime-invalid').map((f) => f.claim),
    ).toContain('exp')
  })

  it('does not fire for a 28-hour CAE token, nor for a typical 75-minute one', () => {
    const cae = v1AppOnlyToken({
      iat: NOW_S - 60,
      nbf: NOW_S - 60,
      exp: NOW_S - 60 + 28 * 3600,
      xms_cc: ['cp1'],
    })
    expect(codes(inspect(cae))).not.toContain('lifetime-invalid')
    expect(codes(inspect(v1AppOnlyToken()))).not.toContain('lifetime-invalid')
  })

  it('does not fire when nbf equals exp (a zero-length window is odd but consistent)', () => {
    expect(codes(inspect(v1AppOnlyToken({ nbf: NOW_S + 10, exp: NOW_S + 10, iat: NOW_S })))).not.toContain(
      'lifetime-invalid',
    )
  })

  it('fires for each of nbf and iat that is absent (Entra always writes both), and refuses the token', () => {
    const report = inspect(v1AppOnlyToken({ nbf: undefined, iat: undefined }))
    expect(
      report.findings
        .filter((f) => f.code === 'lifetime-invalid')
        .map((f) => f.claim)
        .sort(),
    ).toEqual(['iat', 'nbf'])
    expect(report.verdict).toBe('refused')
  })

  it('applies the 28-hour cap from the earlier of nbf and iat, whichever is present', () => {
    const long = NOW_S - 600 + 29 * 3600
    expect(codes(inspect(v1AppOnlyToken({ nbf: NOW_S - 600, iat: undefined, exp: long })))).toContain(
      'lifetime-invalid',
    )
    expect(codes(inspect(v1AppOnlyToken({ nbf: undefined, iat: NOW_S - 600, exp: long })))).toContain(
      'lifetime-invalid',
    )
    // iat moved late does not hide an early nbf, nor the reverse
    expect(
      inspect(v1AppOnlyToken({ nbf: NOW_S - 600, iat: NOW_S, exp: long })).findings.some(
        (f) => f.code === 'lifetime-invalid' && f.claim === 'exp',
      ),
    ).toBe(true)
  })
})

describe('claim-type-invalid (times)', () => {
  it.each([
    ['exp as a string', { exp: String(NOW_S + 600) }, 'exp'],
    ['exp as null', { exp: null }, 'exp'],
    ['nbf as a boolean', { nbf: true }, 'nbf'],
    ['iat as an object', { iat: { t: 1 } }, 'iat'],
  ])('fires for %s', (_, overrides, claim) => {
    const report = inspect(v1AppOnlyToken(overrides))
    expect(findingsOf(report, 'claim-type-invalid').map((f) => f.claim)).toContain(claim)
    expect(report.ok).toBe(false)
  })

  it('does not fire for integer NumericDates', () => {
    expect(codes(inspect(v1AppOnlyToken()))).not.toContain('claim-type-invalid')
  })
})
