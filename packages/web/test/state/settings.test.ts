import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SETTINGS,
  readOperation,
  settingsProblems,
  splitList,
  toInspectOptions,
} from '../../src/state/settings.js'

const NOW = new Date('2026-01-01T00:00:00Z')
const TENANT = 'c0ffee00-0000-4000-a000-00000000c0de'

describe('settings', () => {
  it('splits lists on spaces, commas, semicolons and line breaks', () => {
    expect(splitList(' a, b;c\nd ')).toEqual(['a', 'b', 'c', 'd'])
  })

  it('turns settings into inspect options, leaving out what is empty', () => {
    expect(toInspectOptions(DEFAULT_SETTINGS, NOW)).toEqual({ now: NOW, clockSkew: 300 })
    const options = toInspectOptions(
      {
        ...DEFAULT_SETTINGS,
        audience: 'https://api.security.microsoft.com',
        tenants: TENANT,
        api: 'm365d',
        operation: ' GET /api/incidents ',
      },
      NOW,
    )
    expect(options).toEqual({
      now: NOW,
      clockSkew: 300,
      audience: ['https://api.security.microsoft.com'],
      tenants: [TENANT],
      api: 'm365d',
      operation: 'GET /api/incidents',
    })
  })

  it('reports problems next to their field and leaves those settings out rather than half-applying them', () => {
    const s = {
      ...DEFAULT_SETTINGS,
      tenants: `${TENANT} contoso.com`,
      clockSkewSeconds: -1,
      operation: 'isolate',
      verification: 'key-set' as const,
      keySet: '{"nope":1}',
    }
    expect(
      settingsProblems(s)
        .map((p) => p.field)
        .sort(),
    ).toEqual(['clockSkewSeconds', 'operation', 'tenants'])
    const options = toInspectOptions(s, NOW)
    expect(options.tenants).toBeUndefined()
    expect(options.clockSkew).toBeUndefined()
    expect(options.operation).toBeUndefined()
  })

  it("checks the signature by default: against the token's own tenant's published keys", () => {
    expect(DEFAULT_SETTINGS.verification).toBe('entra')
  })

  it('reads an operation from METHOD and path, a URL, or a pasted curl line', () => {
    expect(readOperation('post /api/machines/1/isolate')).toBe('POST /api/machines/1/isolate')
    expect(readOperation('https://api.securitycenter.microsoft.com/api/alerts?$top=1')).toBe(
      'GET https://api.securitycenter.microsoft.com/api/alerts?$top=1',
    )
    expect(readOperation('/api/alerts')).toBe('GET /api/alerts')
    expect(
      readOperation(
        `curl -X PATCH -H 'Authorization: Bearer x' "https://api.security.microsoft.com/api/incidents/1"`,
      ),
    ).toBe('PATCH https://api.security.microsoft.com/api/incidents/1')
    expect(
      readOperation(
        `curl -H "Content-Type: application/json" https://api.securitycenter.microsoft.com/api/machines/1/isolate -d '{"Comment":"x"}'`,
      ),
    ).toBe('POST https://api.securitycenter.microsoft.com/api/machines/1/isolate')
    expect(readOperation('curl \\\n  https://api.securitycenter.microsoft.com/api/alerts')).toBe(
      'GET https://api.securitycenter.microsoft.com/api/alerts',
    )
    for (const bad of ['isolate', 'FETCH /api/alerts', 'curl -X POST', 'GET a b'])
      expect(readOperation(bad)).toBeNull()
  })
})
