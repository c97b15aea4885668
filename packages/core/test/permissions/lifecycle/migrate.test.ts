import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseCallList, planMigration } from '../../../src/index.js'
import { CLIENT, TENANT, appOnlyClaims, delegatedClaims, jwt } from '../tokens.js'

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/migrate/${name}`, import.meta.url)), 'utf8')
const NOW = new Date('2026-12-08T09:00:00Z')
const byCall = (plan: ReturnType<typeof planMigration>) => new Map(plan.steps.map((s) => [s.call, s]))

describe('planMigration on real Defender and Graph URLs ("METHOD URL" lines)', () => {
  const plan = planMigration(fixture('calls.txt'), { now: NOW, clientId: CLIENT, tenant: TENANT })
  const steps = byCall(plan)

  it('judges each call at the given date', () => {
    expect(steps.get('GET https://api.security.microsoft.com/api/machines')).toMatchObject({
      outcome: 'announced',
      api: 'mde',
      operation: 'GET /api/machines',
      actionNeeded: false,
    })
    expect(steps.get('POST https://api.securitycenter.microsoft.com/api/advancedqueries/run')).toMatchObject({
      outcome: 'retiring',
      date: '2027-02-01',
      daysLeft: 55,
      actionNeeded: true,
      permissionsToAdd: ['ThreatHunting.Read.All'],
    })
    expect(steps.get('POST https://api.security.microsoft.com/api/advancedhunting/run')).toMatchObject({
      outcome: 'retiring',
      api: 'm365d',
      replacement: { api: 'graph', operation: 'POST /security/runHuntingQuery' },
    })
    expect(steps.get('GET https://graph.microsoft.com/v1.0/security/alerts')).toMatchObject({
      outcome: 'retired',
      date: '2026-10-15',
      permissionsToAdd: ['SecurityAlert.Read.All'],
    })
    expect(steps.get('GET https://graph.microsoft.com/v1.0/security/alerts_v2')?.outcome).toBe('works')
    expect(
      steps.get('POST https://graph.microsoft.com/v1.0/security/microsoft.graph.security.runHuntingQuery'),
    ).toMatchObject({ outcome: 'works', operation: 'POST /security/runHuntingQuery' })
    expect(
      steps.get('GET https://wdatp-alertexporter-eu.securitycenter.windows.com/api/alerts'),
    ).toMatchObject({
      outcome: 'retired',
      api: 'mde-siem',
    })
    expect(steps.get('GET https://graph.windows.net/contoso.onmicrosoft.com/users')).toMatchObject({
      outcome: 'retired',
      api: 'aad-graph',
      date: '2025-08-31',
    })
    expect(steps.get('GET https://api.security.microsoft.com/api/machinez')?.outcome).toBe('unknown')
    expect(plan.unreadable).toEqual([{ at: 13, format: 'line', reason: expect.any(String) }])
  })

  it('lists rate limits, the Graph permissions to add and one admin-consent link for them', () => {
    expect(
      steps
        .get(
          'POST https://eu.api.security.microsoft.com/api/machines/1e5bc9d7e413ddd7902c2932e418702b84d0cc07/isolate',
        )
        ?.rateLimits.map((r) => [r.calls, r.perSeconds]),
    ).toEqual([
      [100, 60],
      [1500, 3600],
    ])
    expect(plan.toAdd).toEqual([
      {
        api: 'graph',
        apiName: 'Microsoft Graph',
        permissions: ['SecurityAlert.Read.All', 'ThreatHunting.Read.All'],
        adminConsentUrl: `https://login.microsoftonline.com/${TENANT}/v2.0/adminconsent?client_id=${CLIENT}&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default`,
      },
    ])
    expect(plan.summary).toMatchObject({ total: 11, retired: 3, retiring: 2, unknown: 1, actionNeeded: 5 })
    expect(plan.ok).toBe(false)
  })

  it('a retiring call beyond --within days needs no action yet; retired ones always do', () => {
    const hunting = 'POST https://api.securitycenter.microsoft.com/api/advancedqueries/run\n'
    expect(planMigration(hunting, { now: NOW, withinDays: 54 }).ok).toBe(true)
    expect(planMigration(hunting, { now: NOW, withinDays: 55 }).ok).toBe(false)
    expect(
      planMigration(hunting, { now: new Date('2027-02-01T00:00:00Z'), withinDays: 0 }).steps[0]?.outcome,
    ).toBe('retired')
    expect(planMigration('GET https://api.security.microsoft.com/api/machines', { now: NOW }).ok).toBe(true)
  })

  it('takes the context, tenant and app from a token, and says whether it grants each call today', () => {
    const token = jwt(delegatedClaims('AdvancedQuery.Read'))
    const p = planMigration('POST https://api.securitycenter.microsoft.com/api/advancedqueries/run', {
      now: NOW,
      token,
    })
    expect(p.context).toBe('delegated')
    expect(p.steps[0]?.tokenGrants).toBe(true)
    expect(p.toAdd[0]?.adminConsentUrl).toContain(`/${TENANT}/v2.0/adminconsent?client_id=${CLIENT}`)
    const other = planMigration('POST https://api.securitycenter.microsoft.com/api/advancedqueries/run', {
      now: NOW,
      token: jwt(appOnlyClaims(['Machine.Read.All'])),
    })
    expect(other.steps[0]?.tokenGrants).toBe(false)
  })

  it('reads options strictly', () => {
    expect(() => planMigration('', { withinDay: 3 } as never)).toThrow(/withinDays/)
    expect(() => planMigration('', { withinDays: -1 })).toThrow(TypeError)
  })
})

