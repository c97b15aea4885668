import type { KeyObject } from 'node:crypto'
import { BUILTIN_CATALOGS, type JsonObject, type JsonValue } from '@claimcheck/core'
import { sampleTemplate } from '../../src/demo/samples.js'
import type { SampleId } from '../../src/demo/sample-list.js'
import { mintToken, randomSegment } from '../support/mint-token.js'

/** The instant the paste-flow tests run at: the page's clock is pinned to it too (pinPageClock), never the wall clock. */
export const E2E_NOW = new Date('2026-11-15T12:00:00Z')

/** Real-shaped tokens for the paste flows, signed with the test's own key (never the demo key). */
export function tokenLike(id: SampleId, key: KeyObject, now = E2E_NOW): string {
  const t = sampleTemplate(id, Math.floor(now.getTime() / 1000), 'test-kid', randomSegment)
  return mintToken(t.header, t.payload, key)
}

/** Five segments: what an encrypted (JWE) token looks like. */
export const ENCRYPTED =
  'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGeipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZAYpQdb76FdIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je81860ppamavo35UgoRdbYaBcoh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ'

export const GARBAGE = 'this is not a token at all, just text someone pasted'

/** A sample-shaped token with claims replaced (`undefined` removes one), signed with the test's key. */
export function tokenWith(
  key: KeyObject,
  claims: Readonly<Record<string, JsonValue | undefined>>,
  now = E2E_NOW,
  id: SampleId = 'healthy',
): string {
  const t = sampleTemplate(id, Math.floor(now.getTime() / 1000), 'test-kid', randomSegment)
  const payload: JsonObject = { ...t.payload }
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined) delete payload[name]
    else payload[name] = value
  }
  return mintToken(t.header, payload, key)
}

/** Every application permission of Defender for Endpoint: 30 roles, the shape of a real all-permissions MDE token. */
export const ALL_MDE_ROLES: readonly string[] = BUILTIN_CATALOGS.mde.permissions
  .filter((p) => p.kind === 'application')
  .map((p) => p.value)
