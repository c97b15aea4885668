import { describe, expect, it } from 'vitest'
import { inspectToken } from '../../../src/index.js'
import { unqualifiedGraphSegments } from '../../../src/permissions/graph-action-names.js'
import { appOnlyClaims, jwt } from '../tokens.js'

const graphToken = (roles: string[]) => jwt(appOnlyClaims(roles, 'https://graph.microsoft.com'))
const NOW = new Date(1_717_000_000 * 1000)

describe('Graph as users write it: namespace-qualified action names', () => {
  it.each([
    'POST /security/runHuntingQuery',
    'POST /security/microsoft.graph.security.runHuntingQuery',
    'POST https://graph.microsoft.com/v1.0/security/microsoft.graph.security.runHuntingQuery',
    'POST https://graph.microsoft.com/beta/security/Microsoft.Graph.Security.runHuntingQuery',
  ])('%s is runHuntingQuery', (operation) => {
    const r = inspectToken(graphToken(['ThreatHunting.Read.All']), { now: NOW, operation })
    expect(r.permissions.operation).toBe('POST /security/runHuntingQuery')
    expect(r.permissions.satisfied).toBe(true)
    const without = inspectToken(graphToken(['SecurityAlert.Read.All']), { now: NOW, operation })
    expect(without.permissions.satisfied).toBe(false)
  })

  it('a qualified name of an action the catalog lacks is still unknown', () => {
    const r = inspectToken(graphToken(['ThreatHunting.Read.All']), {
      now: NOW,
      operation: 'POST /security/microsoft.graph.security.launchMissiles',
    })
    expect(r.findings.map((f) => f.code)).toContain('operation-unknown')
  })

  it('shortens only microsoft.graph.* segments, keeping function arguments', () => {
    expect(unqualifiedGraphSegments(['security', 'runHuntingQuery'])).toBeNull()
    expect(unqualifiedGraphSegments(['users', 'microsoft.graph.delta()'])).toEqual(['users', 'delta()'])
    expect(unqualifiedGraphSegments(['x', 'microsoft.graph.f(a.b=1)'])).toEqual(['x', 'f(a.b=1)'])
    expect(unqualifiedGraphSegments(['microsoft.graph.'])).toBeNull()
  })
})
