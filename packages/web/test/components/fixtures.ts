import { inspectToken, type Report } from '@claimcheck/core'
import { sampleTemplate } from '../../src/demo/samples.js'
import type { SampleId } from '../../src/demo/sample-list.js'
import { mintToken, publicJwks, randomSegment, testKey } from '../support/mint-token.js'

export const NOW = new Date('2026-05-01T10:00:00Z')
const key = testKey()

export function token(id: SampleId, now = NOW): string {
  const t = sampleTemplate(id, Math.floor(now.getTime() / 1000), 'test-kid', randomSegment)
  return mintToken(t.header, t.payload, key)
}

export function report(id: SampleId): Report {
  return inspectToken(token(id), { now: NOW })
}

/** The key set that verifies `token()`s. */
export const JWKS = publicJwks(key, 'test-kid')
