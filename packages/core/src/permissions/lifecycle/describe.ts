import type { OperationLifecycle, RateLimit } from '../types.js'

const WINDOW: Readonly<Record<number, string>> = { 1: 's', 10: '10 s', 60: 'min', 3600: 'h', 86400: 'day' }
const SCOPE: Readonly<Record<RateLimit['scope'], string>> = {
  tenant: 'per tenant',
  'app-tenant': 'per app per tenant',
  app: 'per app across tenants',
}

/** "45/min per tenant", "≥ 45/min per tenant", "150/min per app per tenant". */
export function formatRateLimit(r: RateLimit): string {
  return `${r.atLeast ? '≥ ' : ''}${r.calls.toLocaleString('en-US')}/${WINDOW[r.perSeconds] ?? `${r.perSeconds} s`} ${SCOPE[r.scope]}`
}

/** One line for listings: "retiring on 2027-02-01 → Microsoft Graph POST /security/runHuntingQuery (ThreatHunting.Read.All)". */
export function formatLifecycle(l: OperationLifecycle): string {
  const when =
    l.status === 'retiring'
      ? `retiring on ${l.retiresOn ?? '?'}`
      : l.status === 'retired'
        ? `retired${l.retiredOn ? ` on ${l.retiredOn}` : ''}`
        : l.status === 'deprecated'
          ? 'deprecated (no date)'
          : 'current'
  const r = l.replacement
  const perms = r ? [...new Set([...(r.application ?? []), ...(r.delegated ?? [])])] : []
  const to = r
    ? ` → ${r.api} ${r.operation ?? r.note ?? ''}${perms.length > 0 ? ` (${perms.join(' or ')})` : ''}`.trimEnd()
    : ''
  const src = l.announced
    ? `; source ${l.announced.source}${l.announced.verified === false ? ' (date unverified)' : ''}, checked ${l.announced.checked}`
    : ''
  return `${when}${to}${src}`
}
