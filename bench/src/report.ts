import type { KeysetResult, PhaseResult } from './keyset/fixture.js'
import { KEYSET_PEERS, KEYSET_SCENARIOS } from './keyset/fixture.js'
import type { BenchResults } from './results.js'
import type { ContenderResult } from './rounds.js'
import { checkTargets, heapGrowth } from './targets.js'
import type { AssetSize } from './web-size.js'

const MIB = 1024 * 1024

export function formatOps(n: number | null): string {
  return n === null ? '—' : Math.round(n).toLocaleString('en-US')
}

export function formatRatio(r: number | null): string {
  return r === null ? '—' : `${r.toFixed(2)}×`
}

function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`
}

function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|')
  return [
    `| ${head.map(esc).join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n')
}

function throughputTable(
  v1: readonly ContenderResult[],
  v2: readonly ContenderResult[],
  baseLabel: string,
): string {
  const range = (c: ContenderResult | undefined): string =>
    c?.ratioRange == null ? '—' : `${c.ratioRange[0].toFixed(2)}–${c.ratioRange[1].toFixed(2)}`
  const rows = v1.map((a) => {
    const b = v2.find((c) => c.id === a.id)
    const note = a.note ?? b?.note
    const spread = Math.max(a.spread ?? 0, b?.spread ?? 0)
    const base = a.baseline === null
    const cpu = (c: ContenderResult | undefined): string =>
      base ? '' : c?.inFlight === 1 ? formatRatio(c.cpuRatio ?? null) : 'n/a'
    return [
      a.label,
      String(a.inFlight),
      formatOps(a.median),
      base ? 'baseline' : formatRatio(a.ratio),
      cpu(a),
      formatOps(b?.median ?? null),
      base ? 'baseline' : formatRatio(b?.ratio ?? null),
      cpu(b),
      note ?? (base ? `ops/s ±${Math.round((spread * 100) / 2)} %` : `v1 ${range(a)}, v2 ${range(b)}`),
    ]
  })
  return table(
    [
      'contender',
      'in flight',
      'v1 ops/s',
      `v1 × ${baseLabel}`,
      'v1 CPU ×',
      'v2 ops/s',
      `v2 × ${baseLabel}`,
      'v2 CPU ×',
      'per-round range (wall) / note',
    ],
    rows,
  )
}

function outcomes(p: PhaseResult): string {
  return Object.entries(p.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([o, n]) => (n === p.tokens && p.tokens > 1 ? `all ${o}` : `${n.toLocaleString('en-US')} ${o}`))
    .join('; ')
}

function requestCount(p: PhaseResult): string {
  const parts = [`${p.requests.keys}`]
  if (p.requests.metadata > 0) parts.push(`+ ${p.requests.metadata} metadata`)
  if (p.requests.other > 0) parts.push(`+ ${p.requests.other} other`)
  return parts.join(' ')
}

function keysetSection(results: readonly KeysetResult[]): string {
  const titles: Record<KeysetResult['scenario'], string> = {
    'cold-burst': 'Cold burst: 1,000 concurrent first verifications, one key',
    'unknown-kid-storm': 'Storm: 1,000 random unknown kids after a warm-up',
    rotation: 'Rotation: a new kid appears in the key set right after a warm-up',
    outage: 'Outage: the key endpoint answers 500, then resets connections, after a warm-up',
  }
  const out: string[] = []
  for (const scenario of KEYSET_SCENARIOS) {
    out.push(`### ${titles[scenario]}`, '')
    const rows: string[][] = []
    for (const peer of KEYSET_PEERS) {
      const r = results.find((k) => k.peer === peer && k.scenario === scenario)
      if (r === undefined) continue
      if (r.phases.length === 0) {
        rows.push([peer, '—', '—', r.note ?? 'no result'])
        continue
      }
      r.phases.forEach((p, i) => {
        rows.push([
          i === 0 ? peer : '',
          p.name,
          requestCount(p),
          outcomes(p) + (i === 0 && r.note !== undefined ? ` (${r.note})` : ''),
        ])
      })
    }
    out.push(table(['peer', 'phase', 'key-set requests', 'outcomes'], rows), '')
  }
  return out.join('\n')
}

