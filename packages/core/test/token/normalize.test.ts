import { describe, expect, it } from 'vitest'
import { normalizeInput } from '../../src/token/normalize.js'
import { codes, findingsOf, inspect } from '../fixtures/inspect.js'
import { v1AppOnlyToken } from '../fixtures/tokens.js'

const token = v1AppOnlyToken()

describe('normalizeInput', () => {
  it.each([
    ['a bare token', token, []],
    ['Bearer prefix', `Bearer ${token}`, ['"Bearer " prefix']],
    ['lower-case bearer and several spaces', `bearer    ${token}`, ['"Bearer " prefix']],
    ['a tab after Bearer', `Bearer\t${token}`, ['"Bearer " prefix']],
    [
      'a whole Authorization header line',
      `Authorization: Bearer ${token}`,
      ['"Authorization:" header name', '"Bearer " prefix'],
    ],
    [
      'a header line without a space after the colon',
      `authorization:Bearer ${token}`,
      ['"Authorization:" header name', '"Bearer " prefix'],
    ],
    ['double quotes', `"${token}"`, ['quotes']],
    ['single quotes', `'${token}'`, ['quotes']],
    ['quotes around a Bearer value', `"Bearer ${token}"`, ['quotes', '"Bearer " prefix']],
    [
      'a header line in quotes, copied from a curl command',
      `'Authorization: Bearer ${token}'`,
      ['quotes', '"Authorization:" header name', '"Bearer " prefix'],
    ],
    ['surrounding whitespace and a trailing newline', `  ${token}\n`, ['surrounding whitespace']],
    [
      'CRLF after a header line',
      `Authorization: Bearer ${token}\r\n`,
      ['surrounding whitespace', '"Authorization:" header name', '"Bearer " prefix'],
    ],
  ])('%s', (_, input, removed) => {
    const n = normalizeInput(input)
    expect(n.token).toBe(token)
    expect(n.removed).toEqual(removed)
  })

  it('leaves whitespace inside the token for the decoder to report', () => {
    const broken = token.replace('.', '.\n')
    expect(normalizeInput(broken).token).toBe(broken)
  })

  it('does not strip a lone quote or "Bearer" that is the whole input', () => {
    expect(normalizeInput('"').token).toBe('"')
    expect(normalizeInput('Bearer').token).toBe('Bearer')
  })
})

describe('input-normalized', () => {
  it('fires (info) when something was removed, naming what', () => {
    const report = inspect(`Authorization: Bearer ${token}`)
    const [f] = findingsOf(report, 'input-normalized')
    expect(f?.severity).toBe('info')
    expect(f?.actual).toEqual(['"Authorization:" header name', '"Bearer " prefix'])
    expect(report.ok).toBe(true)
  })

  it('does not fire for a bare token', () => {
    expect(codes(inspect(token))).not.toContain('input-normalized')
  })
})
