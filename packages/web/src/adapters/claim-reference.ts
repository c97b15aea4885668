// Lazily loaded by loadClaimExplainer: core's claim reference (every claim's text) stays out of the paste path.
export { explainClaim } from '@claimcheck/core'
