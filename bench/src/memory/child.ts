import { readFileSync } from 'node:fs'
import { startJwksServer } from '../jwks-server.js'
import { reasonOf, type PeerConfig, type Verify } from '../peers/config.js'
import { bareJose } from '../peers/jose.js'
import { oursVerifier } from '../peers/ours.js'
import type { MemoryArgs, MemoryFixture, MemoryResult, MemorySample } from './fixture.js'

/** Live heap after a full collection, and RSS, in bytes. Needs --expose-gc. */
function sample(after: number): MemorySample {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc === undefined) throw new Error('run with --expose-gc')
  gc()
  gc()
  const m = process.memoryUsage()
  return { after, heapUsed: m.heapUsed, rss: m.rss }
}

async function run(
  verify: Verify,
  tokens: readonly string[],
  count: number,
  inFlight: number,
  offset: number,
): Promise<void> {
  let next = 0
  const n = tokens.length
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = offset + next++
      await verify(tokens[i % n] as string)
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
}

async function main(args: MemoryArgs): Promise<MemoryResult> {
  const fx = JSON.parse(readFileSync(args.fixturePath, 'utf8')) as MemoryFixture
  const server = await startJwksServer([fx.key])
  const c: PeerConfig = { version: 'v1', tenant: fx.tenant, origin: server.origin }
  const verify: Verify = args.subject === 'ours' ? oursVerifier(c) : await bareJose(c, { jwk: fx.key })
  await run(verify, fx.tokens, args.warmup, 16, 0)
  const samples = [sample(0)]
  const step = args.count / 4
  for (let done = 0; done < args.count; done += step) {
    await run(verify, fx.tokens, step, 16, args.warmup + done)
    samples.push(sample(done + step))
  }
  await server.close()
  return { subject: args.subject, samples }
}

const args = JSON.parse(process.argv[2] ?? '{}') as MemoryArgs
main(args).then(
  (r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`)
    process.exit(0)
  },
  (err: unknown) => {
    process.stdout.write(
      `${JSON.stringify({ subject: args.subject, samples: [], note: `failed: ${reasonOf(err)}` })}\n`,
    )
    process.exit(0)
  },
)
