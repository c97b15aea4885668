import { API_RESOURCES } from '../../entra/apis.js'
import { CLOUDS } from '../../entra/clouds.js'
import type { Report, TokenFacts } from '../../token/report.js'
import type { Style } from './style.js'
import { relativeTime, safeText, truncate, utc } from './text.js'

const LABEL_WIDTH = 10

function row(st: Style, label: string, value: string): string {
  return `  ${st.dim(label.padEnd(LABEL_WIDTH))}${value}`
}

function counts(report: Report): string {
  const n = (sev: string) => report.findings.filter((f) => f.severity === sev).length
  const parts: string[] = []
  const plural = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`
  if (n('error') > 0) parts.push(plural(n('error'), 'error', 'errors'))
  if (n('warning') > 0) parts.push(plural(n('warning'), 'warning', 'warnings'))
  if (n('info') > 0) parts.push(plural(n('info'), 'note', 'notes'))
  return parts.join(', ')
}

export function verdictLine(report: Report, st: Style): string {
  if (report.ok) {
    const unverified = report.signature.status === 'not-checked' ? ' (signature not checked)' : ''
    return `${st.green(st.bold('OK'))}: no errors${unverified}${report.findings.some((f) => f.severity === 'warning') ? `; ${counts(report)}` : ''}`
  }
  if (report.token === null) return `${st.red(st.bold('NOT A USABLE TOKEN'))}: ${counts(report)}`
  return `${st.red(st.bold('PROBLEMS FOUND'))}: ${counts(report)}`
}

function whatItIs(t: TokenFacts): string {
  const version = t.version !== null ? `v${t.version} ` : ''
  const what = t.kind === 'id-token' ? 'ID token' : 'access token'
  if (t.api === 'mde' || t.api === 'm365d' || t.api === 'graph') return `${version}${what} for ${API_RESOURCES[t.api].name}`
  if (t.kind === 'id-token') return `${version}${what} for app ${t.audience ?? '(no audience)'}`
  if (t.api === 'other') return `${version}${what} for another API`
  return `${version}${what} with no audience`
}

function kindLabel(t: TokenFacts): string {
  switch (t.kind) {
    case 'app-only': return 'app-only (the app acts as itself)'
    case 'delegated': return 'delegated (the app acts for a signed-in user)'
    case 'id-token': return 'ID token (proves a sign-in to an app; not for calling APIs)'
    case 'unknown': return 'unknown'
  }
}

function grants(t: TokenFacts): string {
  const parts: string[] = []
  if (t.roles.length > 0) parts.push(`roles ${t.roles.join(', ')}`)
  if (t.scopes.length > 0) parts.push(`scopes ${t.scopes.join(' ')}`)
  if (parts.length === 0) return t.kind === 'id-token' ? 'nothing (ID tokens carry no permissions)' : 'no roles and no scopes'
  return parts.join('; ')
}

function validity(t: TokenFacts, now: Date): string {
  const from = t.notBefore ?? t.issuedAt
  const start = from !== null ? `${utc(new Date(from))} → ` : ''
  if (t.expiresAt === null) return `${start}no usable exp`
  const exp = new Date(t.expiresAt)
  return `${start}${utc(exp)} (${relativeTime(exp, now, 'expires')})`
}

/** What the token is, for whom, until when: the lines a reader needs before any finding. */
export function renderSummary(report: Report, st: Style, now: Date): string[] {
  const out = [verdictLine(report, st)]
  const t = report.token
  if (t === null) {
    out.push(row(st, 'Input', 'could not be decoded as a JWT; the findings below say why.'))
    return out
  }
  const clean = (s: string) => safeText(truncate(s, 120))
  out.push(row(st, 'Token', whatItIs(t)))
  if (t.audience !== null) out.push(row(st, 'Audience', clean(t.audience)))
  out.push(row(st, 'Kind', kindLabel(t)))
  out.push(row(st, '', st.dim(clean(`decided by rule ${t.kindRule}: ${t.kindReason}`))))
  out.push(row(st, 'Tenant', t.tenantId !== null ? clean(t.tenantId) : 'none'))
  if (t.cloud !== null) out.push(row(st, 'Cloud', CLOUDS[t.cloud].label))
  out.push(row(st, 'Client', t.appId !== null ? `${clean(t.appId)} (${t.version === '2.0' ? 'azp' : 'appid'})` : 'none named'))
  if (t.kind === 'delegated' || t.kind === 'id-token') {
    const user = t.user !== null ? clean(t.user) : 'no user name'
    out.push(row(st, 'User', `${user}${t.objectId !== null ? `, oid ${clean(t.objectId)}` : ''}`))
  }
  out.push(row(st, 'Grants', clean(grants(t))))
  out.push(row(st, 'Valid', validity(t, now)))
  const sig = report.signature
  const details = [
    ...(sig.status === 'not-checked' ? ['offline'] : []),
    ...(sig.kid !== null ? [`kid ${clean(sig.kid)}`] : []),
    ...(sig.jwksUri !== null ? [`key set ${clean(sig.jwksUri)}`] : []),
  ]
  const status = sig.status === 'not-checked' ? 'not checked' : sig.status === 'valid' ? st.green('valid') : sig.status === 'invalid' ? st.red('invalid') : sig.status
  out.push(row(st, 'Signature', `${status}${details.length > 0 ? ` (${details.join(', ')})` : ''}`))
  return out
}
