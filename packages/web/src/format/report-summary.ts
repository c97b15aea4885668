import { API_RESOURCES, type Report, type TokenFacts } from '@claimcheck/core'
import { formatRelative } from './duration.js'
import { nameForGuid } from './known-guids.js'

const KIND_LABEL: Record<TokenFacts['kind'], string> = {
  'app-only': 'App-only token',
  delegated: 'Delegated (user) token',
  'id-token': 'ID token',
  unknown: 'Token of unknown kind',
}

export function apiLabel(facts: TokenFacts): string {
  if (facts.api === 'mde' || facts.api === 'm365d' || facts.api === 'graph')
    return API_RESOURCES[facts.api].name
  return facts.audience ?? 'no audience'
}

/** "App-only token for Microsoft Defender for Endpoint · tenant Contoso (demo tenant) · expires in 55 min" */
export function summarize(facts: TokenFacts, now: Date): string[] {
  const parts = [`${KIND_LABEL[facts.kind]} for ${apiLabel(facts)}`]
  if (facts.tenantId !== null) parts.push(`tenant ${nameForGuid(facts.tenantId) ?? facts.tenantId}`)
  if (facts.expiresAt !== null) {
    const exp = Date.parse(facts.expiresAt) / 1000
    parts.push(
      exp * 1000 > now.getTime()
        ? `expires ${formatRelative(exp, now)}`
        : `expired ${formatRelative(exp, now)}`,
    )
  }
  return parts
}

export function countBySeverity(report: Report): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 }
  for (const f of report.findings) counts[f.severity]++
  return counts
}
