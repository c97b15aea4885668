import type { Finding } from '../../findings/finding.js'
import type { Report } from '../../token/report.js'
import { formatDuration } from '../../time/duration.js'
import { makeStyle } from './style.js'

export interface RenderOptions {
  colour: boolean
  now: Date
}

function relative(iso: string | null, now: Date): string {
  if (iso === null) return '—'
  const delta = (new Date(iso).getTime() - now.getTime()) / 1000
  return `${iso} (${delta >= 0 ? `in ${formatDuration(delta)}` : `${formatDuration(delta)} ago`})`
}

/** Human output: summary and verdict first, then findings by severity with fixes, then the claims. Never the whole token. */
export function renderReport(report: Report, options: RenderOptions): string {
  const st = makeStyle(options.colour)
  const out: string[] = []
  const t = report.token
  const verdict = report.ok ? st.green(st.bold('OK')) : st.red(st.bold('PROBLEMS FOUND'))
  if (t) {
    const kind = t.kind === 'app-only' ? 'app-only' : t.kind === 'delegated' ? `delegated${t.user ? ` (user ${t.user})` : ''}` : t.kind
    out.push(`${verdict}: ${kind} v${t.version ?? '?'} token for ${t.audience ?? '(no audience)'}${t.api && t.api !== 'other' ? ` [${t.api}]` : ''}`)
    out.push(`  tenant ${t.tenantId ?? '—'}, app ${t.appId ?? '—'}, cloud ${t.cloud ?? '—'}`)
    out.push(`  expires ${relative(t.expiresAt, options.now)}`)
    if (t.roles.length > 0) out.push(`  roles: ${t.roles.join(', ')}`)
    if (t.scopes.length > 0) out.push(`  scopes: ${t.scopes.join(' ')}`)
    out.push(`  signature: ${report.signature.status}${report.signature.kid ? ` (kid ${report.signature.kid})` : ''}${report.signature.jwksUri ? `, key set ${report.signature.jwksUri}` : ''}`)
  } else {
    out.push(`${verdict}: the input could not be decoded as a JWT.`)
  }
  const bySeverity = (sev: Finding['severity']) => report.findings.filter((f) => f.severity === sev)
  for (const [sev, label, colour] of [['error', 'Errors', st.red], ['warning', 'Warnings', st.yellow], ['info', 'Notes', st.dim]] as const) {
    const list = bySeverity(sev)
    if (list.length === 0) continue
    out.push('', st.bold(`${label} (${list.length})`))
    for (const f of list) {
      out.push(`  ${colour(f.code)}: ${f.message}`)
      if (f.fix) out.push(`    fix: ${f.fix}`)
    }
  }
  return `${out.join('\n')}\n`
}
