import { describe, expect, it } from 'vitest'
import { MAX_REQUIRED } from '../../src/permissions/requirement.js'
import { readRequest } from '../../src/token/verify/request.js'

describe("verify's request: read through the one requirement reader", () => {
  it('a frozen request (what the HTTP layer passes for a route and operation) is read and compiled once', () => {
    const frozen = Object.freeze({
      api: 'mde' as const,
      operation: 'GET /api/alerts',
      require: Object.freeze(['Alert.Read.All']),
    })
    const first = readRequest(frozen)
    expect(first.compiled.ok).toBe(true)
    expect(readRequest(frozen)).toBe(first)
    // A request that can still change is read on every call.
    const open = { api: 'mde' as const, operation: 'GET /api/alerts' }
    expect(readRequest(open)).not.toBe(readRequest(open))
    // A frozen request whose require list can still change, too.
    const loose = Object.freeze({ api: 'mde' as const, require: ['Alert.Read.All'] })
    expect(readRequest(loose)).not.toBe(readRequest(loose))
  })

  it('one cap on require for verify, HTTP and the CLI', () => {
    const names = Array.from({ length: MAX_REQUIRED + 1 }, (_, i) => `P${i}.Read`)
    const read = readRequest({ require: names })
    expect(read.findings.map((f) => f.code)).toEqual(['request-invalid'])
    expect(readRequest({ require: names.slice(0, MAX_REQUIRED) }).findings).toEqual([])
  })

  it('a requirement that cannot be used is a compile problem (requirement-invalid), not a throw', () => {
    const read = readRequest({ api: 'nope', operation: 'GET /x' })
    expect(read.findings).toEqual([])
    expect(read.compiled.ok).toBe(false)
    if (!read.compiled.ok) expect(read.compiled.problem.member).toBe('api')
  })
})
