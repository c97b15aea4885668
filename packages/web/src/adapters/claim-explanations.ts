// The seam between the claims table and core's claim reference. The reference (texts for every claim) is loaded
// after the first diagnosis is on screen, in its own chunk, so it never weighs on the paste path. A build without a
// reference would yield null, and the table then shows claims without explanations rather than invented ones.

import type { ClaimExplanation, ClaimLocation } from '@claimcheck/core'

export type { ClaimExplanation, ClaimLocation }

export type ClaimExplainer = (name: string, location: ClaimLocation) => ClaimExplanation | undefined

export async function loadClaimExplainer(): Promise<ClaimExplainer | null> {
  const { explainClaim } = await import('./claim-reference.js')
  return explainClaim
}
