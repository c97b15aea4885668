import { CLAIM_REFERENCE, CLAIM_SOURCES, type ClaimExplanation, type ClaimLocation } from './reference.js'

// A Map, not an object literal: claim names come from tokens, and `__proto__` or `constructor` must find nothing.
let index: Map<string, ClaimExplanation> | null = null

function lookup(): Map<string, ClaimExplanation> {
  if (index === null) {
    index = new Map(CLAIM_REFERENCE.map((c) => [`${c.location}\u0000${c.name}`, c]))
  }
  return index
}

/**
 * The explanation of a header field or claim, or undefined for names it does not know. Names are
 * case-sensitive, as in JWTs (`TID` is not `tid`). Unlisted `xms_` claims get a generic explanation.
 */
export function explainClaim(name: string, location: ClaimLocation): ClaimExplanation | undefined {
  if (typeof name !== 'string') throw new TypeError('explainClaim: name must be a string')
  if (location !== 'header' && location !== 'payload')
    throw new TypeError("explainClaim: location must be 'header' or 'payload'")
  const known = lookup().get(`${location}\u0000${name}`)
  if (known !== undefined) return known
  if (location === 'payload' && /^xms_[a-z0-9_]+$/i.test(name)) {
    return {
      name,
      location,
      title: 'Microsoft-internal claim',
      description:
        'A Microsoft-internal claim (xms_ prefix) that this reference does not describe, and ClaimCheck does not guess its meaning. Entra adds such claims for its own services; do not authorize on it.',
      source: CLAIM_SOURCES.optional,
    }
  }
  return undefined
}
