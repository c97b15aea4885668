import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isoFromEpochSeconds } from '../../src/time/iso.js'

describe('isoFromEpochSeconds', () => {
  it('equals Date#toISOString for whole seconds from 1970 to 3000 (20,000 values)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 32_503_680_000 }), (s) => isoFromEpochSeconds(s) === new Date(s * 1000).toISOString()), { numRuns: 20_000 })
  })

  it('equals it on the edges: the epoch, leap days, century and year ends, the year 3000', () => {
    const dates = ['1970-01-01T00:00:00Z', '1972-02-29T23:59:59Z', '2000-02-29T12:00:00Z', '2100-02-28T23:59:59Z', '2100-03-01T00:00:00Z',
      '1999-12-31T23:59:59Z', '2400-02-29T00:00:00Z', '2999-12-31T23:59:59Z', '3000-01-01T00:00:00Z']
    for (const d of dates) {
      const s = Date.parse(d) / 1000
      for (const t of [s - 1, s, s + 1].filter((x) => x >= 0)) expect(isoFromEpochSeconds(t)).toBe(new Date(t * 1000).toISOString())
    }
  })
})
