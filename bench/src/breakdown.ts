import {
  BUILTIN_CATALOGS,
  capabilitiesOf,
  createVerifier,
  inspectToken,
  type InspectOptions,
} from '@claimcheck/core'
import { decodeJwt } from 'jose'
import { generateSigningKey, issuerFor, mintMany, newTenant } from './entra-tokens.js'
import { startJwksServer } from './jwks-server.js'
import { bareJose } from './peers/jose.js'
import { requirementFor } from './peers/ours.js'
import { nodeCryptoFloor } from './peers/floors.js'
import { median } from './stats.js'

/**
 * Where our verification spends its CPU time, stage by stage, for whoever sets out to close a throughput gap:
 * `pnpm --filter @claimcheck/bench breakdown`. CPU time per operation (not wall time), so other load on the machine
 * matters little. Not part of `pnpm bench`.
 */
const ROUNDS = 5
const ROUND_MS = 300

async function cpuMicrosPerOp(op: (i: number) => unknown): Promise<number> {
  const samples: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    const cpu = process.cpuUsage()
    const start = performance.now()
    let i = 0
    while (performance.now() - start < ROUND_MS) await op(i++)
    const used = process.cpuUsage(cpu)
    samples.push((used.user + used.system) / i)
  }
  return median(samples)
}

const tenant = newTenant()
const key = generateSigningKey()
const iat = Math.floor(Date.now() / 1000) - 60
const tokens = mintMany(20_000, { version: 'v1', tenant, key, iat })
const n = tokens.length
const server = await startJwksServer([key.jwk])
const c = { version: 'v1' as const, tenant, origin: server.origin }
const checks: InspectOptions = {
  audience: 'https://api.securitycenter.microsoft.com',
  tenants: [tenant.tenantId],
  clientApps: [tenant.clientAppId],
}
const requirement = requirementFor(c)
const jose = await bareJose(c, key)
const floor = nodeCryptoFloor(key)
const online = createVerifier({
  ...checks,
  audience: 'https://api.securitycenter.microsoft.com',
  tenants: [tenant.tenantId],
  authority: server.origin,
  keySets: { allowLoopbackHttp: true },
})
const offline = createVerifier({
  audience: 'https://api.securitycenter.microsoft.com',
  tenants: [tenant.tenantId],
  clientApps: [tenant.clientAppId],
  jwks: { keys: [key.jwk] },
  resultCache: false,
})
await online.verify(tokens[0] as string, requirement)

// capabilitiesOf (issue 19 point 8): the same token with one role and with 20,000 more the catalog never names.
const oneRole = inspectToken(tokens[0] as string).token
if (oneRole === null) throw new Error('token did not decode')
const manyRoles = [...Array.from({ length: 20_000 }, (_, i) => `Custom${i}.ReadWrite.All`), ...oneRole.roles]
const twentyThousand = { ...oneRole, roles: manyRoles, payload: { ...oneRole.payload, roles: manyRoles } }

const stages: Array<[string, (i: number) => unknown]> = [
  ['jose.decodeJwt', (i) => decodeJwt(tokens[i % n] as string)],
  ['inspectToken, no options', (i) => inspectToken(tokens[i % n] as string)],
  ['inspectToken, Entra checks', (i) => inspectToken(tokens[i % n] as string, checks)],
  [
    'inspectToken, Entra checks + operation',
    (i) => inspectToken(tokens[i % n] as string, { ...checks, ...requirement }),
  ],
  ['node:crypto verify alone (the floor)', (i) => floor(tokens[i % n] as string)],
  ['jose.jwtVerify (key in hand)', (i) => jose(tokens[i % n] as string)],
  [
    'verify, static key set, no result cache, + operation',
    (i) => offline.verify(tokens[i % n] as string, requirement),
  ],
  [
    'verify, discovery, first sight, + operation',
    (i) => online.verify(tokens[(i % (n - 1)) + 1] as string, requirement),
  ],
  ['verify, discovery, repeated token, + operation', () => online.verify(tokens[0] as string, requirement)],
  ['capabilitiesOf (mde), one role', () => capabilitiesOf(oneRole, BUILTIN_CATALOGS.mde)],
  ['capabilitiesOf (mde), 20,000 roles', () => capabilitiesOf(twentyThousand, BUILTIN_CATALOGS.mde)],
]
process.stdout.write(
  `CPU µs per operation (median of ${ROUNDS} × ${ROUND_MS} ms), v1 token, issuer ${issuerFor('v1', tenant.tenantId)}\n`,
)
for (const [name, op] of stages) {
  process.stdout.write(`${(await cpuMicrosPerOp(op)).toFixed(1).padStart(8)}  ${name}\n`)
}
await server.close()
