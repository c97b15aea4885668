import { API_RESOURCES, isKnownApiId, refusedAudience } from './apis.js'
import type { CloudName } from './clouds.js'
import type { Finding } from '../findings/finding.js'
import { makeFinding } from '../findings/make-finding.js'
import { boundedText } from '../lib/bounded-text.js'

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
      `aud is ${boundedText(aud, 100)}: an identifier of ${target.name}'s own resource that Entra will write into tokens, but which the API answers with 403 (reported in ${refused.source}).`,
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
      `The token is for ${API_RESOURCES[tokenApi].name} (aud ${boundedText(aud, 100)}), but the call goes to ${target.name}.`,
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
    `aud is ${boundedText(aud, 100)}; ${target.name} accepts ${target.identifierUris[0] ?? target.appId ?? 'another audience'} or any of its identifiers.`,
    {
      claim: 'aud',
      expected: [...target.identifierUris],
      actual: aud,
      ...fix,
    },
  )
}
