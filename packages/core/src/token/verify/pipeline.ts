import type { CloudName } from '../../entra/clouds.js'
import type { TokenVersion } from '../../entra/issuers.js'
import type { KeyLookup, KeySetSource, KeySetStore } from '../../entra/keyset/store.js'
import type { Finding } from '../../findings/finding.js'
import { makeFinding } from '../../findings/make-finding.js'
import { analyzeToken, toReport, type Analysis } from '../analyze.js'
import { NO_PERMISSION_CHECK } from '../../permissions/no-check.js'
import { lifecycleFindings } from '../../permissions/lifecycle/judge.js'
import { checkLifetime } from '../checks/lifetime.js'
import type { DecodedToken } from '../decode.js'
import type { NormalizedInput } from '../normalize.js'
import type { InspectOptions } from '../options.js'
import type { Report, SignatureReport, SignatureStatus, TokenFacts } from '../../report/report.js'
import { chooseKey, type KeyChoice, type KeyPolicy } from './choose-key.js'
import { checkKeyIssuer, keyNotFound, keysUnavailable, noFetch } from './key-rules.js'
import type { ResolvedVerifierOptions } from './options.js'
import type { ReadRequest } from './request.js'
import type { EvaluatePermissions } from './permission-memo.js'
import type { Rs256Verifier } from './rs256/backend.js'

/** What one verifier holds: its configuration, its key sets and its cryptography. */
export interface VerifierContext {
  config: ResolvedVerifierOptions
  policy: KeyPolicy
  store: KeySetStore | null
  rs256: Rs256Verifier
  skewSeconds: number
  /** The permission step, wrapped in this verifier's decision memo. */
  evaluate: EvaluatePermissions
  /** Where a tenant's keys are, for a cloud and token version (built from configuration and the allowed tid only). */
  keySetSource(cloud: CloudName, tid: string, version: TokenVersion, authority?: string): KeySetSource
}

/**
 * Which key verified a signature, so that a remembered result is used only while that key is still published:
 * a withdrawn key must stop working for remembered tokens exactly when it does for new ones.
 */
export interface KeyProof {
  source: KeySetSource
  kid: string
  /** The key's modulus: the same kid with other material is another key. */
  n: string
}

/** A verification's Report, and what may be remembered of it: everything but the time checks. */
export interface Verification {
  report: Report
  /** Present when the signature is valid: the analysis without time findings, to rebuild the Report at another now. */
  timeless: {
    facts: TokenFacts
    signature: SignatureReport
    permissions: Report['permissions']
    findings: readonly Finding[]
    proof: KeyProof
  } | null
}

/** What is remembered of a valid signature for an exact token: its report and the key that made it. */
export interface KnownSignature {
  signature: SignatureReport
  proof: KeyProof
}

interface SignatureOutcome {
  status: SignatureStatus
  jwksUri: string | null
  findings: Finding[]
  /** With a valid signature: the key that verified it. */
  proof?: KeyProof
}

/** Whether the key behind a remembered signature is still in the key set, as a fresh lookup would find it. */
export function stillPublished(ctx: VerifierContext, proof: KeyProof): boolean {
  const found = ctx.store?.peek(proof.source, proof.kid)
  return found != null && found.status === 'found' && found.key.jwk.n === proof.n
}

/** What analyzeToken checks for a verifier: its configuration, and what the call asked. Built field by field. */
function inspectOptions(config: ResolvedVerifierOptions, request: ReadRequest, now: Date): InspectOptions {
  const { api, operation, require, catalog } = request.requirement
  return {
    now,
    audience: config.audience.length > 0 ? config.audience : undefined,
    tenants: config.tenants,
    clientApps: config.clientApps,
    clockSkew: config.clockSkew,
    api,
    operation,
    require,
    catalog,
  }
}

/** The key lookup (synchronous when the key is at hand), the RSA check, then the rule on the key's issuer. */
function checkSignature(
  ctx: VerifierContext,
  token: DecodedToken,
  facts: TokenFacts,
  known: KnownSignature | null,
): SignatureOutcome | Promise<SignatureOutcome> {
  const choice = chooseKey(token, facts, ctx.policy)
  if (choice.decided) return { status: choice.status, jwksUri: null, findings: choice.findings }
  const findings = choice.findings
  // This exact token verified before (with another request), and its key is still published: the same answer.
  if (known !== null && known.signature.status === 'valid')
    return { status: 'valid', jwksUri: known.signature.jwksUri, findings, proof: known.proof }
  if (ctx.store === null) return { status: 'error', jwksUri: null, findings: [...findings, noFetch()] }

  const source = ctx.keySetSource(choice.cloud, choice.tid, choice.version, choice.authority)
  const store = ctx.store
  const peeked = store.peek(source, choice.kid)
  if (peeked !== null) return withKey(ctx, token, choice, source, peeked)
  return store.lookup(source, choice.kid).then((lookup) => withKey(ctx, token, choice, source, lookup))
}

