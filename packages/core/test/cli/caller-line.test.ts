import { describe, expect, it } from 'vitest'
import { renderReport } from '../../src/cli/output/report.js'
import { inspect } from '../fixtures/inspect.js'
import { buildToken, CLIENT, NOW, TENANT, v1AppOnlyClaims, v2DelegatedClaims } from '../fixtures/tokens.js'

const render = (claims: Record<string, unknown>) =>
  // Wrapped lines joined: the words matter, not where the terminal breaks them.
  renderReport(inspect(buildToken({ payload: claims })), { colour: false, now: NOW }).replace(/\s+/g, ' ')
const BLUEPRINT = '30cf4c22-9985-4ef7-8756-91cc888176bd'

describe('the CLI says who calls, in words', () => {
  it('an autonomous agent: "AI agent <id> acting as itself"', () => {
    const out = render(
      v1AppOnlyClaims({
        sub: 'agent-sub',
        xms_sub_fct: '9 3 11',
        xms_act_fct: '3 9 11',
        xms_par_app_azp: BLUEPRINT,
      }),
    )
    expect(out).toMatch(
      new RegExp(`Caller\\s+AI agent ${CLIENT} \\(blueprint ${BLUEPRINT}\\) acting as itself`),
    )
    expect(out).toMatch(/decided by rule agent-autonomous/)
  })

  it('an agent for a user: "AI agent <id> acting for user <upn>"', () => {
    const claims = v2DelegatedClaims({ xms_act_fct: '11', xms_par_app_azp: BLUEPRINT })
    const out = render(claims)
    expect(out).toMatch(
      new RegExp(
        `Caller\\s+AI agent ${CLIENT} \\(blueprint ${BLUEPRINT}\\) acting for user ${String(claims.preferred_username)}`,
      ),
    )
  })

  it('a guest, a secret-authenticated app, an External ID tenant', () => {
    expect(render(v2DelegatedClaims({ xms_idrel: '5' }))).toMatch(/Caller\s+User .*, a guest in the tenant/)
    expect(render(v1AppOnlyClaims({ appidacr: '1' }))).toMatch(/Caller\s+authenticated with a client secret/)
    expect(render(v2DelegatedClaims({ iss: `https://${TENANT}.ciamlogin.com/${TENANT}/v2.0` }))).toMatch(
      /Caller\s+Microsoft Entra External ID tenant/,
    )
  })
})
