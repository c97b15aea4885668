import { generateSigningKey, mintMany, newTenant, randomKid, withKid } from './entra-tokens.js'
import { runKeysetScenarios, writeFixture } from './keyset/run.js'
const k1 = generateSigningKey(), k2 = generateSigningKey(), tenant = newTenant()
const iat = Math.floor(Date.now() / 1000) - 60
const k1Tokens = mintMany(1001, { version: 'v1', tenant, key: k1, iat })
const k2Tokens = mintMany(201, { version: 'v1', tenant, key: k2, iat })
writeFixture('/tmp/bsmoke/fx.json', { tenant, k1: k1.jwk, k2: k2.jwk, warm: k1Tokens.pop() as string, k1Tokens, k2Tokens, unknownKid: k1Tokens.map((t) => withKid(t, randomKid())) })
const t0 = Date.now()
const res = await runKeysetScenarios({ fixturePath: '/tmp/bsmoke/fx.json', opTimeoutMs: 3000, rotationRetryMs: 35000, processLimitMs: 60000, parallel: 3 }, (l) => console.error(l, Date.now() - t0))
console.log(JSON.stringify(res, null, 1))
