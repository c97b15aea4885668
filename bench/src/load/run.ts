import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateSigningKey, newTenant } from '../entra-tokens.js'
import { startJwksServer } from '../jwks-server.js'
import { REPO_ROOT } from '../paths.js'
import { runLoad } from './client.js'
import { startHttpsStandIn } from './https-stand-in.js'
import type { PeerServerArgs } from './peer-server.js'
import { percentile } from './percentile.js'
import { mintOrdersTokens } from './tokens.js'

export interface LoadPlan {
  requests: number
  distinctTokens: number
  connections: number
}

export type LoadSubject = 'claimcheck-express' | 'claimcheck-hono' | 'express-jwt' | 'passport-azure-ad'

export interface LoadSubjectResult {
  subject: LoadSubject
  requests: number
  errors: number
  statuses: Record<string, number>
  durationMs: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Requests the Entra stand-in received during the run: key sets, and discovery documents. */
  keySetRequests: number
  metadataRequests: number
  note?: string
}

export interface LoadResults {
  plan: LoadPlan
  subjects: LoadSubjectResult[]
}

const SUBJECTS: readonly LoadSubject[] = [
  'claimcheck-express',
  'claimcheck-hono',
  'express-jwt',
  'passport-azure-ad',
]
const EXAMPLE_SERVE = join(REPO_ROOT, 'examples/protected-api/dist/serve.js')
const PEER_SERVER = fileURLToPath(new URL('./peer-server.js', import.meta.url))

/** Starts a server process and waits for the {"port"} line it prints once it listens. */
function startServer(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start: ${err.slice(0, 500)}`))
    }, 20_000)
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString()
    })
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const line = out.split('\n').find((l) => l.startsWith('{'))
      if (line === undefined) return
      clearTimeout(timer)
      resolve({ child, port: (JSON.parse(line) as { port: number }).port })
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code}): ${err.slice(0, 500)}`))
    })
  })
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.removeAllListeners('exit')
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/**
 * The load scenario of issue 14: `requests` GETs carrying `distinctTokens` distinct tokens over `connections`
 * keep-alive connections against the Express and Hono examples (examples/protected-api, run by its own serve.js),
 * beside the same API behind express-jwt + jwks-rsa and passport-azure-ad. Each server is a process of its own;
 * Entra is a stand-in on 127.0.0.1 that counts what it is asked. Not timed against a target: figures for results.md.
 */
