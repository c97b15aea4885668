import { parseArgs } from 'node:util'
import { isCloudName } from '../../entra/clouds.js'
import { MAX_CALL_LIST_CHARS } from '../../migrate/parse-calls.js'
import {
  DEFAULT_WITHIN_DAYS,
  planMigration,
  type MigrationPlan,
  type MigrationStep,
} from '../../migrate/plan.js'
import { formatRateLimit } from '../../permissions/lifecycle/describe.js'
import { parseNow, withUsageErrors } from '../args.js'
import { EXIT_FINDINGS, EXIT_OK, UsageError, readAll, readFileCapped, type CliIO } from '../io.js'
import { escapeForTerminal, toJsonText } from '../output/escape.js'
import type { Command } from '../run.js'

const USAGE =
  'claimcheck migrate <file | -> [--within <days>] [--now <ISO|epoch>] [--client-id <guid>] [--tenant <guid|domain>] [--cloud public|usgov|china] [--token <jwt>] [--json | --jsonl]'

/** A HAR of a long session runs to a few MB; anything past this is refused before it is read whole. */
const INPUT_LIMIT_BYTES = MAX_CALL_LIST_CHARS

const LABEL: Record<MigrationStep['outcome'], string> = {
  works: 'keeps working',
  announced: 'keeps working (retirement announced, no date)',
  retiring: 'retiring',
  retired: 'RETIRED',
  unknown: 'unknown',
}

function stepLines(s: MigrationStep): string[] {
  const what =
    s.outcome === 'retiring'
      ? `retiring on ${s.date} (${s.daysLeft} days)${s.actionNeeded ? ' — act now' : ''}`
      : s.outcome === 'retired'
        ? `RETIRED${s.date ? ` since ${s.date}` : ''}`
        : LABEL[s.outcome]
  const lines = [`  ${s.call}`, `      ${what}${s.apiName ? ` · ${s.apiName}` : ''}`]
  if (s.replacement && (s.outcome === 'retiring' || s.outcome === 'retired')) {
    const perms = s.permissionsToAdd.length > 0 ? `; add ${s.permissionsToAdd.join(', ')}` : ''
    lines.push(
      `      → ${s.replacement.operation ?? s.replacement.note ?? 'its successor'} on ${s.replacement.api}${perms}`,
    )
  } else if (s.outcome === 'announced' || s.outcome === 'unknown' || s.reason.includes('points to')) {
    lines.push(`      ${s.reason}`)
  }
  if (s.tokenGrants !== null)
    lines.push(`      your token ${s.tokenGrants ? 'grants' : 'does not grant'} it today`)
  if (s.rateLimits.length > 0) lines.push(`      limits: ${s.rateLimits.map(formatRateLimit).join(', ')}`)
  return lines
}

function renderPlan(plan: MigrationPlan): string {
  const s = plan.summary
  const first = plan.ok
    ? `OK: nothing is retired or retiring within ${plan.withinDays} days (judged at ${plan.now.slice(0, 10)})`
    : `ACTION NEEDED: ${s.retired} retired, ${plan.steps.filter((x) => x.outcome === 'retiring' && x.actionNeeded).length} retiring within ${plan.withinDays} days (judged at ${plan.now.slice(0, 10)})`
  const soonest = plan.steps
    .filter((x) => x.outcome === 'retiring')
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))[0]
  const out = [first]
  if (soonest) out.push(`Next retirement: ${soonest.date} (${soonest.call})`)
  out.push('', `Calls (${s.total}, ${plan.context} permissions):`, ...plan.steps.flatMap(stepLines))
  if (plan.unreadable.length > 0)
    out.push('', 'Not read:', ...plan.unreadable.map((u) => `  ${u.format} ${u.at}: ${u.reason}`))
  if (plan.toAdd.length > 0) {
    out.push('', 'Permissions to add:')
    for (const t of plan.toAdd) {
      out.push(`  ${t.apiName}: ${t.permissions.join(', ')} (${plan.context})`)
      out.push(
        t.adminConsentUrl
          ? `  admin consent: ${t.adminConsentUrl}`
          : '  admin consent: give --client-id (and --tenant) for the link',
      )
    }
  }
  out.push(
    '',
    `Summary: ${s.works} keep working, ${s.announced} announced without a date, ${s.retiring} retiring, ${s.retired} retired, ${s.unknown} unknown.`,
  )
  return `${out.map(escapeForTerminal).join('\n')}\n`
}

/** toJsonText on one line: its only newlines are formatting (a JSON string never holds a raw newline). */
function jsonLine(value: unknown): string {
  return `${toJsonText(value).replace(/\n */g, '')}\n`
}

function withinDays(value: string | undefined): number {
  if (value === undefined) return DEFAULT_WITHIN_DAYS
  if (!/^\d{1,5}$/.test(value)) throw new UsageError(`--within: "${value}" is not a whole number of days`)
  return Number(value)
}

export const migrateCommand: Command = {
  summary: 'Which of an app’s calls keep working, and what to move to before they stop',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = withUsageErrors(() =>
      parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          json: { type: 'boolean' },
          jsonl: { type: 'boolean' },
          within: { type: 'string' },
          now: { type: 'string' },
          'client-id': { type: 'string' },
          tenant: { type: 'string' },
          cloud: { type: 'string' },
          token: { type: 'string' },
        },
      }),
    )
    if (positionals.length !== 1)
      throw new UsageError('give one input: a file of calls, or - for standard input')
    if (values.json && values.jsonl) throw new UsageError('give --json or --jsonl, not both')
    if (values.cloud !== undefined && !isCloudName(values.cloud))
      throw new UsageError(`--cloud: "${values.cloud}" is not one of public, usgov, china`)
    const source = positionals[0] as string
    const text =
      source === '-'
        ? await readAll(io.stdin, INPUT_LIMIT_BYTES)
        : (await readFileCapped(source, 'migrate', INPUT_LIMIT_BYTES)).toString('utf8')
    const plan = planMigration(text, {
      now: parseNow(values.now) ?? new Date(),
      withinDays: withinDays(values.within),
      ...(values['client-id'] !== undefined ? { clientId: values['client-id'] } : {}),
      ...(values.tenant !== undefined ? { tenant: values.tenant } : {}),
      ...(values.cloud !== undefined && isCloudName(values.cloud) ? { cloud: values.cloud } : {}),
      ...(values.token !== undefined ? { token: values.token } : {}),
    })
    if (values.json) io.stdout(toJsonText(plan))
    else if (values.jsonl) {
      // One line per call, then one summary line: a stream a log shipper or jq reads line by line.
      for (const step of plan.steps) io.stdout(jsonLine({ type: 'call', ...step }))
      const { steps: _steps, ...rest } = plan
      io.stdout(jsonLine({ type: 'summary', ...rest }))
    } else io.stdout(renderPlan(plan))
    return plan.ok ? EXIT_OK : EXIT_FINDINGS
  },
}
