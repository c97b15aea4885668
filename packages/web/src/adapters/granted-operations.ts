import { builtinCatalog, capabilitiesOf, type TokenFacts } from '@claimcheck/core'

export interface GrantedOperations {
  granted: string[]
  total: number
}

/**
 * Which operations of a Defender API's catalog this token's permissions grant: core's capabilitiesOf (the same
 * judgement the Inspect view's "What this token can do" shows), flattened for the sign-in summary.
 */
export function grantedOperations(token: TokenFacts, api: 'mde' | 'm365d'): GrantedOperations | null {
  // The sign-in panel's chunk loads with every catalog (loadAllCatalogs); null only if that failed.
  const catalog = builtinCatalog(api)
  if (catalog === null) return null
  const capabilities = capabilitiesOf(token, catalog)
  const granted = capabilities.areas.flatMap((a) =>
    a.operations.filter((o) => o.granted).map((o) => o.operation),
  )
  return { granted, total: capabilities.total }
}