export async function runLoadScenario(
  plan: LoadPlan,
  workDir: string,
  log: (line: string) => void,
): Promise<LoadResults> {
  const tenant = newTenant()
  const key = generateSigningKey()
  const tokens = mintOrdersTokens(plan.distinctTokens, tenant, key, Math.floor(Date.now() / 1000) - 60)
  const http = await startJwksServer([key.jwk])
  const https = await startHttpsStandIn(workDir, tenant.tenantId, [key.jwk])
  const subjects: LoadSubjectResult[] = []
  try {
    for (const subject of SUBJECTS) {
      http.resetCounts()
      const before = https.counts()
      let server: { child: ChildProcess; port: number } | null = null
      try {
        if (subject === 'claimcheck-express' || subject === 'claimcheck-hono') {
          server = await startServer([EXAMPLE_SERVE, subject === 'claimcheck-express' ? 'express' : 'hono'], {
            TENANT_ID: tenant.tenantId,
            PORT: '0',
            ENTRA_AUTHORITY: http.origin,
          })
        } else {
          const args: PeerServerArgs = {
            subject,
            tenantId: tenant.tenantId,
            jwksUri: `${http.origin}/${tenant.tenantId}/discovery/keys`,
            identityMetadata: `${https.origin}/${tenant.tenantId}/.well-known/openid-configuration`,
          }
          server = await startServer([PEER_SERVER, JSON.stringify(args)], {
            NODE_EXTRA_CA_CERTS: https.certPath,
          })
        }
        log(
          `load: ${subject} (${plan.requests.toLocaleString('en-US')} requests, ${plan.connections} connections)`,
        )
        const run = await runLoad(
          `http://127.0.0.1:${server.port}`,
          '/api/orders/42',
          tokens,
          plan.requests,
          plan.connections,
        )
        const after = https.counts()
        const counts = http.counts()
        subjects.push({
          subject,
          requests: run.requests,
          errors: run.errors,
          statuses: run.statuses,
          durationMs: run.durationMs,
          requestsPerSecond: (run.requests / run.durationMs) * 1000,
          p50Ms: percentile(run.latenciesMs, 50),
          p99Ms: percentile(run.latenciesMs, 99),
          keySetRequests: counts.keys + (after.keys - before.keys),
          metadataRequests: counts.metadata + (after.metadata - before.metadata),
        })
      } catch (err) {
        subjects.push({
          subject,
          requests: 0,
          errors: 0,
          statuses: {},
          durationMs: 0,
          requestsPerSecond: 0,
          p50Ms: Number.NaN,
          p99Ms: Number.NaN,
          keySetRequests: 0,
          metadataRequests: 0,
          note: `did not run: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
        })
      } finally {
        if (server !== null) await stop(server.child)
      }
    }
  } finally {
    await http.close()
    await https.close()
  }
  return { plan, subjects }
}

const LABELS: Record<LoadSubject, string> = {
  'claimcheck-express': 'ClaimCheck, Express 5 example (`entraAuth`, from-request)',
  'claimcheck-hono': 'ClaimCheck, Hono 4 example on @hono/node-server',
  'express-jwt': 'express-jwt + jwks-rsa (same route, role checked in the handler)',
  'passport-azure-ad': 'passport-azure-ad BearerStrategy (deprecated)',
}

const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '–')

/** The "Load" section of bench/results.md. */
export function renderLoad(r: LoadResults, date: string): string {
  const rows = r.subjects.map((s) => {
    const statuses = Object.entries(s.statuses)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')
    return `| ${LABELS[s.subject]} | ${s.note ?? `${Math.round(s.requestsPerSecond).toLocaleString('en-US')}`} | ${ms(s.p50Ms)} | ${ms(s.p99Ms)} | ${s.errors} | ${s.keySetRequests} | ${s.metadataRequests} | ${statuses || '–'} |`
  })
  return [
    LOAD_START,
    '## Load: protecting an API (issue 14)',
    '',
    `${date}. ${r.plan.requests.toLocaleString('en-US')} requests carrying ${r.plan.distinctTokens.toLocaleString('en-US')} distinct tokens (v1, each sent`,
    `${Math.round(r.plan.requests / r.plan.distinctTokens)} times, round-robin) over ${r.plan.connections} keep-alive connections to \`GET /api/orders/42\` (needs`,
    '`Orders.Read.All`); every server is its own process, cold (the first requests fetch the key set), the load',
    'client and Entra stand-in share the bench process. Latency is request start to the last byte. Key-set and metadata',
    'requests are what the stand-in received during the run. Same machine and caveats as above: compare rows, not',
    'machines.',
    '',
    '| server | requests/s | p50 ms | p99 ms | errors | key-set requests | metadata requests | statuses |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
    LOAD_END,
    '',
  ].join('\n')
}

export const LOAD_START = '<!-- load:start -->'
export const LOAD_END = '<!-- load:end -->'

/** results.md with its Load section replaced (or appended): a load-only run keeps the rest of the file. */
export function withLoadSection(markdown: string, section: string): string {
  const start = markdown.indexOf(LOAD_START)
  const end = markdown.indexOf(LOAD_END)
  if (start >= 0 && end > start)
    return `${markdown.slice(0, start)}${section.trimEnd()}${markdown.slice(end + LOAD_END.length)}`
  return `${markdown.trimEnd()}\n\n${section}`
}
