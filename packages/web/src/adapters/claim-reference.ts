import type { ClaimExplainer } from './claim-explanations.js'

// Lazily loaded by loadClaimExplainer. When core exports explainClaim, this becomes
// `export { explainClaim } from '@claimcheck/core'` (its shape is ClaimExplainer's).
export const explainClaim: ClaimExplainer | null = null
