import { describe, expect, it } from 'vitest'
import { median, medianRatio, opsPerSecond, ratio, rotation, spread } from '../src/stats.js'

describe('median', () => {
  it('takes the middle of an odd sample, whatever its order', () => {
    expect(median([5, 1, 3])).toBe(3)
  })
  it('averages the middle two of an even sample', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
  it('is not moved by one wild sample (what a busy neighbour does to a round)', () => {
    expect(median([100, 101, 99, 5])).toBe(99.5)
  })
  it('refuses an empty sample', () => {
    expect(() => median([])).toThrow(TypeError)
  })
})

describe('ratio', () => {
  it('divides', () => {
    expect(ratio(9, 10)).toBeCloseTo(0.9)
  })
  it('has no value against a zero or missing baseline', () => {
    expect(ratio(5, 0)).toBeNull()
    expect(ratio(5, Number.NaN)).toBeNull()
  })
})

describe('medianRatio', () => {
  it('pairs each round with its own baseline, so drift between rounds cancels', () => {
    // The machine halves in speed between rounds; both slow down alike and the ratio stays 0.5.
    expect(medianRatio([50, 25, 12.5], [100, 50, 25])).toBe(0.5)
  })
  it('differs from the ratio of medians when rounds drift unevenly', () => {
    const values = [10, 30, 90]
    const baselines = [20, 20, 100]
    expect(medianRatio(values, baselines)).toBe(0.9)
    expect(median(values) / median(baselines)).toBe(1.5)
  })
  it('skips rounds whose baseline is zero and gives null when none remain', () => {
    expect(medianRatio([1, 2], [0, 4])).toBe(0.5)
    expect(medianRatio([1], [0])).toBeNull()
  })
  it('refuses unpaired samples', () => {
    expect(() => medianRatio([1, 2], [1])).toThrow(TypeError)
  })
})

describe('opsPerSecond and spread', () => {
  it('converts a count over milliseconds', () => {
    expect(opsPerSecond(500, 250)).toBe(2000)
    expect(opsPerSecond(10, 0)).toBe(0)
  })
  it('gives the range relative to the median', () => {
    expect(spread([90, 100, 110])).toBeCloseTo(0.2)
    expect(spread([])).toBe(0)
  })
})

describe('rotation', () => {
  it('starts each round at a different contender and keeps them all', () => {
    expect(rotation(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c'])
    expect(rotation(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a'])
    expect(rotation(['a', 'b', 'c'], 4)).toEqual(['b', 'c', 'a'])
    expect(rotation([], 3)).toEqual([])
  })
})