function withKey(
  ctx: VerifierContext,
  token: DecodedToken,
  choice: KeyChoice,
  source: KeySetSource,
  lookup: KeyLookup,
): SignatureOutcome | Promise<SignatureOutcome> {
  const findings = choice.findings
  if (lookup.status === 'unavailable')
    return {
      status: 'error',
      jwksUri: lookup.url,
      findings: [...findings, keysUnavailable(lookup, choice.tid)],
    }
  if (lookup.status === 'not-found') {
    return {
      status: 'invalid',
      jwksUri: lookup.jwksUri,
      findings: [...findings, keyNotFound(lookup, choice.kid, choice.cloud, ctx.config.appId !== null)],
    }
  }
  const key = lookup.key
  const jwksUri = lookup.jwksUri
  const conclude = (valid: boolean): SignatureOutcome => {
    if (!valid) {
      const where = jwksUri ?? '(given with the jwks option)'
      return {
        status: 'invalid',
        jwksUri,
        findings: [
          ...findings,
          makeFinding(
            'signature-invalid',
            `The signature does not verify with key "${choice.kid}" from ${where}.`,
            { claim: 'signature' },
          ),
        ],
      }
    }
    const keyIssuer = checkKeyIssuer(key, choice.iss, choice.tid, choice.cloud)
    return keyIssuer === null
      ? { status: 'valid', jwksUri, findings, proof: { source, kid: choice.kid, n: key.jwk.n } }
      : { status: 'invalid', jwksUri, findings: [...findings, keyIssuer] }
  }
  const checked = ctx.rs256.verify(key, token.signingInput, token.signatureSegment)
  return typeof checked === 'boolean' ? conclude(checked) : checked.then(conclude)
}

/**
 * analyze → choose key → signature → key rules → time → Report (docs/verification.md). The permission check is part
 * of the analysis, against what the call asked; nothing the call sends can change the configuration. Synchronous
 * when the key is at hand and the RSA check runs on this thread: no promise, no extra turn.
 */
export function verifyToken(
  ctx: VerifierContext,
  raw: string,
  request: ReadRequest,
  now: Date,
  known: KnownSignature | null = null,
  normalized?: NormalizedInput,
): Verification | Promise<Verification> {
  const analysis: Analysis = analyzeToken(raw, inspectOptions(ctx.config, request, now), {
    time: false,
    requirement: request.compiled,
    evaluate: ctx.evaluate,
    ...(normalized !== undefined ? { normalized } : {}),
  })
  // A request that cannot be read refuses the token; its findings come first, in both the cached and uncached paths.
  if (request.findings.length > 0) analysis.findings.unshift(...request.findings)
  const { decoded, facts } = analysis
  if (decoded === null || facts === null) return { report: toReport(analysis), timeless: null }
  const pending = checkSignature(ctx, decoded, facts, known)
  return 'then' in pending
    ? pending.then((signature) => conclude(ctx, analysis, decoded, facts, signature, now))
    : conclude(ctx, analysis, decoded, facts, pending, now)
}

function conclude(
  ctx: VerifierContext,
  analysis: Analysis,
  decoded: DecodedToken,
  facts: TokenFacts,
  signature: SignatureOutcome,
  now: Date,
): Verification {
  analysis.signature = {
    status: signature.status,
    kid: analysis.signature.kid,
    jwksUri: signature.jwksUri,
    alg: analysis.signature.alg,
  }
  analysis.findings.push(...signature.findings)
  const timeless =
    signature.status === 'valid' && signature.proof !== undefined
      ? {
          facts,
          signature: analysis.signature,
          permissions: analysis.permissions,
          findings: analysis.findings.slice(),
          proof: signature.proof,
        }
      : null
  // The time checks run last, against this call's now: they are all a remembered result has to rerun.
  analysis.findings.push(
    ...checkLifetime(decoded.payload, now.getTime(), ctx.skewSeconds),
    ...lifecycleFindings(facts, analysis.permissions, now.getTime()),
  )
  const report = toReport(analysis)
  if (signature.status !== 'valid') report.ok = false
  return { report, timeless }
}

/** The Report of a verification that could not finish: refused, never thrown at the caller. */
export function failedVerification(cause: unknown): Report {
  const what = cause instanceof Error ? `${cause.name}: ${cause.message}` : 'a non-Error value was thrown'
  return {
    ok: false,
    verdict: 'refused',
    token: null,
    signature: { status: 'error', kid: null, jwksUri: null, alg: null },
    permissions: NO_PERMISSION_CHECK,
    findings: [
      makeFinding('verification-failed', `The verifier could not finish (${what}); the token is refused.`),
    ],
  }
}
