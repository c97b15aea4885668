import { describe, expect, it } from 'vitest'
import type { MemoryResult } from '../src/memory/fixture.js'
import { formatRatio } from '../src/report.js'
import { floorShare, HEAP_TOLERANCE_BYTES, heapGrowth, memoryGrew } from '../src/targets.js'
import type { ContenderResult } from '../src/rounds.js'

const MIB = 1024 * 1024

function memory(heaps: readonly number[]): MemoryResult {
  return { subject: 'ours', samples: heaps.map((h, i) => ({ after: i * 25_000, heapUsed: h, rss: h * 4 })) }
}

describe('memory growth', () => {
  it('measures from the warm-up sample to the last one', () => {
    expect(heapGrowth(memory([10 * MIB, 11 * MIB, 10.5 * MIB]))).toBe(0.5 * MIB)
  })
  it('tolerates collector noise below the threshold', () => {
    expect(memoryGrew(memory([10 * MIB, 10 * MIB + HEAP_TOLERANCE_BYTES / 2]))).toBe(false)
  })
  it('calls a steady climb growth', () => {
    expect(memoryGrew(memory([10 * MIB, 12 * MIB, 14 * MIB, 16 * MIB]))).toBe(true)
  })
  it('has no verdict without two samples', () => {
    expect(memoryGrew(memory([10 * MIB]))).toBeNull()
    expect(memoryGrew({ subject: 'ours', samples: [], note: 'pending' })).toBeNull()
  })
})

describe('formatRatio', () => {
  it('prints two decimals and a dash for no ratio', () => {
    expect(formatRatio(0.9049)).toBe('0.90×')
    expect(formatRatio(null)).toBe('—')
  })
})

describe('floorShare', () => {
  const result = (id: string, ratio: number | null) => ({ id, ratio }) as unknown as ContenderResult
  it('divides our ratio by the better of the two floors at 16 in flight', () => {
    expect(
      floorShare(
        [result('ours-first@16', 2), result('floor-node@16', 4), result('floor-node-pool@16', 5)],
        'ours-first@16',
      ),
    ).toBe(0.4)
    expect(floorShare([result('ours-first@16', 3), result('floor-node@16', 4)], 'ours-first@16')).toBe(0.75)
  })
  it('has no share without our figure or a floor', () => {
    expect(floorShare([result('floor-node@16', 4)], 'ours-first@16')).toBeNull()
    expect(floorShare([result('ours-first@16', 3)], 'ours-first@16')).toBeNull()
  })
})
