import {
  API_RESOURCES,
  apiForAudience,
  defaultScopeFor,
  isKnownApiId,
  refusedAudience,
} from '../../entra/apis.js'
import type { CloudName } from '../../entra/clouds.js'
import type { Finding } from '../../findings/finding.js'
import { makeFinding } from '../../findings/make-finding.js'
import { clip } from '../../permissions/text.js'
import { describeType } from '../facts.js'
import { ownValue } from '../json.js'
import type { TokenFacts } from '../report.js'
import type { RequirementOptions } from '../options.js'

/** What the audience rule needs to know about the API being called: a known API or a permission catalog. */
export interface AudienceTarget {
  id: string
  name: string
  appId: string | null
  identifierUris: readonly string[]
  resourceByCloud?: Partial<Readonly<Record<CloudName, string>>>
}

/** What the audience rule reads from a token. */
export interface AudienceSubject {
  audience: string | null
  api: string | null
  cloud: CloudName | null
}

/**
 * The audience rule, in one place: does an API accept this `aud`? Ordinal, as Entra's own validators compare: one
 * of the API's identifier URIs exactly as Entra writes it (with or without its trailing slash), or the resource's
 * appId. A different case or an extra slash is another audience. Identifiers the API refuses are never accepted.
 */
export function acceptsAudience(target: AudienceTarget, aud: string): boolean {
  const listed =
    aud === target.appId ||
    target.identifierUris.some((uri) => aud === uri || aud === `${uri}/` || `${aud}/` === uri)
  // A refused identifier listed by mistake (a custom catalog reusing a known API's id) is still refused.
  return listed && !(isKnownApiId(target.id) && refusedAudience(target.id, aud) !== null)
}

function scopeFix(target: AudienceTarget, cloud: CloudName | null): { fix: string } | Record<string, never> {
  const resource = target.resourceByCloud?.[cloud ?? 'public'] ?? target.identifierUris[0]
  return resource === undefined
    ? {}
    : { fix: `Request the token with scope ${resource.replace(/(?<!\/)\/+$/, '')}/.default.` }
}

/**
 * Is the token for the called API? Null when it is, else the one finding that says why not: the API refuses this
 * identifier of its own resource (`audience-refused-by-api`), the token is for another known API (`wrong-api`), or
 * for something else (`audience-mismatch`). Each names the exact scope to request. Null when the token has no
 * single aud (audience-not-single says so).
 */
export function resourceFinding(subject: AudienceSubject, target: AudienceTarget): Finding | null {
  const aud = subject.audience
  if (aud === null || acceptsAudience(target, aud)) return null
  const fix = scopeFix(target, subject.cloud)
  const refused = isKnownApiId(target.id) ? refusedAudience(target.id, aud) : null
  if (refused !== null) {
    return makeFinding(
      'audience-refused-by-api',
      `aud is ${clip(aud)}: an identifier of ${target.name}'s own resource that Entra will write into tokens, but which the API answers with 403 (reported in ${refused.source}).`,
      {
        claim: 'aud',
        expected: target.identifierUris[0],
        actual: aud,
        ...fix,
      },
    )
  }
  const tokenApi = subject.api
  if (tokenApi !== null && isKnownApiId(tokenApi) && tokenApi !== target.id) {
    return makeFinding(
      'wrong-api',
      `The token is for ${API_RESOURCES[tokenApi].name} (aud ${clip(aud)}), but the call goes to ${target.name}.`,
      {
        claim: 'aud',
        expected: target.identifierUris[0],
        actual: aud,
        ...fix,
      },
    )
  }
  return makeFinding(
    'audience-mismatch',
    `aud is ${clip(aud)}; ${target.name} accepts ${target.identifierUris[0] ?? target.appId ?? 'another audience'} or any of its identifiers.`,
    {
      claim: 'aud',
      expected: [...target.identifierUris],
      actual: aud,
      ...fix,
    },
  )
}

/**
 * Does the token's aud satisfy an expected audience? Ordinal, as above; an expected Defender identifier stands for
 * its whole resource (every identifier URI the API accepts, and the resource's appId).
 */
