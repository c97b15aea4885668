import { describe, expect, it } from 'vitest'
import { API_RESOURCES, CONSUMER_TENANT_ID } from '@claimcheck/core'
import { readableClaimValue } from '../../src/format/claim-value.js'
import { formatDuration, formatRelative, formatUtc } from '../../src/format/duration.js'

const NOW = new Date('2026-01-01T12:00:00Z')
const nowS = NOW.getTime() / 1000

describe('readable claim values', () => {
  it('gives times a UTC date and a relative note', () => {
    const v = readableClaimValue('exp', nowS + 3300, NOW)
    expect(v.text).toBe(String(nowS + 3300))
    expect(v.note).toBe('2026-01-01 12:55:00 UTC (in 55 min)')
    expect(readableClaimValue('iat', nowS - 7200, NOW).note).toContain('2 h ago')
    expect(readableClaimValue('exp', 1e300, NOW).note).toBe('not a usable time')
  })

  it('names GUIDs it knows and leaves others alone', () => {
    expect(readableClaimValue('aud', API_RESOURCES.mde.appId, NOW).note).toContain('Defender for Endpoint')
    expect(readableClaimValue('tid', CONSUMER_TENANT_ID.toUpperCase(), NOW).note).toContain('consumer')
    expect(readableClaimValue('oid', '11111111-2222-4333-8444-555555555555', NOW).note).toBeNull()
  })

  it('lists string arrays item by item and prints other values as JSON text', () => {
    expect(readableClaimValue('roles', ['A', 'B'], NOW).items).toEqual(['A', 'B'])
    expect(readableClaimValue('x', { a: 1 }, NOW).text).toBe('{\n  "a": 1\n}')
    expect(readableClaimValue('x', true, NOW).text).toBe('true')
    expect(readableClaimValue('iat', 'soon', NOW)).toEqual({ text: 'soon', note: null, items: null })
  })

  it('formats durations with the largest unit and the next', () => {
    expect(formatDuration(0)).toBe('0 s')
    expect(formatDuration(3599)).toBe('59 min 59 s')
    expect(formatDuration(-7200)).toBe('2 h')
    expect(formatRelative(nowS, NOW)).toBe('now')
    expect(formatUtc(0)).toBe('1970-01-01 00:00:00 UTC')
  })
})
