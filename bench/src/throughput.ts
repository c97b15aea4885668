import { decodeJwt } from 'jose'
import { jwtDecode } from 'jwt-decode'
import type { Contender } from './rounds.js'
import type { KeyInHand, PeerConfig, Verify } from './peers/config.js'
import { azureAdVerifyToken } from './peers/azure-ad-verify-token.js'
import { fastJwtGetJwks, fastJwtStatic } from './peers/fast-jwt.js'
import { nodeCryptoFloor, nodeCryptoPoolFloor, webCryptoFloor } from './peers/floors.js'
import { bareJose, remoteJose } from './peers/jose.js'
import { jsonwebtokenJwksRsa, jsonwebtokenPem } from './peers/jsonwebtoken.js'
import { oursInspect, oursVerifier } from './peers/ours.js'

export const JOSE_1 = 'jose'
export const JOSE_16 = 'jose@16'

export interface TokenPools {
  /** Distinct valid tokens: the first-sight workload. */
  distinct: readonly string[]
  /** A token verified before the round starts and then over and over (the verified-result cache's workload). */
  repeated: string
  /** A token used only to warm a fresh verifier's key set before a first-sight round. */
  warmup: string
}

function cycling(verify: Verify, tokens: readonly string[]): (i: number) => Promise<unknown> {
  const n = tokens.length
  return (i) => verify(tokens[i % n] as string)
}