describe('parseCallList: curl lines and HAR files, never their headers', () => {
  it('reads curl commands (continued lines, -X, --request/--url, -d implying POST, bodies)', () => {
    const list = parseCallList(fixture('calls.curl.txt'))
    expect(list.calls.map((c) => `${c.method} ${c.target}`)).toEqual([
      'POST https://api.securitycenter.microsoft.com/api/advancedqueries/run',
      'GET https://graph.microsoft.com/v1.0/security/alerts',
      'GET https://api.security.microsoft.com/api/machines',
      'POST https://graph.microsoft.com/beta/security/rules/detectionRules',
    ])
    expect(list.unreadable.map((u) => u.format)).toEqual(['curl'])
    expect(JSON.stringify(list.unreadable)).not.toContain('SECRET')
  })

  it('finds a retired feature by its type name in a request body', () => {
    const plan = planMigration(fixture('calls.curl.txt'), { now: NOW })
    expect(plan.steps.find((s) => s.call.includes('detectionRules'))).toMatchObject({
      outcome: 'retired',
      api: 'graph-beta-isolate-device-response-action',
      date: '2026-10-01',
    })
  })

  it('reads a HAR: method, URL and body only, preflights skipped; no header, cookie or query value survives', () => {
    const text = fixture('calls.har')
    const list = parseCallList(text)
    expect(list.format).toBe('har')
    expect(list.calls.map((c) => `${c.method} ${c.target}`)).toEqual([
      'POST https://api.security.microsoft.com/api/advancedhunting/run',
      'GET https://graph.microsoft.com/v1.0/security/incidents',
    ])
    const plan = planMigration(text, { now: NOW })
    expect(JSON.stringify(plan)).not.toMatch(/SECRET/)
    expect(plan.steps.map((s) => s.outcome)).toEqual(['retiring', 'works'])
  })

  it('never throws on hostile or oversized input', () => {
    for (const bad of ['{', '{"log":{"entries":"x"}}', '[1,2]', 'curl', 'GET', '\u0000\u001b[2J', 'POST //x'])
      expect(() => planMigration(bad, { now: NOW })).not.toThrow()
    expect(parseCallList('x'.repeat(16 * 1024 * 1024 + 1)).unreadable[0]?.reason).toMatch(/longer/)
    expect(
      parseCallList(`${'GET https://graph.microsoft.com/v1.0/security/alerts\n'.repeat(10_050)}`).calls,
    ).toHaveLength(10_000)
  })
})
