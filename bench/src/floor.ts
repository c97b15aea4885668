import { loadavg } from 'node:os'
import { createVerifier, type PermissionCatalog } from '@claimcheck/core'
import { authorize } from '@claimcheck/core/http'
import { generateSigningKey, mintMany, mintToken, newTenant, type TokenVersion } from './entra-tokens.js'
import { startJwksServer } from './jwks-server.js'
import { fastJwtStatic } from './peers/fast-jwt.js'
import { nodeCryptoFloor } from './peers/floors.js'
import { oursVerifier } from './peers/ours.js'
import type { PeerConfig, Verify } from './peers/config.js'
import { runRounds, type Contender, type ContenderResult } from './rounds.js'

/**
 * Issue 19's targets, alone (`pnpm --filter @claimcheck/bench floor [--quick]`): ours against the node:crypto floor
 * (paired rounds, order alternating, medians of per-round ratios), fast-jwt with a key beside it, a repeated token,
 * and a refused request on a route with a 10,000-operation catalog against the same with no catalog.
 */
const quick = process.argv.includes('--quick')
const plan = { rounds: quick ? 3 : 7, roundMs: quick ? 100 : 200, warmupMs: quick ? 60 : 150 }
const DISTINCT = quick ? 1500 : 4000

function cycling(verify: Verify, tokens: readonly string[]): (i: number) => Promise<unknown> {
  return (i) => verify(tokens[i % tokens.length] as string)
}

/** A custom API's catalog with `count` operations, each granted by its own application permission. */
export function bigCatalog(count: number): PermissionCatalog {
  const operations = Array.from({ length: count }, (_, i) => ({
    method: 'GET' as const,
    path: `/api/items${i}/{id}`,
    application: [`Items${i}.Read.All`],
    delegated: [],
  }))
  return {
    id: 'big',
    name: 'Big API',
    appId: null,
    identifierUris: ['api://big'],
    hosts: [],
    permissions: operations.map((o) => ({
      value: o.application[0] as string,
      kind: 'application',
      id: null,
    })),
    operations,
  } as PermissionCatalog
}

function contenders(
  c: PeerConfig,
  key: ReturnType<typeof generateSigningKey>,
  tokens: string[],
): Contender[] {
  const floor = nodeCryptoFloor(key)
  let first: Verify | null = null
  const fresh = async (): Promise<void> => {
    first = oursVerifier(c)
    await first(tokens[tokens.length - 1] as string)
  }
  const repeatedToken = tokens[0] as string
  const repeated = oursVerifier(c)
  // `Authorization: Bearer x` on a route of a custom API (the Fetch adapter), with and without its catalog.
  const catalog = bigCatalog(10_000)
  const api = createVerifier({ audience: 'api://big', tenants: [c.tenant.tenantId], jwks: { keys: [] } })
  const badRequest = (): Request =>
    new Request('http://127.0.0.1/api/items9999/42', { headers: { authorization: 'Bearer x' } })
  const requirement = { operation: 'GET /api/items9999/42', catalog }
  return [
    {
      id: 'floor',
      label: 'floor: node:crypto verify',
      inFlight: 1,
      baseline: null,
      op: cycling(floor, tokens),
    },
    {
      id: 'floor@16',
      label: 'floor: node:crypto verify',
      inFlight: 16,
      baseline: null,
      op: cycling(floor, tokens),
    },
    {
      id: 'ours-first',
      label: 'ours, first sight, every check + operation',
      inFlight: 1,
      baseline: 'floor',
      limit: tokens.length - 1,
      prepare: fresh,
      op: (i) => (first as Verify)(tokens[i] as string),
    },
    {
      id: 'ours-first@16',
      label: 'ours, first sight, every check + operation',
      inFlight: 16,
      baseline: 'floor@16',
      limit: tokens.length - 1,
      prepare: fresh,
      op: (i) => (first as Verify)(tokens[i] as string),
    },
    {
      id: 'fast-jwt',
      label: 'fast-jwt, PEM key in hand',
      inFlight: 1,
      baseline: 'floor',
      op: cycling(fastJwtStatic(c, key), tokens),
    },
    {
      id: 'ours-repeated',
      label: 'ours, the same token repeated',
      inFlight: 1,
      baseline: 'floor',
      op: () => repeated(repeatedToken),
    },
    {
      id: 'bad-no-catalog',
      label: 'bad token, no catalog',
      inFlight: 1,
      baseline: null,
      op: () => authorize(api, badRequest(), {}),
    },
    {
      id: 'bad-catalog',
      label: 'bad token, 10,000-operation catalog',
      inFlight: 1,
      baseline: 'bad-no-catalog',
      op: () => authorize(api, badRequest(), requirement),
    },
  ]
}

const pct = (r: ContenderResult): string => (r.ratio === null ? 'n/a' : `${(r.ratio * 100).toFixed(0)} %`)
const times = (r: ContenderResult): string => (r.ratio === null ? 'n/a' : `${r.ratio.toFixed(2)}×`)

async function main(): Promise<void> {
  const tenant = newTenant()
  const key = generateSigningKey()
  const iat = Math.floor(Date.now() / 1000) - 60
  const lines: string[] = []
  const versions: TokenVersion[] = process.argv.includes('--v2-first') ? ['v2', 'v1'] : ['v1', 'v2']
  for (const version of versions) {
    // A server per version: each version's verifiers start from an empty key-set cache and a quiet server.
    const server = await startJwksServer([key.jwk])
    try {
      const tokens = [
        ...mintMany(DISTINCT, { version, tenant, key, iat }),
        mintToken({ version, tenant, key, iat }),
      ]
      const c = { version, tenant, origin: server.origin }
      const before = loadavg()[0] as number
      const results = await runRounds(contenders(c, key, tokens), plan)
      const after = loadavg()[0] as number
      const by = new Map(results.map((r) => [r.id, r]))
      const get = (id: string): ContenderResult => by.get(id) as ContenderResult
      lines.push(
        `${version}: first sight ${pct(get('ours-first'))} of the floor at 1, ${pct(get('ours-first@16'))} at 16; ` +
          `fast-jwt ${pct(get('fast-jwt'))} at 1; repeated ${times(get('ours-repeated'))} the floor; ` +
          `bad token with a 10,000-operation catalog ${times(get('bad-catalog'))} the throughput of one without ` +
          `(load average ${before.toFixed(1)} → ${after.toFixed(1)})`,
      )
      for (const r of results)
        process.stderr.write(
          `  ${version} ${r.id.padEnd(16)} ${String(Math.round(r.median ?? 0)).padStart(8)} ops/s  ratio ${r.ratio?.toFixed(3) ?? '-'} ` +
            `range ${r.ratioRange?.map((x) => x.toFixed(2)).join('–') ?? '-'}${r.note ? ` ${r.note}` : ''}\n`,
        )
    } finally {
      await server.close()
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`)
}

await main()
