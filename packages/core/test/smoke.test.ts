import { describe, expect, it } from 'vitest'
import { inspectToken } from '../src/index.js'

describe('inspectToken', () => {
  it('reports an opaque input with token null', () => {
    const report = inspectToken('abc')
    expect(report.token).toBeNull()
    expect(report.ok).toBe(false)
    expect(report.findings.map((f) => f.code)).toEqual(['token-opaque'])
  })
})
