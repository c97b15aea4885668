import type { Finding } from '../findings/finding.js'
import { makeFinding, sortFindings, hasErrors } from '../findings/make-finding.js'
import { checkAudience } from './checks/audience.js'
import { checkClientApp } from './checks/caller.js'
import { checkIssuer, checkTenant } from './checks/issuer.js'
import { checkLifetime } from './checks/lifetime.js'
import { decodeToken, type DecodedToken } from './decode.js'
import { readTokenFacts, stringClaim } from './facts.js'
import { normalizeInput, type NormalizedInput } from './normalize.js'
import { evaluatePermissions } from '../permissions/evaluate.js'
import { NO_PERMISSION_CHECK } from '../permissions/no-check.js'
import { compileRequirement, type RequirementCompilation } from '../permissions/requirement.js'
import { checkHostCloud } from './checks/host-cloud.js'
import { lifecycleFindings } from '../permissions/lifecycle/judge.js'
import { DEFAULT_CLOCK_SKEW_SECONDS, readClock, toList, type InspectOptions } from './options.js'
import { verdictOf } from './verdict.js'
import type { PermissionReport, Report, SignatureReport, TokenFacts } from '../report/report.js'

/** Everything the offline pipeline learned; the verifier adds the signature and finishes the Report. */
export interface Analysis {
  decoded: DecodedToken | null
  facts: TokenFacts | null
  signature: SignatureReport
  permissions: PermissionReport
  findings: Finding[]
}

/** Checks that depend on the clock; the verifier re-runs these for cached results. */
export function timeFindings(facts: TokenFacts, options: InspectOptions): Finding[] {
  const now = readClock(options.now).getTime()
  return checkLifetime(facts.payload, now, options.clockSkew ?? DEFAULT_CLOCK_SKEW_SECONDS)
}

/** Which check groups analyzeToken runs; the verifier runs the time checks itself, after the signature. */
export interface AnalyzeStages {
  time?: boolean
  /** The input already normalized (the verifier normalizes once, for its cache key and for the analysis). */
  normalized?: NormalizedInput
  /** The requirement, already compiled (the verifier reads its request once); otherwise compiled from options. */
  requirement?: RequirementCompilation
  /** The permission step; a verifier passes evaluatePermissions wrapped in its decision memo. */
  evaluate?: typeof evaluatePermissions
}

/** normalize → decode → classify → checks. Pure and synchronous; the clock is read once. */
export function analyzeToken(
  raw: string,
  options: InspectOptions = {},
  stages: AnalyzeStages = {},
): Analysis {
  const findings: Finding[] = []
  const normalized = stages.normalized ?? normalizeInput(typeof raw === 'string' ? raw : '')
  if (typeof raw !== 'string') {
    findings.push(
      makeFinding('token-malformed', `The input is ${raw === null ? 'null' : typeof raw}, not text.`),
    )
  } else if (normalized.removed.length > 0) {
    findings.push(
      makeFinding('input-normalized', `Removed ${normalized.removed.join(', ')} before decoding.`, {
        actual: normalized.removed,
      }),
    )
  }
  const decoded = typeof raw === 'string' ? decodeToken(normalized.token) : { token: null, findings: [] }
  findings.push(...decoded.findings)
  const token = decoded.token
  const signature: SignatureReport = {
    status: 'not-checked',
    kid: token ? stringClaim(token.header, 'kid') : null,
    jwksUri: null,
    alg: token ? stringClaim(token.header, 'alg') : null,
  }
  if (!token) return { decoded: null, facts: null, signature, permissions: NO_PERMISSION_CHECK, findings }

  const facts = readTokenFacts(token, findings)
  // The clock is read once: the lifetime and the lifecycle checks judge the same instant.
  const now = stages.time === false ? null : readClock(options.now)
  findings.push(
    ...(now === null ? [] : timeFindings(facts, { now, clockSkew: options.clockSkew })),
    ...checkIssuer(token.payload),
    ...checkTenant(token.payload, options.tenants),
    ...checkAudience(facts, toList(options.audience), options.api),
    ...checkClientApp(facts, options.clientApps),
  )
  const requirement = stages.requirement ?? compileRequirement(options)
  const permissions = (stages.evaluate ?? evaluatePermissions)(facts, requirement, findings)
  findings.push(...permissions.findings)
  // Outside the permission memo: the token's cloud is not part of its key.
  findings.push(...checkHostCloud(facts.cloud, requirement.ok ? requirement.value.operation : undefined))
  // Dated lifecycles are judged after the permission decision, at this call's clock (the verifier does the same).
  if (now !== null) findings.push(...lifecycleFindings(facts, permissions.report, now.getTime()))
  return {
    decoded: token,
    facts,
    signature,
    permissions: permissions.report ?? NO_PERMISSION_CHECK,
    findings,
  }
}

export function toReport(analysis: Analysis): Report {
  const findings = sortFindings(analysis.findings)
  return {
    ok: analysis.facts !== null && !hasErrors(findings),
    verdict: verdictOf({
      token: analysis.facts,
      signature: analysis.signature,
      permissions: analysis.permissions,
      findings,
    }),
    token: analysis.facts,
    signature: analysis.signature,
    permissions: analysis.permissions,
    findings,
  }
}
