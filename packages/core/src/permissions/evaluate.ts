import type { Finding } from '../findings/finding.js'
import type { RequirementOptions } from '../token/options.js'
import type { PermissionReport, TokenFacts } from '../token/report.js'
import { checkPermissions } from './check.js'
import type { PermissionRequirement } from './types.js'

// The audience check reports these when it knows the called API; checkPermissions may find the same mismatch.
const RESOURCE_CODES: ReadonlySet<string> = new Set(['wrong-api', 'audience-mismatch'])

/**
 * The pipeline's permission step: runs checkPermissions when an operation or required permissions were given,
 * and drops resource findings the audience check already made. report is null when nothing was asked.
 */
export function evaluatePermissions(facts: TokenFacts, options: RequirementOptions, earlier: readonly Finding[]): { report: PermissionReport | null; findings: Finding[] } {
  const require = options.require ?? []
  if (options.operation === undefined && require.length === 0) return { report: null, findings: [] }
  // Built without object spread (slow in V8 on this hot path); the same members in the same order.
  const requirement: PermissionRequirement = {}
  if (options.catalog !== undefined) requirement.catalog = options.catalog
  else if (options.api !== undefined) requirement.api = options.api
  if (options.operation !== undefined) requirement.operation = options.operation
  requirement.require = require
  const check = checkPermissions(facts, requirement)
  const resourceSaid = earlier.some((f) => RESOURCE_CODES.has(f.code))
  const findings = check.findings.filter((f) => !(resourceSaid && RESOURCE_CODES.has(f.code)))
  const unknownOnly = check.findings.some((f) => f.code === 'operation-unknown') && check.allOf.length === 0
  return {
    report: {
      required: check.required,
      satisfied: unknownOnly ? null : check.satisfied,
      granted: check.granted,
      missing: check.missing,
      context: check.context,
      operation: check.operation,
      api: check.api,
      anyOf: check.anyOf,
      allOf: check.allOf,
      source: check.source,
    },
    findings,
  }
}
