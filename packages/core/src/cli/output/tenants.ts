import { OUTCOME_ACTION_ORDER, type TenantOutcome } from '../../tenants/outcomes.js'
import type { TenantResult } from '../../tenants/result.js'
import type { TenantSummary } from '../../tenants/summary.js'
import { escapeForTerminal as clean } from './escape.js'
import type { Style } from './style.js'

const LABELS: Readonly<Record<TenantOutcome, string>> = {
  ready: 'ready',
  'missing-permissions': 'missing permissions',
  'not-consented': 'not consented',
  'not-onboarded': 'not onboarded',
  'api-not-in-tenant': 'API not in tenant',
  'tenant-not-found': 'tenant not found',
  'credential-problem': 'credential problem',
  unavailable: 'unavailable',
}

/** Outcomes a customer's admin fixes by opening the consent link. */
const CONSENT_FIXES: ReadonlySet<TenantOutcome> = new Set([
  'not-onboarded',
  'not-consented',
  'missing-permissions',
])

/** The live line on a terminal: a bar and the running counts. */
export function renderProgress(
  done: number,
  total: number,
  counts: Readonly<Record<TenantOutcome, number>>,
): string {
  const width = 24
  const filled = total === 0 ? width : Math.min(width, Math.round((done / total) * width))
  const failed = done - counts.ready - counts['missing-permissions'] - counts['not-consented']
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  ready ${counts.ready} · missing ${counts['missing-permissions']} · not consented ${counts['not-consented']} · failed ${failed}\u001b[K`
}

export const CLEAR_PROGRESS = '\r\u001b[K'

/** The table, sorted by what needs action first, each tenant with what to do and its consent link. */
export function renderTenantTable(
  results: readonly TenantResult[],
  summary: TenantSummary,
  style: Style,
): string {
  return [...tenantTableChunks(results, summary, style)].join('')
}

/**
 * The same table in pieces of at most `linesPerChunk` lines: a million results would make one string near V8's
 * length limit, and the terminal gets the first lines sooner.
 */
export function* tenantTableChunks(
  results: readonly TenantResult[],
  summary: TenantSummary,
  style: Style,
  linesPerChunk = 1000,
): Generator<string, void, undefined> {
  const rank = (o: TenantOutcome): number => OUTCOME_ACTION_ORDER.indexOf(o)
  const sorted = [...results].sort(
    (a, b) => rank(a.outcome) - rank(b.outcome) || a.tenant.localeCompare(b.tenant),
  )
  // A loop, not Math.max(...spread): a spread of a million results overflows the call stack.
  let width = 6
  for (const r of sorted)
    width = Math.max(width, clean(r.tenant).length + (r.cloud === 'public' ? 0 : r.cloud.length + 3))
  let lines: string[] = []
  for (const r of sorted) {
    const name = r.cloud === 'public' ? r.tenant : `${r.tenant} (${r.cloud})`
    const colour =
      r.outcome === 'ready'
        ? style.green
        : r.outcome === 'unavailable' || r.outcome === 'missing-permissions'
          ? style.yellow
          : style.red
    // The tenant is a line of the user's file and the detail quotes the token endpoint's answer: escaped.
    lines.push(`${colour(LABELS[r.outcome].padEnd(20))} ${clean(name).padEnd(width)}  ${clean(detail(r))}`)
    if (CONSENT_FIXES.has(r.outcome) && r.consentUrl !== null)
      lines.push(`${' '.repeat(21)}${style.dim('consent:')} ${clean(r.consentUrl)}`)
    else if (r.outcome !== 'ready' && r.error?.fix)
      lines.push(`${' '.repeat(21)}${style.dim('fix:')} ${clean(r.error.fix)}`)
    if (lines.length >= linesPerChunk) {
      yield `${lines.join('\n')}\n`
      lines = []
    }
  }
  lines.push('', summaryLine(summary, style))
  for (const note of summary.notes) lines.push(style.yellow(clean(note)))
  yield `${lines.join('\n')}\n`
}

function detail(r: TenantResult): string {
  if (r.outcome === 'missing-permissions') return `lacks ${r.missing.join(', ')}`
  if (r.outcome === 'ready') return `${r.roles.length} application permission(s)`
  if (r.error?.code) return `${r.error.code}: ${r.error.meaning}`
  return r.reason
}

export function summaryLine(summary: TenantSummary, style: Style): string {
  const parts = OUTCOME_ACTION_ORDER.filter((o) => summary.counts[o] > 0).map(
    (o) => `${summary.counts[o]} ${LABELS[o]}`,
  )
  const head = summary.allReady
    ? style.green(`All ${summary.total} tenant(s) ready.`)
    : style.bold(`${summary.total} tenant(s) checked: ${parts.join(', ') || 'none'}.`)
  return `${head} ${summary.requests} request(s), ${summary.retries} retr${summary.retries === 1 ? 'y' : 'ies'}.`
}
