import { describe, expect, it } from 'vitest'
import { fillPattern } from '../../src/adapters/fastify/route-path.js'
import { readCredentials } from '../../src/http/credentials.js'

describe('fastify route-path: a route pattern filled with its params', () => {
  it.each([
    ['/orders/:id', { id: '1' }, '/orders/1'],
    ['/orders/:id(^\\d+$)/items', { id: '7' }, '/orders/7/items'],
    ['/files/:name', { name: 'a/b' }, '/files/a%2Fb'],
    ['/time/10::30', {}, '/time/10:30'],
    ['/static/*', { '*': 'css/site.css' }, '/static/css/site.css'],
    ['/range/:from-:to', { from: '1', to: '9' }, '/range/1-9'],
  ])('%s', (pattern, params, expected) => {
    expect(fillPattern(pattern, params)).toBe(expected)
  })

  it('a param without a value cannot be pinned down: null', () => {
    expect(fillPattern('/orders/:id', {})).toBeNull()
    expect(fillPattern('/static/*', {})).toBeNull()
  })
})

describe('readCredentials: RFC 6750 §2.1', () => {
  const T = 'eyJhbGciOiJSUzI1NiJ9.eyJ4IjoxfQ.c2ln-_~+/=='
  it.each([
    [`Bearer ${T}`, 'bearer'],
    [`bearer   ${T}`, 'bearer'],
    [`BEARER ${T}`, 'bearer'],
    [['Basic dXNlcjpwYXNz'], 'none'],
    ['Negotiate abc', 'none'],
    [undefined, 'none'],
    ['Bearer', 'malformed'],
    ['Bearer   ', 'malformed'],
    [`Bearer "${T}"`, 'malformed'],
    [`Bearer ${T} ${T}`, 'malformed'],
    [`Bearer Bearer ${T}`, 'malformed'],
    [`Bearer Authorization: Bearer ${T}`, 'malformed'],
    [`Bearer\t${T}`, 'malformed'],
    [`Bearer ${T},x`, 'malformed'],
    [`Bearer ${T}, Bearer ${T}`, 'malformed'],
    [[`Bearer ${T}`, `Bearer ${T}`], 'malformed'],
    [`Bearer a=b`, 'malformed'],
  ] as const)('%j → %s', (header, kind) => {
    const c = readCredentials(header as string | readonly string[] | undefined)
    expect(c.kind).toBe(kind)
    if (c.kind === 'bearer') expect(c.token).toBe(T)
    if (c.kind === 'malformed') expect(c.problem).toMatch(/^The [^"\\\\]+\.$/)
  })
})