function assetRows(list: readonly AssetSize[]): string[][] {
  return list.map((a) => [a.file, formatKiB(a.bytes), formatKiB(a.gzip)])
}

export function renderReport(r: BenchResults): string {
  const m = r.machine
  const targets = checkTargets(r)
  const lines: string[] = []
  lines.push(
    '# ClaimCheck benchmark results',
    '',
    `Run ${r.date}${r.quick ? ' (**--quick smoke run: too short to quote**)' : ''} with \`pnpm bench\` in ${Math.round(r.durationS)} s, commit ${m.commit}.`,
    '',
    `Machine: ${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}. Load average ${m.loadAverage.join(' / ')} at the start, ${r.loadAverageAfter.join(' / ')} at the end.`,
    '',
    'The machine was **shared with other agents** building and testing at the same time, so absolute numbers are',
    'noisy and low. What we report is the **ratio** of each contender to bare `jose.jwtVerify` measured in the same',
    'process, in the same interleaved round (the median of per-round ratios). Rerun with `pnpm bench`',
    '(`pnpm bench --quick` for a smoke run).',
    '',
    'Versions: ' +
      Object.entries(r.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') +
      '.',
    '',
    '## Targets (issue 9)',
    '',
    table(
      ['target', 'this run', 'verdict'],
      targets.map((t) => [t.target, t.figure, t.verdict]),
    ),
    '',
    ...(targets.some((t) => t.verdict === 'miss')
      ? [
          'Why the misses, what changed, and what would fix them (profiled): [README.md](README.md#throughput-what-changed-and-why-two-targets-are-still-missed-profiled-2026-11-21).',
          '',
        ]
      : []),
    '## Verification throughput, warm keys',
    '',
    `${r.plan.rounds} interleaved rounds of ${r.plan.roundMs} ms per contender (each round starts at a different contender), after a ${r.plan.warmupMs} ms warm-up; medians of ops/s. Ratios are to bare \`jose.jwtVerify\` at the same number in flight, measured right next to each contender in every round (before it in even rounds, after it in odd ones); the ratio is the median of the per-round ratios, and the last column gives their range. "CPU ×" is the same comparison on CPU time per verification (all threads of the process; baseline ÷ contender, so above 1 is cheaper): other processes steal wall-clock time but not CPU time, so on a shared machine it is the steadier figure; it does not credit work spread over threads, so it is left out at 16 in flight. The baselines' own ops/s are the medians of their own slots in the rounds. Tokens: realistic client-credentials tokens signed with a locally generated RSA-2048 key — v1 for Defender for Endpoint (\`iss\` https://sts.windows.net/{tid}/, \`aud\` https://api.securitycenter.microsoft.com, \`appid\`, \`idtyp\` app, \`roles\`), v2 for Defender XDR (\`iss\` https://login.microsoftonline.com/{tid}/v2.0, \`aud\` its application ID, \`azp\`, \`roles\`). Every contender is given the issuer, the audience and RS256; none but ours checks the tenant, the calling app, the key rules or a permission.`,
    '',
    `"First sight" means ${r.plan.distinctTokens.toLocaleString('en-US')} distinct tokens and a fresh verifier each round (warmed with one other token), so our verified-result cache never hits; "repeated" verifies one token over and over.`,
    '',
    throughputTable(r.throughput.v1, r.throughput.v2, 'jose'),
    '',
    '## Decode-only throughput',
    '',
    '`inspectToken` is not a decoder: it strictly parses the JWS (duplicate members, canonical base64url, sizes), classifies the token, and runs every offline check (lifetime, issuer ↔ tid, audience, tenant and app allow-lists) plus the permission check, returning a full Report. `jose.decodeJwt` and `jwt-decode` only base64url-decode and JSON-parse the payload.',
    '',
    throughputTable(r.decode.v1, r.decode.v2, 'decodeJwt'),
    '',
    '## Key sets',
    '',
    "Every peer against the same local HTTP server on 127.0.0.1 that serves Entra's paths, each scenario in a fresh process (module-level caches start empty) with a hard time limit; a verification without an answer is reported as such, never waited for. Peers are pointed at the server with their documented options: jose `createRemoteJWKSet(url)`, jwks-rsa `jwksUri`, get-jwks `domain` + `jwksPath` (`/discovery/v2.0/keys`, Entra's path), azure-ad-verify-token `jwksUri`; none needed https, so none had to be faked. Ours derives Entra's URLs from the cloud and is pointed at the server with its documented `authority` override plus the test-only `keySets.allowLoopbackHttp` (it refuses plain http otherwise); its key-set and cache settings are the defaults. Ours also fetches the OpenID metadata (per tenant and version) before the key set; the peers are handed the key set URL. Tokens with unknown kids carry a signature that matches nothing, which does not matter since no key set has their kid. `jwks-rsa rateLimit` is jwks-rsa with its documented opt-in `rateLimit: true, jwksRequestsPerMinute: 10`.",
    '',
    keysetSection(r.keyset),
    '## Memory',
    '',
    `Live heap (after two full collections, \`--expose-gc\`) and RSS, each in a fresh process, after a warm-up of ${r.memoryPlan.warmup.toLocaleString('en-US')} verifications and then every quarter of ${r.memoryPlan.count.toLocaleString('en-US')} more (16 in flight, cycling through distinct v1 tokens).`,
    '',
    table(
      [
        'subject',
        ...(r.memory.find((mem) => mem.samples.length > 0)?.samples ?? []).map((s) =>
          s.after === 0 ? 'after warm-up' : `+${s.after.toLocaleString('en-US')}`,
        ),
        'heap growth',
      ],
      r.memory.map((mem) =>
        mem.samples.length === 0
          ? [
              mem.subject === 'ours' ? 'ours: createVerifier' : 'jose.jwtVerify (control)',
              mem.note ?? 'no samples',
            ]
          : [
              mem.subject === 'ours' ? 'ours: createVerifier' : 'jose.jwtVerify (control)',
              ...mem.samples.map(
                (s) => `heap ${(s.heapUsed / MIB).toFixed(1)} MiB, RSS ${(s.rss / MIB).toFixed(0)} MiB`,
              ),
              `${(heapGrowth(mem) ?? 0) / MIB >= 0 ? '+' : ''}${((heapGrowth(mem) ?? 0) / MIB).toFixed(2)} MiB`,
            ],
      ),
    ),
    '',
    '## CLI start-up',
    '',
    r.cli.note !== undefined && r.cli.cliMs === null
      ? r.cli.note
      : `\`node packages/core/dist/cli/main.js inspect --offline <token>\` ${r.cli.cliMs?.toFixed(1)} ms vs \`node -e 0\` ${r.cli.nodeMs?.toFixed(1)} ms: ${formatRatio(r.cli.ratio)} (medians of ${r.cli.runs} alternating runs, wall clock per spawn; CLI exit codes ${r.cli.exitCodes.join(', ')}).${r.cli.note === undefined ? '' : ` ${r.cli.note}.`}`,
    '',
    '## Web',
    '',
  )
  const w = r.web
  if (!w.built) {
    lines.push(
      `Not built: packages/web/dist is absent${w.buildNote === undefined ? '' : ` (${w.buildNote})`}.`,
      '',
    )
  } else {
    lines.push(
      `Read from packages/web/dist after \`pnpm --filter @claimcheck/web build\`${w.buildNote === undefined ? '' : ` (${w.buildNote}; sizes are from the previous build)`}. Sizes are gzip -9.`,
      '',
      w.entry === null
        ? 'No entry module found in index.html.'
        : `Entry module: ${w.entry.file}, ${formatKiB(w.entry.bytes)}, **${formatKiB(w.entry.gzip)} gzip**.`,
      '',
      table(['loaded before any interaction', 'bytes', 'gzip'], assetRows(w.initial)),
      '',
      w.msalChunks.length === 0
        ? 'No MSAL chunk yet: the build contains no chunk carrying MSAL.'
        : table(['MSAL chunk (loaded on "Sign in")', 'bytes', 'gzip'], assetRows(w.msalChunks)),
      '',
      w.msalInInitial
        ? '**MSAL is in what the page loads before "Sign in".**'
        : 'MSAL is not in what the page loads before "Sign in".',
      '',
    )
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`
}
