import { describe, expect, it, vi } from 'vitest'
import {
  BUILTIN_CATALOGS,
  BUILTIN_CATALOG_IDS,
  builtinCatalog,
  capabilitiesOf,
  catalogForToken,
  checkPermissions,
  inspectToken,
  loadBuiltinCatalog,
} from '../../src/index.js'
import { GRAPH_CATALOG } from '../../src/permissions/catalogs/graph.js'
import { GRAPH_AUD, NOW, buildToken, v1AppOnlyClaims } from '../fixtures/tokens.js'

// The web page's build resolves `#builtin-catalogs` under the `claimcheck-lazy-catalogs` condition; this file does
// the same, so core here behaves exactly as it does in the page's bundle.
vi.mock('#builtin-catalogs', () => import('../../src/permissions/builtin-catalogs/lazy.js'))

const graphToken = buildToken({
  payload: v1AppOnlyClaims({ aud: GRAPH_AUD, roles: ['SecurityAlert.Read.All'] }),
})
const ALERTS = 'GET https://graph.microsoft.com/v1.0/security/alerts_v2'

describe('built-in catalogs under the lazy condition (the page)', () => {
  it('holds none at load, and an operation no loaded catalog has is refused, never granted', () => {
    expect(Object.keys(BUILTIN_CATALOGS)).toEqual([])
    expect(builtinCatalog('graph')).toBeNull()
    const report = inspectToken(graphToken, { now: NOW, operation: ALERTS })
    expect(report.findings.map((f) => f.code)).toContain('operation-unknown')
    expect(report.permissions.satisfied).toBe(false)
  })

  it('loadBuiltinCatalog brings one in: every synchronous call sees it from then on', async () => {
    const [a, b] = await Promise.all([loadBuiltinCatalog('graph'), loadBuiltinCatalog('graph')])
    expect(a).toBe(b)
    expect(a).toBe(GRAPH_CATALOG)
    expect(Object.isFrozen(a.operations[0])).toBe(true)
    expect(builtinCatalog('graph')).toBe(a)
    expect(builtinCatalog('mde')).toBeNull()
    const report = inspectToken(graphToken, { now: NOW, operation: ALERTS })
    expect(report.findings.map((f) => f.code)).not.toContain('operation-unknown')
    expect(report.permissions.satisfied).toBe(true)
    const token = report.token
    if (token === null) throw new Error('fixture did not decode')
    expect(catalogForToken(token)).toBe(a)
    const caps = capabilitiesOf(token, a)
    expect(caps.granted).toBeGreaterThan(0)
    expect(checkPermissions(token, { api: 'graph', operation: ALERTS }).satisfied).toBe(true)
  })

  it('rejects an id that is not built in with a TypeError, and loads every built-in id', async () => {
    await expect(loadBuiltinCatalog('__proto__')).rejects.toBeInstanceOf(TypeError)
    await expect(loadBuiltinCatalog('nope')).rejects.toBeInstanceOf(TypeError)
    const all = await Promise.all(BUILTIN_CATALOG_IDS.map((id) => loadBuiltinCatalog(id)))
    expect(all.map((c) => c.id)).toEqual([...BUILTIN_CATALOG_IDS])
  })
})
