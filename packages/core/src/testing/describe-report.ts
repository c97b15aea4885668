import type { Finding } from '../findings/finding.js'
import type { Report } from '../report/report.js'

const MARK: Record<Finding['severity'], string> = { error: 'error  ', warning: 'warning', info: 'info   ' }

/** One line per finding (code and message) with its fix indented below: what a failing test should print. */
export function describeFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '  (no findings)'
  return findings
    .map(
      (f) =>
        `  ${MARK[f.severity]} ${f.code}: ${f.message}${f.fix !== undefined ? `\n          fix: ${f.fix}` : ''}`,
    )
    .join('\n')
}

/** What the token is, in one line, so a failure message says which token failed without printing it. */
export function describeToken(report: Report): string {
  const t = report.token
  if (t === null) return 'The input could not be decoded as a JWT.'
  const perms = [
    t.roles.length > 0 ? `roles ${t.roles.join(', ')}` : null,
    t.scopes.length > 0 ? `scp ${t.scopes.join(' ')}` : null,
  ].filter((p) => p !== null)
  return (
    `Token: ${t.kind} v${t.version ?? '?'} for ${t.audience ?? '(no aud)'}${t.api !== null && t.api !== 'other' ? ` [${t.api}]` : ''}, ` +
    `tenant ${t.tenantId ?? '(none)'}, app ${t.appId ?? '(none)'}, ${perms.length > 0 ? perms.join('; ') : 'no roles or scopes'}.`
  )
}

/** required / granted / missing, when a permission check ran. */
export function describePermissions(report: Report): string | null {
  const p = report.permissions
  if (p.satisfied === null && p.required.length === 0) return null
  const lines = [
    `Permissions${p.operation !== null ? ` for ${p.operation}` : ''}${p.context !== null ? ` (${p.context})` : ''}:`,
    `  required (any one): ${p.required.length > 0 ? p.required.join(', ') : '(none)'}`,
    `  granted:            ${p.granted.length > 0 ? p.granted.join(', ') : '(none)'}`,
  ]
  if (p.missing.length > 0) lines.push(`  missing:            ${p.missing.join(', ')}`)
  return lines.join('\n')
}

/** The whole explanation a failed assertion carries: headline, token, permissions, findings. */
export function explainReport(
  headline: string,
  report: Report,
  findings: readonly Finding[] = report.findings,
): string {
  const permissions = describePermissions(report)
  return [
    headline,
    describeToken(report),
    ...(permissions !== null ? [permissions] : []),
    'Findings:',
    describeFindings(findings),
  ].join('\n')
}