/** Every verification contender for one token version, each configured as its documentation recommends. */
export async function verificationContenders(
  c: PeerConfig,
  key: KeyInHand,
  pools: TokenPools,
): Promise<Contender[]> {
  const tokens = pools.distinct
  const jose = await bareJose(c, key)
  const webCrypto = await webCryptoFloor(key)

  let firstSight: Verify | null = null
  let repeated: Verify | null = null
  const freshOurs = async (withPermission = true): Promise<Verify> => {
    const v = oursVerifier(c, withPermission)
    await v(pools.warmup)
    return v
  }

  const fastJwtCached = fastJwtGetJwks(c, true)
  return [
    {
      id: JOSE_1,
      label: 'jose.jwtVerify (key in hand) — baseline',
      inFlight: 1,
      baseline: null,
      op: cycling(jose, tokens),
    },
    {
      id: JOSE_16,
      label: 'jose.jwtVerify (key in hand) — baseline',
      inFlight: 16,
      baseline: null,
      op: cycling(jose, tokens),
    },
    {
      id: 'ours-first',
      label: 'ours: createVerifier, first sight (all Entra checks + permission)',
      inFlight: 1,
      baseline: JOSE_1,
      limit: tokens.length,
      prepare: async () => {
        firstSight = await freshOurs()
      },
      op: (i) => (firstSight as Verify)(tokens[i] as string),
    },
    {
      id: 'ours-first@16',
      label: 'ours: createVerifier, first sight (all Entra checks + permission)',
      inFlight: 16,
      baseline: JOSE_16,
      limit: tokens.length,
      prepare: async () => {
        firstSight = await freshOurs()
      },
      op: (i) => (firstSight as Verify)(tokens[i] as string),
    },
    {
      id: 'ours-first-no-permission',
      label: 'ours: createVerifier, first sight, no permission check',
      inFlight: 1,
      baseline: JOSE_1,
      limit: tokens.length,
      prepare: async () => {
        firstSight = await freshOurs(false)
      },
      op: (i) => (firstSight as Verify)(tokens[i] as string),
    },
    {
      id: 'ours-repeat',
      label: 'ours: the same token repeated (verified-result cache)',
      inFlight: 1,
      baseline: JOSE_1,
      prepare: async () => {
        repeated = await freshOurs()
        await repeated(pools.repeated)
      },
      op: () => (repeated as Verify)(pools.repeated),
    },
    {
      id: 'jose-remote',
      label: 'jose + createRemoteJWKSet (warm)',
      inFlight: 1,
      baseline: JOSE_1,
      op: cycling(remoteJose(c), tokens),
    },
    {
      id: 'fast-jwt-pem',
      label: 'fast-jwt (PEM key in hand)',
      inFlight: 1,
      baseline: JOSE_1,
      op: cycling(fastJwtStatic(c, key), tokens),
    },
    {
      id: 'fast-jwt-get-jwks',
      label: 'fast-jwt + get-jwks',
      inFlight: 1,
      baseline: JOSE_1,
      op: cycling(fastJwtGetJwks(c), tokens),
    },
    {
      id: 'fast-jwt-get-jwks@16',
      label: 'fast-jwt + get-jwks',
      inFlight: 16,
      baseline: JOSE_16,
      op: cycling(fastJwtGetJwks(c), tokens),
    },
    {
      id: 'fast-jwt-cache-repeat',
      label: 'fast-jwt + get-jwks, cache: true, the same token repeated',
      inFlight: 1,
      baseline: JOSE_1,
      op: () => fastJwtCached(pools.repeated),
    },
    {
      id: 'jsonwebtoken-pem',
      label: 'jsonwebtoken (PEM string in hand)',
      inFlight: 1,
      baseline: JOSE_1,
      op: cycling(jsonwebtokenPem(c, key), tokens),
    },
    {
      id: 'jwks-rsa',
      label: 'jsonwebtoken + jwks-rsa',
      inFlight: 1,
      baseline: JOSE_1,
      op: cycling(jsonwebtokenJwksRsa(c), tokens),
    },
    {
      id: 'azure-ad-verify-token',
      label: 'azure-ad-verify-token',
      inFlight: 1,
      baseline: JOSE_1,
      op: cycling(azureAdVerifyToken(c), tokens),
    },
    {
      id: 'floor-node',
      label: 'floor: node:crypto verify alone',
      inFlight: 1,
      baseline: JOSE_1,
      op: cycling(nodeCryptoFloor(key), tokens),
    },
    {
      id: 'floor-node@16',
      label: 'floor: node:crypto verify alone (synchronous)',
      inFlight: 16,
      baseline: JOSE_16,
      op: cycling(nodeCryptoFloor(key), tokens),
    },
    {
      id: 'floor-node-pool@16',
      label: 'floor: node:crypto verify alone (thread pool)',
      inFlight: 16,
      baseline: JOSE_16,
      op: cycling(nodeCryptoPoolFloor(key), tokens),
    },
    {
      id: 'floor-webcrypto',
      label: 'floor: WebCrypto subtle.verify alone',
      inFlight: 1,
      baseline: JOSE_1,
      op: cycling(webCrypto, tokens),
    },
    {
      id: 'floor-webcrypto@16',
      label: 'floor: WebCrypto subtle.verify alone',
      inFlight: 16,
      baseline: JOSE_16,
      op: cycling(webCrypto, tokens),
    },
  ]
}

export const DECODE_BASELINE = 'jose-decodeJwt'

/** Decode-only throughput. inspectToken does much more than decode; the report says so. */
export function decodeContenders(c: PeerConfig, tokens: readonly string[]): Contender[] {
  const n = tokens.length
  const inspect = oursInspect(c)
  return [
    {
      id: DECODE_BASELINE,
      label: 'jose.decodeJwt — baseline',
      inFlight: 1,
      baseline: null,
      sync: true,
      op: (i) => decodeJwt(tokens[i % n] as string),
    },
    {
      id: 'jwt-decode',
      label: 'jwt-decode',
      inFlight: 1,
      baseline: DECODE_BASELINE,
      sync: true,
      op: (i) => jwtDecode(tokens[i % n] as string),
    },
    {
      id: 'ours-inspect',
      label: 'ours: inspectToken (strict decode + classify + every offline check + permission)',
      inFlight: 1,
      baseline: DECODE_BASELINE,
      sync: true,
      op: (i) => {
        const report = inspect(tokens[i % n] as string) as { token: unknown }
        if (report.token === null) throw new Error('inspectToken could not decode a valid token')
      },
    },
  ]
}
