import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, parseKeySet, settingsProblems, splitList, toInspectOptions } from '../../src/state/settings.js'

const NOW = new Date('2026-01-01T00:00:00Z')
const TENANT = 'c0ffee00-0000-4000-a000-00000000c0de'

describe('settings', () => {
  it('splits lists on spaces, commas, semicolons and line breaks', () => {
    expect(splitList(' a, b;c\nd ')).toEqual(['a', 'b', 'c', 'd'])
  })

  it('turns settings into inspect options, leaving out what is empty', () => {
    expect(toInspectOptions(DEFAULT_SETTINGS, NOW)).toEqual({ now: NOW, clockSkew: 300 })
    const options = toInspectOptions({ ...DEFAULT_SETTINGS, audience: 'https://api.security.microsoft.com', tenants: TENANT, api: 'm365d', operation: ' GET /api/incidents ' }, NOW)
    expect(options).toEqual({ now: NOW, clockSkew: 300, audience: ['https://api.security.microsoft.com'], tenants: [TENANT], api: 'm365d', operation: 'GET /api/incidents' })
  })

  it('reports problems next to their field and leaves those settings out rather than half-applying them', () => {
    const s = { ...DEFAULT_SETTINGS, tenants: `${TENANT} contoso.com`, clockSkewSeconds: -1, operation: 'isolate', verification: 'key-set' as const, keySet: '{"nope":1}' }
    expect(settingsProblems(s).map((p) => p.field).sort()).toEqual(['clockSkewSeconds', 'keySet', 'operation', 'tenants'])
    const options = toInspectOptions(s, NOW)
    expect(options.tenants).toBeUndefined()
    expect(options.clockSkew).toBeUndefined()
    expect(options.operation).toBeUndefined()
  })

  it('reads a pasted key set only when it is a JWKS', () => {
    expect(parseKeySet('{"keys":[{"kty":"RSA"}]}')).toEqual({ keys: [{ kty: 'RSA' }] })
    expect(parseKeySet('')).toBeNull()
    expect(parseKeySet('not json')).toBeNull()
    expect(parseKeySet('{"keys":[1]}')).toBeNull()
    expect(parseKeySet('[]')).toBeNull()
  })
})
