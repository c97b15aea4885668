import { API_RESOURCES, apiForAudience, defaultScopeFor } from '../../entra/apis.js'
import type { Finding } from '../../findings/finding.js'
import { makeFinding } from '../../findings/make-finding.js'
import { describeType } from '../facts.js'
import { ownValue } from '../json.js'
import type { TokenFacts } from '../report.js'
import type { RequirementOptions } from '../options.js'

/**
 * Does the token's aud satisfy an expected audience? Comparison is ordinal, as Entra's own validators do: a
 * different case or an added slash is another audience. The one widening: an expected Defender identifier accepts
 * every identifier URI of the same resource exactly as Entra writes them (each with or without its trailing slash)
 * and the resource's appId.
 */
function audienceMatches(actual: string, expected: string): boolean {
  if (actual === expected) return true
  const expectedApi = apiForAudience(expected)
  if (expectedApi === null || expectedApi === 'graph') return false
  const resource = API_RESOURCES[expectedApi]
  return actual === resource.appId || resource.identifierUris.some((uri) => actual === uri || actual === `${uri}/`)
}

/** Says when an expected audience stands for a whole Defender resource, so a reader knows aliases were accepted. */
function describeExpected(expected: string): string {
  const api = apiForAudience(expected)
  if (api === null || api === 'graph') return expected
  return `${expected} (${API_RESOURCES[api].name}; any of its ${API_RESOURCES[api].identifierUris.length} identifier URIs or its application ID matches)`
}

export function checkAudience(facts: TokenFacts, expected: readonly string[], api: RequirementOptions['api']): Finding[] {
  const findings: Finding[] = []
  const aud = ownValue(facts.payload, 'aud')
  if (facts.api === 'graph') {
    const why = Object.hasOwn(facts.header, 'nonce')
      ? 'its header carries a nonce, and the signature covers a hash of it, so only Graph can verify it'
      : 'only Graph validates tokens for Graph'
    findings.push(makeFinding('graph-token', `This token is for Microsoft Graph: ${why}.`, { claim: 'aud', actual: aud ?? null }))
  }
  if (facts.kind === 'id-token') {
    findings.push(makeFinding('id-token-as-access-token', `This is an ID token (${facts.kindReason}), not an access token for an API.`, { claim: 'aud', actual: aud ?? null }))
  }
  if (typeof aud !== 'string') {
    findings.push(makeFinding('audience-not-single', aud === undefined ? 'The token has no aud claim.' : `aud is ${describeType(aud)}; Entra writes exactly one audience as a string.`, { claim: 'aud', actual: aud ?? null }))
    return findings
  }
  const wanted = [...expected]
  if (wanted.length === 0 && api !== undefined) wanted.push(...API_RESOURCES[api].identifierUris)
  if (wanted.length === 0 || wanted.some((e) => audienceMatches(aud, e))) return findings

  const tokenApi = apiForAudience(aud)
  const wantedApi = api ?? apiForAudience(wanted[0] as string)
  if (wantedApi !== null && tokenApi !== null && tokenApi !== wantedApi) {
    const scope = defaultScopeFor(wantedApi, facts.cloud ?? 'public')
    findings.push(makeFinding('wrong-api', `The token is for ${API_RESOURCES[tokenApi].name} (aud ${aud}), but the call goes to ${API_RESOURCES[wantedApi].name}.`, {
      claim: 'aud', expected: wanted[0], actual: aud,
      ...(scope !== null ? { fix: `Request the token with scope ${scope}.` } : {}),
    }))
    return findings
  }
  const shown = wantedApi !== null && expected.length === 0
    ? `${API_RESOURCES[wantedApi].name} (${API_RESOURCES[wantedApi].resourceByCloud.public ?? wanted[0]} or any of its identifiers)`
    : wanted.map(describeExpected).join(' or ')
  const scope = wantedApi !== null ? defaultScopeFor(wantedApi, facts.cloud ?? 'public') : null
  findings.push(makeFinding('audience-mismatch', `aud is ${aud}; expected ${shown}.`, {
    claim: 'aud', expected: wanted, actual: aud,
    ...(scope !== null ? { fix: `Request the token with scope ${scope}.` } : {}),
  }))
  return findings
}
