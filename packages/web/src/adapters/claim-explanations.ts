// The seam between the claims table and core's claim reference. Until core exports explainClaim (being built on
// another branch), `explainClaim` is null and the table shows claims without explanations rather than invented ones.

export type ClaimLocation = 'header' | 'payload'

/** What core's claim reference says about a claim (mirrors core's shape; extra fields are ignored). */
export interface ClaimExplanation {
  name: string
  location: ClaimLocation
  title: string
  description: string
  versions?: readonly string[] | string
  format?: string
  neverAuthorizeOn?: boolean | string
}

export type ClaimExplainer = (name: string, location: ClaimLocation) => ClaimExplanation | undefined

export const explainClaim: ClaimExplainer | null = null
