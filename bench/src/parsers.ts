import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  explainAadsts,
  explainApiResponse,
  lintScope,
  parseConsentRedirect,
  parseOperation,
  readTenantList,
} from '@claimcheck/core'
import { BENCH_ROOT } from './paths.js'
import { median } from './stats.js'

/**
 * Issue 24 point 2: what every parser of outside text costs on adversarial input at 16 KB and 64 KB — the inputs
 * that made the old patterns backtrack for 2–5 s. The limits: at most 50 ms per call at 64 KB, and a 64 KB call at
 * most 8 times a 16 KB one (linear is 4). `pnpm --filter @claimcheck/bench parsers` (after building core); writes
 * bench/results.parsers.md and exits 1 when a row breaks a limit. The unit test (core's
 * test/property/outside-text-parsers.test.ts) feeds the same families without timing them.
 */

const LIMIT_MS = 50
const LIMIT_RATIO = 8
const RUNS = 9

/** A unit repeated to `size` characters, then a suffix that makes a pattern fail at the very end. */
const fill = (unit: string, size: number, suffix = '!'): string =>
  `${unit.repeat(Math.ceil(size / unit.length)).slice(0, size)}${suffix}`

const FAMILIES: readonly (readonly [string, string])[] = [
  ['blanks', ' '],
  ['tabs', '\t'],
  ['line breaks', '\r\n'],
  ['slashes', '/'],
  ['equals', '='],
  ['commas', ','],
  ['blank, comma', ' , '],
  ['name chars', 'a.b-c'],
  ['name=', 'a='],
  ['item,', 'a,'],
  ['quotes', '\\"'],
  ['hashes', '#'],
  ['percent', '%'],
  ['ampersands', '&'],
  ['AADSTS', 'AADSTS1'],
  ['Trace ID', ' Trace ID'],
  ['Bearer', 'Bearer '],
  ['roles list', 'Missing application roles. API required roles: '],
  ['bidi', '\u202e'],
  ['non-ASCII', 'é'],
]

/** Every parser of outside text, called as the product calls it; the input is the whole `text`. */
const PARSERS: readonly (readonly [string, (text: string) => unknown])[] = [
  ['explainAadsts', (t) => explainAadsts(t)],
  ['explainApiResponse (body)', (t) => explainApiResponse(t)],
  ['explainApiResponse (challenge)', (t) => explainApiResponse(`WWW-Authenticate: Bearer error="x", ${t}`)],
  ['lintScope', (t) => lintScope(t, { flow: 'client-credentials' })],
  [
    'parseConsentRedirect',
    (t) => parseConsentRedirect(`https://app.example.com/cb?error=x&error_description=${t}`),
  ],
  ['readTenantList', (t) => [...readTenantList(t)].length],
  ['parseOperation', (t) => parseOperation(`GET /${t}`)],
]

/**
 * CPU time per call (user + system), not wall time: the machine is shared, and a call preempted by another process
 * would otherwise look slow. Median of RUNS after a warm-up call (which pays for compilation).
 */
function timeMs(run: () => unknown): number {
  run()
  const samples: number[] = []
  for (let k = 0; k < RUNS; k++) {
    const start = process.cpuUsage()
    run()
    const used = process.cpuUsage(start)
    samples.push((used.user + used.system) / 1000)
  }
  return median(samples)
}

interface Row {
  parser: string
  worst16: number
  worst64: number
  family64: string
  worstRatio: number
  familyRatio: string
}

function measure(): Row[] {
  return PARSERS.map(([parser, run]) => {
    const row: Row = { parser, worst16: 0, worst64: 0, family64: '', worstRatio: 0, familyRatio: '' }
    for (const [family, unit] of FAMILIES) {
      const small = timeMs(() => run(fill(unit, 16 * 1024)))
      const large = timeMs(() => run(fill(unit, 64 * 1024)))
      // Below 1 ms the ratio is timer noise, not growth: count it from a 1 ms floor.
      const ratio = Math.max(large, 1) / Math.max(small, 1)
      row.worst16 = Math.max(row.worst16, small)
      if (large > row.worst64) Object.assign(row, { worst64: large, family64: family })
      if (ratio > row.worstRatio) Object.assign(row, { worstRatio: ratio, familyRatio: family })
    }
    return row
  })
}

function render(rows: readonly Row[]): string {
  const ok = (r: Row) => r.worst64 <= LIMIT_MS && r.worstRatio <= LIMIT_RATIO
  return [
    '# Parsers of outside text on adversarial input (issue 24)',
    '',
    `Median CPU time of ${RUNS} calls after a warm-up, per input family (${FAMILIES.length} families: long runs of the`,
    'characters the old backtracking patterns retried, each ending in a character that makes a match fail). Worst',
    `family per parser. Limits: ≤ ${LIMIT_MS} ms at 64 KB, 64 KB / 16 KB ≤ ${LIMIT_RATIO} (times under 1 ms count as 1 ms).`,
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '| parser | worst 16 KB (ms) | worst 64 KB (ms) | family | worst ratio | family | within limits |',
    '|---|---:|---:|---|---:|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.parser} | ${r.worst16.toFixed(2)} | ${r.worst64.toFixed(2)} | ${r.family64} | ${r.worstRatio.toFixed(1)} | ${r.familyRatio} | ${ok(r) ? 'yes' : '**no**'} |`,
    ),
    '',
  ].join('\n')
}

const rows = measure()
const text = render(rows)
process.stdout.write(text)
const out = process.argv.includes('--no-write') ? null : join(BENCH_ROOT, 'results.parsers.md')
if (out !== null) writeFileSync(out, text)
process.exitCode = rows.every((r) => r.worst64 <= LIMIT_MS && r.worstRatio <= LIMIT_RATIO) ? 0 : 1
