import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { startJwksServer, type JwksServer } from '../jwks-server.js'
import { azureAdVerifyToken } from '../peers/azure-ad-verify-token.js'
import { reasonOf, type PeerConfig, type Verify } from '../peers/config.js'
import { fastJwtGetJwks } from '../peers/fast-jwt.js'
import { remoteJose } from '../peers/jose.js'
import { jsonwebtokenJwksRsa } from '../peers/jsonwebtoken.js'
import { oursVerifier } from '../peers/ours.js'
import type { ChildArgs, KeysetFixture, KeysetPeer, KeysetResult, PhaseResult } from './fixture.js'

/**
 * One peer, one key-set scenario, in a process of its own: module-level caches (azure-ad-verify-token keeps one)
 * start empty, and a peer that never answers cannot stall anything but this process, which the parent kills.
 */
function makeVerify(peer: KeysetPeer, c: PeerConfig): Verify {
  switch (peer) {
    case 'ours':
      return oursVerifier(c)
    case 'jose':
      return remoteJose(c)
    case 'fast-jwt+get-jwks':
      return fastJwtGetJwks(c)
    case 'jsonwebtoken+jwks-rsa':
      return jsonwebtokenJwksRsa(c)
    case 'jwks-rsa rateLimit':
      return jsonwebtokenJwksRsa(c, true)
    case 'azure-ad-verify-token':
      return azureAdVerifyToken(c)
  }
}

const NO_ANSWER = Symbol('no answer')

async function outcomeOf(verify: Verify, token: string, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<typeof NO_ANSWER>((resolve) => {
    timer = setTimeout(() => resolve(NO_ANSWER), timeoutMs)
  })
  try {
    const result = await Promise.race([verify(token).then(() => 'accepted'), timeout])
    return result === NO_ANSWER ? `no answer after ${timeoutMs / 1000} s` : result
  } catch (err) {
    return `rejected: ${reasonOf(err)}`
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Requests a client started before giving up on a token may still be on their way; wait until the server has
 * been quiet for a moment (bounded) so they count in the phase that caused them, not the next one.
 */
async function settle(server: JwksServer): Promise<void> {
  const total = (): number => {
    const c = server.counts()
    return c.metadata + c.keys + c.other
  }
  let last = total()
  for (let waited = 0; waited < 3000; waited += 250) {
    await new Promise((r) => setTimeout(r, 250))
    const now = total()
    if (now === last) return
    last = now
  }
}

async function main(args: ChildArgs): Promise<KeysetResult> {
  const fx = JSON.parse(readFileSync(args.fixturePath, 'utf8')) as KeysetFixture
  const server: JwksServer = await startJwksServer([fx.k1])
  const c: PeerConfig = { version: 'v1', tenant: fx.tenant, origin: server.origin }
  const result: KeysetResult = { peer: args.peer, scenario: args.scenario, phases: [] }
  const verify = makeVerify(args.peer, c)

  const phase = async (name: string, tokens: readonly string[]): Promise<PhaseResult> => {
    server.resetCounts()
    const start = performance.now()
    const outcomes: Record<string, number> = {}
    for (const o of await Promise.all(tokens.map((t) => outcomeOf(verify, t, args.opTimeoutMs)))) {
      outcomes[o] = (outcomes[o] ?? 0) + 1
    }
    await settle(server)
    const p = {
      name,
      tokens: tokens.length,
      requests: server.counts(),
      outcomes,
      ms: Math.round(performance.now() - start),
    }
    result.phases.push(p)
    return p
  }

  /** How long until a rejected key is accepted: one token a second (each a distinct token) until one is. */
  const retryUntilAccepted = async (tokens: readonly string[], limitMs: number): Promise<void> => {
    if (limitMs <= 0) return
    server.resetCounts()
    const start = performance.now()
    let accepted = false
    let tries = 0
    while (!accepted && performance.now() - start < limitMs && tries < tokens.length) {
      await new Promise((r) => setTimeout(r, 1000))
      accepted = (await outcomeOf(verify, tokens[tries++] as string, args.opTimeoutMs)) === 'accepted'
    }
    const seconds = Math.round((performance.now() - start) / 1000)
    result.phases.push({
      name: 'retried once a second',
      tokens: tries,
      requests: server.counts(),
      outcomes: { [accepted ? `accepted after ${seconds} s` : `still rejected after ${seconds} s`]: 1 },
      ms: Math.round(performance.now() - start),
    })
  }

  switch (args.scenario) {
    case 'cold-burst':
      await phase('1,000 concurrent first verifications, one key', fx.k1Tokens.slice(0, 1000))
      break
    case 'unknown-kid-storm':
      await phase('warm-up', [fx.warm])
      await phase('1,000 random unknown kids, concurrently', fx.unknownKid.slice(0, 1000))
      await phase('a known kid right after', [fx.k1Tokens[0] as string])
      break
    case 'rotation': {
      await phase('warm-up', [fx.warm])
      server.setKeys([fx.k1, fx.k2])
      const first = await phase('a new kid appears: first use', [fx.k2Tokens[0] as string])
      if (first.outcomes['accepted'] === undefined)
        await retryUntilAccepted(fx.k2Tokens.slice(1, 100), args.rotationRetryMs)
      break
    }
    case 'outage': {
      await phase('warm-up', [fx.warm])
      for (const mode of ['error-500', 'reset'] as const) {
        server.setMode(mode)
        const label = mode === 'error-500' ? 'HTTP 500' : 'connection reset'
        const offset = mode === 'error-500' ? 0 : 100
        await phase(`${label}: 100 tokens, known kid`, fx.k1Tokens.slice(offset, offset + 100))
        await phase(
          `${label}: 100 tokens, one new kid (rolled during the outage)`,
          fx.k2Tokens.slice(offset, offset + 100),
        )
        await phase(`${label}: 100 tokens, random unknown kids`, fx.unknownKid.slice(offset, offset + 100))
      }
      server.setMode('ok')
      server.setKeys([fx.k1, fx.k2])
      const recovered = await phase('recovered (new key published): the new kid', [
        fx.k2Tokens[200] as string,
      ])
      if (recovered.outcomes['accepted'] === undefined)
        await retryUntilAccepted(fx.k2Tokens.slice(100, 200), args.recoveryRetryMs)
      break
    }
  }
  return result
}

const args = JSON.parse(process.argv[2] ?? '{}') as ChildArgs
main(args).then(
  (r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`)
    // Hung verifications keep sockets and timers alive; this process has said all it will say.
    process.exit(0)
  },
  (err: unknown) => {
    process.stdout.write(
      `${JSON.stringify({ peer: args.peer, scenario: args.scenario, phases: [], note: `crashed: ${reasonOf(err)}` })}\n`,
    )
    process.exit(0)
  },
)
