import { createPublicKey, verify, type JsonWebKey as NodeJwk } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { inspectToken } from '@claimcheck/core'
import { DEMO_JWKS } from '../../src/demo/demo-jwks.js'
import { DEMO_SIGNING_KEY } from '../../src/demo/demo-signing-key.js'
import { mintSample } from '../../src/demo/mint-sample.js'
import { SAMPLES, type SampleId } from '../../src/demo/sample-list.js'
import { DEFAULT_SETTINGS, toInspectOptions } from '../../src/state/settings.js'

// Minting happens at click time, so samples must read the same at any instant: these run at several fixed clocks.
const CLOCKS = [
  new Date('2026-03-01T08:00:00Z'),
  new Date('2031-07-15T23:59:59Z'),
  new Date('2045-01-01T00:00:00Z'),
]

async function diagnose(id: SampleId, now: Date): Promise<{ token: string; codes: string[]; ok: boolean }> {
  const sample = await mintSample(id, now)
  const report = inspectToken(
    sample.token,
    toInspectOptions({ ...DEFAULT_SETTINGS, ...sample.settings }, now),
  )
  return { token: sample.token, codes: report.findings.map((f) => f.code), ok: report.ok }
}

describe('demo samples', () => {
  it('has one button per sample and a distinct id each', () => {
    expect(new Set(SAMPLES.map((s) => s.id)).size).toBe(5)
  })

  it('the bundled key set is the public half of the bundled demo key', () => {
    const [jwk] = DEMO_JWKS.keys
    expect(jwk?.n).toBe(DEMO_SIGNING_KEY.n)
    expect(jwk?.e).toBe(DEMO_SIGNING_KEY.e)
    expect(jwk).not.toHaveProperty('d')
  })

  for (const now of CLOCKS) {
    it(`reads the same at ${now.toISOString()}`, async () => {
      const healthy = await diagnose('healthy', now)
      expect(healthy.ok).toBe(true)
      expect(healthy.codes).toEqual(['signature-not-checked'])
      expect((await diagnose('expired', now)).codes).toContain('token-expired')
      expect((await diagnose('cross-tenant', now)).codes).toContain('tenant-not-allowed')
      const graph = await diagnose('graph', now)
      expect(graph.codes).toContain('graph-token')
      expect(graph.codes).toContain('wrong-api')
      expect((await diagnose('missing-role', now)).codes).not.toContain('token-expired')
    })
  }

  it('signs with RS256 under the demo key, so the demo key set verifies it', async () => {
    const { token } = await mintSample('healthy', CLOCKS[0] as Date)
    const [h, p, s] = token.split('.') as [string, string, string]
    const key = createPublicKey({ key: { ...DEMO_JWKS.keys[0] } as NodeJwk, format: 'jwk' })
    expect(verify('sha256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))).toBe(true)
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toMatchObject({
      alg: 'RS256',
      kid: 'claimcheck-demo-key-1',
    })
  })
})
