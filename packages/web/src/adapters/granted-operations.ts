import { BUILTIN_CATALOGS, checkPermissions, formatOperation, type TokenFacts } from '@claimcheck/core'

export interface GrantedOperations {
  granted: string[]
  total: number
}

/**
 * Which operations of a Defender API's catalog this token's permissions grant, decided by core's permission check
 * one operation at a time (so the answer is exactly what the matrix would say for each).
 */
export function grantedOperations(token: TokenFacts, api: 'mde' | 'm365d'): GrantedOperations {
  const catalog = BUILTIN_CATALOGS[api]
  const granted: string[] = []
  for (const op of catalog.operations) {
    const operation = formatOperation(op)
    if (checkPermissions(token, { api, operation }).satisfied) granted.push(operation)
  }
  return { granted, total: catalog.operations.length }
}
