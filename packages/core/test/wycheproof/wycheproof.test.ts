/**
 * C2SP/wycheproof JWS and JWK vectors (Apache-2.0), read from ../shared/vectors/wycheproof beside the repository.
 * Our rule: accept exactly the RS256 vectors Wycheproof marks valid; every other algorithm is refused by policy.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { parseKeySet, selectKey } from '../../src/entra/keyset/key-set.js'
import { decodeBase64Url } from '../../src/lib/base64url.js'
import { isJsonObject } from '../../src/lib/json.js'
import { parseStrictJson } from '../../src/lib/strict-json.js'
import { createRs256Verifier } from '../../src/token/verify/rs256/node.js'

const rs256 = createRs256Verifier('sync')

const here = dirname(fileURLToPath(import.meta.url))
const dir = resolve(here, '../../../../../shared/vectors/wycheproof')
const present =
  existsSync(resolve(dir, 'json_web_signature_test.json')) &&
  existsSync(resolve(dir, 'json_web_key_test.json'))
if (!present)
  console.log(`Wycheproof vectors not found at ${dir}: skipping (CI provides ../shared beside the checkout).`)

interface Vector {
  tcId: number | string
  comment: string
  jws: unknown
  result: 'valid' | 'invalid' | 'acceptable'
}
interface Group {
  comment: string
  public?: Record<string, unknown>
  private?: Record<string, unknown>
  tests: Vector[]
}

/** What the verifier does with a compact JWS and a key set, minus the Entra claim checks (the payloads are not JWTs). */
async function accepts(jws: unknown, keys: unknown): Promise<boolean> {
  if (typeof jws !== 'string') return false
  const segments = jws.split('.')
  // An empty payload is a valid JWS (the JWT decoder refuses it separately); header and signature must be present.
  if (segments.length !== 3 || segments[0] === '' || segments[2] === '') return false
  if (!segments.every((s) => decodeBase64Url(s).ok)) return false
  const headerBytes = decodeBase64Url(segments[0] as string)
  if (!headerBytes.ok) return false
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(headerBytes.bytes)
  } catch {
    return false
  }
  const header = parseStrictJson(text)
  if (!header.ok || header.duplicates.length > 0 || !isJsonObject(header.value)) return false
  if (header.value.alg !== 'RS256' || typeof header.value.kid !== 'string') return false
  if (Object.hasOwn(header.value, 'crit') || Object.hasOwn(header.value, 'b64')) return false
  const set = parseKeySet(keys)
  if (!set.ok) return false
  const selected = selectKey(set.keySet, header.value.kid)
  return (
    selected.found &&
    (await rs256.verify(selected.key, `${segments[0]}.${segments[1]}`, segments[2] as string))
  )
}

const load = (name: string): Group[] =>
  (JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as { testGroups: Group[] }).testGroups
const isRs256 = (jws: unknown, key: Record<string, unknown> | undefined): boolean => {
  if (key?.alg === 'RS256') return true
  if (typeof jws !== 'string') return false
  try {
    return JSON.parse(Buffer.from(jws.split('.')[0] ?? '', 'base64url').toString()).alg === 'RS256'
  } catch {
    return false
  }
}
const tally = {
  jwsRs256: 0,
  jwsRs256Agree: 0,
  jwsOther: 0,
  jwsOtherValidRefused: 0,
  jwk: 0,
  jwkAgree: 0,
  jwkValidNonRs256: 0,
}

afterAll(() => {
  if (!present) return
  console.log(
    `Wycheproof JWS: ${tally.jwsRs256Agree}/${tally.jwsRs256} RS256 vectors agree; ${tally.jwsOther} other vectors all refused (${tally.jwsOtherValidRefused} valid non-RS256 refused by policy). JWK: ${tally.jwkAgree}/${tally.jwk} agree (${tally.jwkValidNonRs256} valid HMAC vectors refused by policy).`,
  )
})

describe.skipIf(!present)('Wycheproof', () => {
  it('json_web_signature_test: agrees on every RS256 vector and accepts nothing else', async () => {
    const disagreements: string[] = []
    for (const group of load('json_web_signature_test.json')) {
      for (const v of group.tests) {
        const ours = await accepts(v.jws, { keys: group.public ? [group.public] : [] })
        if (isRs256(v.jws, group.public)) {
          tally.jwsRs256++
          if (ours === (v.result === 'valid')) tally.jwsRs256Agree++
          else
            disagreements.push(
              `tc ${v.tcId} (${group.comment}/${v.comment}): expected ${v.result}, we ${ours ? 'accept' : 'reject'}`,
            )
        } else {
          tally.jwsOther++
          if (v.result === 'valid') tally.jwsOtherValidRefused++
          if (ours) disagreements.push(`tc ${v.tcId}: accepted a non-RS256 vector`)
        }
      }
    }
    expect(disagreements).toEqual([])
    expect(tally.jwsRs256).toBeGreaterThanOrEqual(233)
  })

  it('json_web_key_test: agrees on every key-set vector (HMAC keys refused by policy)', async () => {
    const disagreements: string[] = []
    for (const group of load('json_web_key_test.json')) {
      const keys = group.public ?? group.private
      for (const v of group.tests) {
        tally.jwk++
        const ours = await accepts(v.jws, keys)
        const expected = v.result === 'valid' && isRs256(v.jws, undefined)
        if (v.result === 'valid' && !expected) tally.jwkValidNonRs256++
        if (ours === expected) tally.jwkAgree++
        else
          disagreements.push(
            `tc ${v.tcId} (${group.comment}/${v.comment}): expected ${v.result}, we ${ours ? 'accept' : 'reject'}`,
          )
      }
    }
    expect(disagreements).toEqual([])
    expect(tally.jwk).toBe(26)
  })
})
