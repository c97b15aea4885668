import { expect } from 'vitest'
import { isFindingCode, type FindingCode } from '../findings/catalogue.js'
import type { RequirementOptions } from '../token/options.js'
import type { Report } from '../report/report.js'
import type { AgentMode } from '../token/caller.js'
import { inspectToken } from '../token/inspect.js'

const AGENT_MODES: readonly AgentMode[] = ['autonomous', 'on-behalf-of-user', 'agent-user']
import { describeFindings, explainReport } from '../testing/describe-report.js'
import {
  acceptVerdict,
  apiLabel,
  grantVerdict,
  type GrantOptions,
  type ReportVerifier,
} from '../testing/verdicts.js'

interface MatcherResult {
  pass: boolean
  message: () => string
}

function requireToken(received: unknown, matcher: string): string {
  if (typeof received !== 'string') {
    throw new TypeError(
      `${matcher}: expect(token) needs the token as a string (raw, or "Bearer <jwt>"); got ${received === null ? 'null' : typeof received}.`,
    )
  }
  return received
}

function isReport(value: unknown): value is Report {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as { findings?: unknown }).findings)
  )
}

async function toGrant(
  this: { isNot: boolean },
  received: unknown,
  operation: string,
  options: GrantOptions = {},
): Promise<MatcherResult> {
  const v = grantVerdict(requireToken(received, 'toGrant'), operation, options)
  const on = `${operation} on ${apiLabel(options)}`
  return {
    pass: v.pass,
    message: () =>
      v.pass
        ? explainReport(
            `Expected the token not to grant ${on}, but it does${v.report.permissions.granted.length > 0 ? ` (granted by ${v.report.permissions.granted.join(', ')})` : ''}.`,
            v.report,
          )
        : explainReport(
            `Expected the token to grant ${on}, but it does not.${v.report.permissions.satisfied === null && v.reasons.length === 0 && v.report.token !== null ? ' No permission check ran: pass { api } (or require).' : ''}`,
            v.report,
            v.reasons,
          ),
  }
}

async function toBeAcceptedBy(
  this: { isNot: boolean },
  received: unknown,
  verifier: ReportVerifier,
  options: RequirementOptions = {},
): Promise<MatcherResult> {
  const v = await acceptVerdict(verifier, requireToken(received, 'toBeAcceptedBy'), options)
  const what = options.operation !== undefined ? ` for ${options.operation}` : ''
  return {
    pass: v.pass,
    message: () =>
      v.pass
        ? explainReport(`Expected the verifier to refuse the token${what}, but it accepted it.`, v.report)
        : explainReport(
            `Expected the verifier to accept the token${what}, but it refused it.`,
            v.report,
            v.reasons.length > 0 ? v.reasons : v.report.findings,
          ),
  }
}

function toHaveFinding(this: { isNot: boolean }, received: unknown, code: FindingCode): MatcherResult {
  if (typeof code !== 'string' || !isFindingCode(code))
    throw new TypeError(
      `toHaveFinding: ${JSON.stringify(code)} is not a ClaimCheck finding code (see docs/findings.md).`,
    )
  if (!isReport(received))
    throw new TypeError('toHaveFinding: expect(report) needs a Report from inspectToken or verifier.verify.')
  const matching = received.findings.filter((f) => f.code === code)
  return {
    pass: matching.length > 0,
    message: () =>
      matching.length > 0
        ? `Expected the report not to have finding ${code}, but it has:\n${describeFindings(matching)}`
        : `Expected the report to have finding ${code}; its findings are:\n${describeFindings(received.findings)}`,
  }
}

/**
 * The token (or Report) is an AI agent's (Microsoft Entra Agent ID), optionally of one mode. Reads the claims
 * offline: pair it with toBeAcceptedBy when the signature matters.
 */
function toBeAgent(this: { isNot: boolean }, received: unknown, mode?: AgentMode): MatcherResult {
  if (mode !== undefined && !AGENT_MODES.includes(mode))
    throw new TypeError(
      `toBeAgent: mode must be one of ${AGENT_MODES.join(', ')}; got ${JSON.stringify(mode)}.`,
    )
  const report = isReport(received) ? received : inspectToken(requireToken(received, 'toBeAgent'))
  const caller = report.token?.caller ?? null
  const actual = caller?.agent ?? null
  const pass = actual !== null && (mode === undefined || actual === mode)
  const wanted = mode === undefined ? 'an AI agent' : `an AI agent (${mode})`
  return {
    pass,
    message: () =>
      pass
        ? `Expected the token not to be ${wanted}, but it is: ${caller?.summary ?? ''}.`
        : `Expected the token to be ${wanted}, but ${actual === null ? 'it is not an agent' : `it is ${actual}`}${caller === null ? ' (not a decodable token)' : `: ${caller.summary}`}.`,
  }
}

export const claimcheckMatchers = { toGrant, toBeAcceptedBy, toHaveFinding, toBeAgent }

expect.extend(claimcheckMatchers)
