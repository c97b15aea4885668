import type { Finding } from '../../findings/finding.js'
import type { Report } from '../../report/report.js'
import type { Style } from './style.js'
import { fixForSurface } from '../../findings/surface-fixes.js'
import { escapeForTerminal } from './escape.js'
import { DEFAULT_COLUMNS, hanging } from './text.js'

const FIX_ORDER = [
  'requirement-invalid',
  'operation-unknown',
  'audience-refused-by-api',
  'wrong-api',
  'audience-mismatch',
  'id-token-as-access-token',
  'permission-context-unknown',
  'app-only-no-roles',
  'permission-kind-mismatch',
  'permission-missing',
] as const

// The permission engine's report carries alsoRequires (groups needed together); PermissionReport gains the field at merge.
type WithGroups = { alsoRequires?: readonly (readonly string[])[] }

function list(names: readonly string[], joiner: 'or' | 'and'): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} ${joiner} ${names[names.length - 1]}`
}

function tokenHas(report: Report): string {
  const t = report.token
  const kind =
    t?.kind === 'app-only' ? 'app-only' : t?.kind === 'delegated' ? 'delegated' : (t?.kind ?? 'unreadable')
  if (report.permissions.context === 'application')
    return `this ${kind} token has ${t && t.roles.length > 0 ? `roles ${escapeForTerminal(t.roles.join(', '))}` : 'no roles'}`
  return `this ${kind} token has ${t && t.scopes.length > 0 ? `scp ${escapeForTerminal(t.scopes.join(' '))}` : 'no scp'}`
}

/**
 * The line that opens human output when a permission check ran: GRANTED or DENIED, what was needed, what the
 * token has, then the fix of the finding that decided. Empty when no operation or permission was asked for.
 */
export function renderPermissionVerdict(
  report: Report,
  st: Style,
  columns: number = DEFAULT_COLUMNS,
): string {
  const p = report.permissions
  // A request that could not be checked is refused for it (fail closed): say why, not what it "needs".
  const unusable = report.findings.find(
    (f) => f.code === 'operation-unknown' || f.code === 'requirement-invalid',
  )
  if (unusable !== undefined && p.satisfied !== true) {
    return `${st.red(st.bold('DENIED'))}: ${escapeForTerminal(unusable.message)}${unusable.fix ? `\n  fix: ${escapeForTerminal(unusable.fix)}` : ''}\n\n`
  }
  if (p.satisfied === null && p.operation === null && p.required.length === 0) return ''
  const kindWord = p.context === 'application' ? 'application permission' : 'delegated permission'
  if (p.satisfied === true) {
    return `${st.green(st.bold('GRANTED'))}: ${escapeForTerminal(p.granted.join(', '))} (${kindWord}${p.granted.length > 1 ? 's' : ''})${p.operation ? ` for ${escapeForTerminal(p.operation)}` : ''}\n\n`
  }
  const groups = ((p as WithGroups).alsoRequires ?? [])
    .filter((g) => g.length > 1)
    .map((g) => `one of ${list(g.map(escapeForTerminal), 'or')}`)
  const needs = [
    p.anyOf.length > 0 ? list(p.anyOf.map(escapeForTerminal), 'or') : null,
    ...groups,
    p.allOf.length > 0 ? list(p.allOf.map(escapeForTerminal), 'and') : null,
  ]
    .filter((x) => x !== null)
    .join(', and ')
  const subject = p.operation !== null ? escapeForTerminal(p.operation) : 'This call'
  const needText =
    needs.length > 0 ? `needs ${needs}` : `cannot be called with ${p.context ?? 'these'} permissions`
  const decider: Finding | undefined = FIX_ORDER.map((c) => report.findings.find((f) => f.code === c)).find(
    (f) => f !== undefined,
  )
  const deniedText = `${subject} ${needText}; ${decider?.code === 'wrong-api' || decider?.code === 'audience-mismatch' ? escapeForTerminal(decider.message.replace(/\.$/, '')) : tokenHas(report)}`
  const lines = hanging(`${st.red(st.bold('DENIED'))}: `, 8, deniedText, columns, 8)
  const fix = decider === undefined ? undefined : fixForSurface(decider, 'cli')
  if (fix !== undefined) lines.push(...hanging(`  ${st.dim('fix:')} `, 7, escapeForTerminal(fix), columns, 7))
  return `${lines.join('\n')}\n\n`
}
