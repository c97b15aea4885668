import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isoFromEpochSeconds } from '../../src/lib/iso-date.js'

const viaDate = (s: number): string => new Date(s * 1000).toISOString()

describe('isoFromEpochSeconds', () => {
  it('agrees with Date.toISOString on every whole second from 1970 to the year 3000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 32_503_680_000 }), (s) => {
        expect(isoFromEpochSeconds(s)).toBe(viaDate(s))
      }),
      { numRuns: 20_000 },
    )
  })

  it('on the edges: the epoch, leap days, century years, ends of days and years', () => {
    const edges = [
      0, 59, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_399, 4_107_542_400, 32_503_679_999,
    ]
    for (const d of ['2000-02-29', '2100-02-28', '2100-03-01', '2024-12-31', '2400-02-29'])
      edges.push(Date.parse(`${d}T23:59:59Z`) / 1000, Date.parse(`${d}T00:00:00Z`) / 1000)
    for (const s of edges) expect(isoFromEpochSeconds(s), String(s)).toBe(viaDate(s))
  })
})