function audienceMatches(actual: string, expected: string): boolean {
  if (actual === expected) return true
  const expectedApi = apiForAudience(expected)
  if (expectedApi === null || expectedApi === 'graph') return false
  return acceptsAudience(API_RESOURCES[expectedApi], actual)
}

/** Says when an expected audience stands for a whole Defender resource, so a reader knows aliases were accepted. */
function describeExpected(expected: string): string {
  const api = apiForAudience(expected)
  if (api === null || api === 'graph') return expected
  return `${expected} (${API_RESOURCES[api].name}; any of its ${API_RESOURCES[api].identifierUris.length} identifier URIs or its application ID matches)`
}

export function checkAudience(
  facts: TokenFacts,
  expected: readonly string[],
  api: RequirementOptions['api'],
): Finding[] {
  const findings: Finding[] = []
  const aud = ownValue(facts.payload, 'aud')
  if (facts.api === 'graph') {
    const why = Object.hasOwn(facts.header, 'nonce')
      ? 'its header carries a nonce, and the signature covers a hash of it, so only Graph can verify it'
      : 'only Graph validates tokens for Graph'
    findings.push(
      makeFinding('graph-token', `This token is for Microsoft Graph: ${why}.`, {
        claim: 'aud',
        actual: aud ?? null,
      }),
    )
  }
  if (facts.kind === 'id-token') {
    findings.push(
      makeFinding(
        'id-token-as-access-token',
        `This is an ID token (${facts.kindReason}), not an access token for an API.`,
        { claim: 'aud', actual: aud ?? null },
      ),
    )
  }
  if (typeof aud !== 'string') {
    findings.push(
      makeFinding(
        'audience-not-single',
        aud === undefined
          ? 'The token has no aud claim.'
          : `aud is ${describeType(aud)}; Entra writes exactly one audience as a string.`,
        { claim: 'aud', actual: aud ?? null },
      ),
    )
    return findings
  }
  const subject: AudienceSubject = { audience: aud, api: facts.api, cloud: facts.cloud }
  if (expected.length === 0) {
    // The API named by the request, else the token's own: a refused identifier is refused with or without a request.
    const target =
      api !== undefined && isKnownApiId(api)
        ? api
        : facts.api !== null && isKnownApiId(facts.api)
          ? facts.api
          : null
    if (target === null) return findings
    if (api === undefined && refusedAudience(target, aud) === null) return findings
    const finding = resourceFinding(subject, API_RESOURCES[target])
    if (finding) findings.push(finding)
    return findings
  }
  if (expected.some((e) => audienceMatches(aud, e))) return findings

  const tokenApi = apiForAudience(aud)
  const wantedApi = api !== undefined && isKnownApiId(api) ? api : apiForAudience(expected[0] as string)
  if (wantedApi !== null && tokenApi !== null && tokenApi !== wantedApi) {
    const scope = defaultScopeFor(wantedApi, facts.cloud ?? 'public')
    findings.push(
      makeFinding(
        'wrong-api',
        `The token is for ${API_RESOURCES[tokenApi].name} (aud ${clip(aud)}), but the call goes to ${API_RESOURCES[wantedApi].name}.`,
        {
          claim: 'aud',
          expected: expected[0],
          actual: aud,
          ...(scope !== null ? { fix: `Request the token with scope ${scope}.` } : {}),
        },
      ),
    )
    return findings
  }
  if (wantedApi !== null && refusedAudience(wantedApi, aud) !== null) {
    const finding = resourceFinding(subject, API_RESOURCES[wantedApi])
    if (finding) findings.push(finding)
    return findings
  }
  const scope = wantedApi !== null ? defaultScopeFor(wantedApi, facts.cloud ?? 'public') : null
  findings.push(
    makeFinding(
      'audience-mismatch',
      `aud is ${clip(aud)}; expected ${expected
        .slice(0, 5)
        .map((e) => clip(describeExpected(e), 300))
        .join(' or ')}${expected.length > 5 ? ` or ${expected.length - 5} more` : ''}.`,
      {
        claim: 'aud',
        expected: [...expected],
        actual: aud,
        ...(scope !== null ? { fix: `Request the token with scope ${scope}.` } : {}),
      },
    ),
  )
  return findings
}
