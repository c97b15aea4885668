import { FINDING_RULES, type FindingCode } from './catalogue.js'
import type { Finding, Severity } from './finding.js'
import { boundedText } from '../lib/bounded-text.js'

export interface FindingDetails {
  fix?: string
  claim?: string
  expected?: unknown
  actual?: unknown
  /** Overrides the catalogue's default severity where the context makes the condition worse or milder. */
  severity?: Severity
}

/**
 * The most characters a message, a fix or a quoted string carries. Messages quote token content (an issuer, an
 * audience, a kid), and a token may hold 250 kB in one claim: whatever it holds, a finding stays small.
 */
export const MAX_FINDING_TEXT = 1_000

function clip(text: string): string {
  return boundedText(text, MAX_FINDING_TEXT - 1)
}

/** Elements of a quoted list (a token's roles, say): the first ones, then how many more. */
const MAX_LISTED = 100

function clipValue(value: unknown): unknown {
  if (typeof value === 'string') return clip(value)
  if (!Array.isArray(value)) return value
  const shown = value.slice(0, MAX_LISTED).map((v: unknown) => (typeof v === 'string' ? clip(v) : v))
  return value.length > MAX_LISTED ? [...shown, `… and ${value.length - MAX_LISTED} more`] : shown
}

/** Builds a Finding with the catalogue's severity and general fix unless the caller gives more specific ones. */
export function makeFinding(code: FindingCode, message: string, details: FindingDetails = {}): Finding {
  const definition: { severity: Severity; fix?: string } = FINDING_RULES[code]
  const finding: Finding = { code, severity: details.severity ?? definition.severity, message: clip(message) }
  const fix = details.fix ?? definition.fix
  if (fix !== undefined) finding.fix = clip(fix)
  if (details.claim !== undefined) finding.claim = clip(details.claim)
  if (details.expected !== undefined) finding.expected = clipValue(details.expected)
  if (details.actual !== undefined) finding.actual = clipValue(details.actual)
  return finding
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Errors first, then warnings, then info; stable within a severity. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error')
}
