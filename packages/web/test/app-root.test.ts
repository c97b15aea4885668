import { describe, expect, it } from 'vitest'
import { inspectToken } from '@claimcheck/core'

// The web package resolves core through its source export condition; this guards that wiring.
describe('web package wiring', () => {
  it('resolves @claimcheck/core from source', () => {
    expect(inspectToken('not-a-token').findings.map((f) => f.code)).toContain('token-opaque')
  })
})
