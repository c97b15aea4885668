import { describe, expect, it } from 'vitest'
import { summarize, type Contender, type Sample } from '../src/rounds.js'

const contender: Contender = { id: 'ours', label: 'ours', inFlight: 1, baseline: 'jose', op: () => undefined }
const s = (opsPerSecond: number, cpuMicrosPerOp: number): Sample => ({ opsPerSecond, cpuMicrosPerOp })

describe('summarize', () => {
  it('takes ratios against the baseline measured beside each sample', () => {
    const own = [s(90, 110), s(45, 100), s(180, 120)]
    const base = [s(100, 100), s(50, 100), s(200, 100)]
    const r = summarize(contender, own, base, 3)
    expect(r.median).toBe(90)
    expect(r.ratio).toBeCloseTo(0.9)
    expect(r.ratioRange?.[0]).toBeCloseTo(0.9)
    expect(r.ratioRange?.[1]).toBeCloseTo(0.9)
  })
  it('inverts the CPU ratio, so that above 1 means cheaper than the baseline', () => {
    const r = summarize(contender, [s(1, 50), s(1, 50), s(1, 50)], [s(1, 100), s(1, 100), s(1, 100)], 3)
    expect(r.cpuMicrosPerOp).toBe(50)
    expect(r.cpuRatio).toBe(2)
  })
  it('gives no figures for a contender that failed or missed rounds', () => {
    const failed = summarize(contender, [s(1, 1)], [s(1, 1)], 1, 'failed: rejected a valid token')
    expect(failed.median).toBeNull()
    expect(failed.ratio).toBeNull()
    expect(failed.note).toBe('failed: rejected a valid token')
    expect(summarize(contender, [s(1, 1)], [s(1, 1)], 2).median).toBeNull()
  })
  it('gives a baseline its median but no ratio', () => {
    const r = summarize({ ...contender, id: 'jose', baseline: null }, [s(10, 1), s(30, 1), s(20, 1)], [], 3)
    expect(r.median).toBe(20)
    expect(r.ratio).toBeNull()
    expect(r.cpuRatio).toBeNull()
  })
})
