import { BUILTIN_CATALOGS, capabilitiesOf, type TokenFacts } from '@claimcheck/core'

export interface GrantedOperations {
  granted: string[]
  total: number
}

/**
 * Which operations of a Defender API's catalog this token's permissions grant: core's capabilitiesOf (the same
 * judgement the Inspect view's "What this token can do" shows), flattened for the sign-in summary.
 */
export function grantedOperations(token: TokenFacts, api: 'mde' | 'm365d'): GrantedOperations {
  const capabilities = capabilitiesOf(token, BUILTIN_CATALOGS[api])
  const granted = capabilities.areas.flatMap((a) =>
    a.operations.filter((o) => o.granted).map((o) => o.operation),
  )
  return { granted, total: capabilities.total }
}
