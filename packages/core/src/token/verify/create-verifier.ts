import { isGuid, type CloudName } from '../../entra/clouds.js'
import { discoveryTarget, type DiscoveryTarget } from '../../entra/discovery.js'
import { parseEntraIssuer, expectedIssuer, type TokenVersion } from '../../entra/issuers.js'
import { createKeySetStore, createStaticKeySetStore, type KeyLookup, type KeySetSource, type KeySetStore } from '../../entra/keyset/store.js'
import type { AcceptedKey } from '../../entra/keyset/accept-key.js'
import type { Finding } from '../../findings/finding.js'
import { makeFinding } from '../../findings/make-finding.js'
import { analyzeToken, timeFindings, toReport, type Analysis } from '../analyze.js'
import { checkLifetime } from '../checks/lifetime.js'
import { deepFreeze } from '../freeze.js'
import { hasErrors, sortFindings } from '../../findings/make-finding.js'
import { normalizeInput } from '../normalize.js'
import { requirementKey } from '../../permissions/requirement-key.js'
import type { DecodedToken } from '../decode.js'
import { stringClaim } from '../facts.js'
import { ownValue } from '../json.js'
import { DEFAULT_CLOCK_SKEW_SECONDS, readClock, type InspectOptions, type RequirementOptions } from '../options.js'
import type { Report, SignatureReport, TokenFacts } from '../report.js'
import { MAX_KID_LENGTH } from '../../entra/keyset/accept-key.js'
import { resolveVerifierOptions, type ResolvedVerifierOptions, type VerifierOptions } from './options.js'
import { createResultCache, type CachedAnalysis, type ResultCache } from './result-cache.js'
import { likelyKey, sameKeyMaterial } from './early-key.js'
import { verifyRs256 } from './signature.js'
import { verdictOf } from '../verdict.js'

export interface Verifier {
  /**
   * Everything inspectToken checks, plus discovery, the key set and the signature. Never throws; never ok unless the
   * signature is valid. Treat the Report as read-only: Reports served from the verified-result cache share its
   * (frozen) token facts, permissions and findings.
   */
  verify(raw: string, request?: RequirementOptions): Promise<Report>
}

/** Findings from decoding that make a signature check meaningless: the token is refused as it stands. */
const STRUCTURAL_BLOCKERS = new Set(['token-unsigned', 'duplicate-member', 'header-crit-unsupported', 'token-malformed'])

interface SignatureOutcome {
  signature: SignatureReport
  findings: Finding[]
  /** Whether the outcome may be remembered for this exact token (a valid signature). */
  cacheable: boolean
  /** The signature was already remembered: the token is being seen again, so its analysis is worth keeping too. */
  seenBefore?: boolean
}

/** jose's check of the token with the key it will most likely need, started before the analysis. */
interface EarlyCheck {
  key: AcceptedKey
  valid: Promise<boolean>
}

/** What the checks before the key lookup leave to do: look the kid up and run the cryptography. */
interface KeyStep {
  step: 'key'
  base: SignatureReport
  kid: string
  tid: string
  iss: string
  version: TokenVersion
  cloud: CloudName
  extra: Finding[]
}

const REQUEST_MEMBERS: ReadonlySet<string> = new Set(['api', 'operation', 'require', 'catalog'])

/**
 * The request's cache identity, or null when it carries anything but api, operation, require and catalog (those
 * extra members reach the checks as options, so such calls are never served from or stored in the cache).
 */
function requestVariant(request: RequirementOptions): string | null {
  if (typeof request !== 'object' || request === null) return null
  for (const name of Object.keys(request)) if (!REQUEST_MEMBERS.has(name)) return null
  return requirementKey(request)
}

const OFFLINE_ADVICE = 'If this runs in a browser, the request may have been blocked (CORS or no network): paste the key set instead (the jwks option).'

/** The token's own cloud when the issuer allows it and so does the verifier, else the first cloud both allow. */
function pickCloud(candidates: readonly CloudName[], facts: TokenFacts, allowed: readonly CloudName[]): CloudName | null {
  let first: CloudName | null = null
  for (const c of candidates) {
    if (!allowed.includes(c)) continue
    if (c === facts.cloud) return c
    first ??= c
  }
  return first
}

function keyNotFound(lookup: Extract<KeyLookup, { status: 'not-found' }>, kid: string, where: string, cloud: CloudName, appId: string | null): Finding {
  let message: string
  if (lookup.reason === 'rejected' && lookup.rejected) {
    message = `The key set ${where} has a key with kid "${kid}", but it was refused: ${lookup.rejected.reason}.`
  } else if (lookup.reason === 'ambiguous') {
    message = `Several keys in the key set ${where} share kid "${kid}"; the verifier never guesses between them.`
  } else {
    const causes = [
      appId === null ? 'the app uses a custom signing key (set the appId option so its ?appid= key set is searched)' : null,
      `the token is from another cloud (this key set is for ${cloud})`,
      'the key rolled (acquire a new token)',
      'the token is forged',
    ].filter((c): c is string => c !== null)
    message = `No key with kid "${kid}" in the key set ${where}. Likely causes: ${causes.join('; ')}.`
  }
  return makeFinding('signing-key-not-found', message, { claim: 'kid', actual: kid, ...(lookup.jwksUri !== null ? { expected: lookup.jwksUri } : {}) })
}

/**
 * One verifier per API, reused across calls: it holds the key-set cache and the verified-result cache.
 * `audience` and `tenants` are required (tenants: 'any' is explicit and warned about on every report).
 */
export function createVerifier(options: VerifierOptions): Verifier {
  return verifierFor(resolveVerifierOptions(options))
}

/** For diagnosis tools (CLI, web page): audience and tenants may be left out, as with inspectToken. Not for APIs. */
export function createDiagnosticVerifier(options: Partial<VerifierOptions>): Verifier {
  return verifierFor(resolveVerifierOptions(options as VerifierOptions, { diagnosis: true }))
}

function verifierFor(config: ResolvedVerifierOptions): Verifier {
  const store: KeySetStore | null = config.jwks !== null
    ? createStaticKeySetStore(config.jwks)
    : config.fetch === null
      ? null
      : createKeySetStore({ ...config.keySets, fetch: config.fetch, now: config.now === undefined ? Date.now : () => readClock(config.now).getTime() })
  const cache: ResultCache | null = config.resultCacheEntries > 0 ? createResultCache(config.resultCacheEntries) : null
  const skew = config.clockSkew ?? DEFAULT_CLOCK_SKEW_SECONDS
  const allowedTenants = config.tenants === 'any' ? null : new Set(config.tenants.map((t) => t.toLowerCase()))
  // Discovery targets depend on configuration and the (allow-listed) tenant only: built once per tenant, bounded.
  const targets = new Map<string, DiscoveryTarget>()
  // The key set the last verified token used: where the next token's key most likely is (see likelyKey).
  let lastSource: KeySetSource | null = null
  const targetFor = (cloud: CloudName, tid: string, version: TokenVersion): DiscoveryTarget => {
    const key = `${cloud}|${version}|${tid}`
    let target = targets.get(key)
    if (!target) {
      target = discoveryTarget(cloud, tid, version, config.appId, config.authority)
      if (targets.size >= config.keySets.maxEntries) targets.delete(targets.keys().next().value as string)
      targets.set(key, target)
    }
    return target
  }

  /**
   * Every signature check that needs no key, in order. Returns the outcome when one of them decides, or what the
   * key lookup needs. A verified signature remembered for this exact token decides here too.
   */
  function checkBeforeKey(token: DecodedToken, facts: TokenFacts, findings: readonly Finding[], nowMs: number): SignatureOutcome | KeyStep {
    const header = token.header
    const kidValue = ownValue(header, 'kid')
    const kid = typeof kidValue === 'string' ? kidValue : null
    const base: SignatureReport = { status: 'not-checked', kid, jwksUri: null, alg: stringClaim(header, 'alg') }
    const out = (status: SignatureReport['status'], extra: Finding[] = []): SignatureOutcome => ({
      signature: { status, kid: base.kid, jwksUri: null, alg: base.alg }, findings: extra, cacheable: false,
    })
    const has = (code: string): boolean => findings.some((f) => f.code === code)

    // Graph signs a hash of the nonce, not the nonce: no one but Graph can verify it. Explain; never call it forged.
    if (Object.hasOwn(header, 'nonce')) {
      return out('unverifiable', has('graph-token') ? [] : [makeFinding('graph-token', 'The header carries a nonce, as Microsoft Graph tokens do: the signature covers a hash of it, so only Graph can verify this token.', { claim: 'nonce' })])
    }
    if (findings.some((f) => f.severity === 'error' && STRUCTURAL_BLOCKERS.has(f.code))) return out('invalid')
    if (base.alg !== 'RS256') {
      return out('invalid', [makeFinding('algorithm-not-allowed', `The header says alg ${JSON.stringify(ownValue(header, 'alg') ?? null)}; Entra signs access tokens with RS256 only.`, { claim: 'alg', expected: 'RS256', actual: ownValue(header, 'alg') ?? null })])
    }

    // The unverified tid decides which key set is fetched, so it must be a GUID and allowed before any request.
    const tid = ownValue(token.payload, 'tid')
    if (!isGuid(tid)) return out('not-checked', [makeFinding('signature-not-checked', 'The signature was not checked: without a tenant GUID in tid there is no key set to use.')])
    if (allowedTenants !== null && !allowedTenants.has(tid.toLowerCase())) {
      return out('not-checked', [makeFinding('signature-not-checked', `The signature was not checked: tenant ${tid} is not allowed, so its key set was not fetched.`)])
    }
    const iss = stringClaim(token.payload, 'iss')
    const parsed = iss === null ? null : parseEntraIssuer(iss)
    if (iss === null || parsed === null) return out('unverifiable', [makeFinding('signature-not-checked', 'The signature was not checked: iss is not an Entra issuer, so no Entra key set applies.')])
    const cloud = pickCloud(parsed.clouds, facts, config.clouds)
    if (cloud === null) {
      return out('not-checked', [makeFinding('cloud-not-allowed', `iss ${iss} is issued by the ${parsed.clouds.join('/')} cloud; this verifier accepts ${config.clouds.join(', ')}.`, { claim: 'iss', expected: [...config.clouds], actual: parsed.clouds[0] })])
    }
    const extra: Finding[] = []
    const exact = expectedIssuer(tid, parsed.version, cloud)
    if (iss !== exact && !has('issuer-tenant-mismatch') && !has('issuer-not-entra')) {
      extra.push(makeFinding('issuer-not-entra', `iss is "${iss}"; the exact issuer for tenant ${tid} (v${parsed.version === '1.0' ? '1' : '2'}, ${cloud} cloud) is "${exact}".`, { claim: 'iss', expected: exact, actual: iss }))
    }

    const cached = cache?.signature(token.compact, nowMs)
    if (cached) return { signature: cached, findings: extra, cacheable: true, seenBefore: true }

    if (kid === null || kid.length === 0 || kid.length > MAX_KID_LENGTH) {
      return out('invalid', [...extra, makeFinding('signing-key-not-found', kid === null ? 'The header has no kid (or one that is not a string), so no key can be chosen.' : `The header's kid is ${kid.length} characters; Entra's kids are short, so no key is looked up.`, { claim: 'kid', actual: kidValue ?? null })])
    }
    if (store === null) {
      return out('error', [...extra, makeFinding('jwks-unavailable', `No fetch function is available to download the key set. ${OFFLINE_ADVICE}`)])
    }
    return { step: 'key', base, kid, tid, iss, version: parsed.version, cloud, extra }
  }

  /** The key lookup (synchronous when the key is at hand) and jose's verification with that key. */
  async function checkWithKey(token: DecodedToken, step: KeyStep, early: EarlyCheck | null): Promise<SignatureOutcome> {
    const { base, kid, tid, iss, version, cloud, extra } = step
    const out = (status: SignatureReport['status'], finding: Finding, jwksUri: string | null): SignatureOutcome => ({
      signature: { status, kid: base.kid, jwksUri, alg: base.alg }, findings: [...extra, finding], cacheable: false,
    })
    const source = targetFor(cloud, tid, version)
    const lookup = (store as KeySetStore).peek(source, kid) ?? await (store as KeySetStore).lookup(source, kid)
    if (lookup.status === 'unavailable') {
      return out('error', makeFinding('jwks-unavailable', `The key set for tenant ${tid} could not be obtained from ${lookup.url}: ${lookup.cause}.${lookup.network ? ` ${OFFLINE_ADVICE}` : ''}`, {
        expected: lookup.url, actual: lookup.cause,
        ...(lookup.network ? { fix: `Check network access to ${new URL(lookup.url).host}; in a browser, paste the key set (the jwks option) instead.` } : {}),
      }), lookup.url)
    }
    const where = lookup.jwksUri ?? '(given with the jwks option)'
    if (lookup.status === 'not-found') return out('invalid', keyNotFound(lookup, kid, where, cloud, config.appId), lookup.jwksUri)

    lastSource = source
    const valid = early !== null && sameKeyMaterial(early.key, lookup.key) ? early.valid : verifyRs256(token.compact, lookup.key)
    if (!(await valid)) {
      return out('invalid', makeFinding('signature-invalid', `The signature does not verify with key "${kid}" from ${where}.`, { claim: 'signature' }), lookup.jwksUri)
    }
    if (lookup.key.issuer !== null) {
      const keyIssuer = lookup.key.issuer.replaceAll('{tenantid}', tid)
      // Entra attaches issuers only to v2 keys (`…/{tenantid}/v2.0`), and v1 tokens are signed by the same keys,
      // so a key also vouches for the v2 form of the token's own issuer (as Microsoft.IdentityModel's
      // ValidateSigningKeyIssuer does). Another tenant's or cloud's key still fails.
      if (keyIssuer !== iss && keyIssuer !== expectedIssuer(tid, '2.0', cloud)) {
        return out('invalid', makeFinding('signing-key-issuer-mismatch', `Key "${kid}" belongs to issuer ${keyIssuer}, but the token says ${iss}.`, { claim: 'iss', expected: keyIssuer, actual: iss }), lookup.jwksUri)
      }
    }
    return { signature: { status: 'valid', kid: base.kid, jwksUri: lookup.jwksUri, alg: base.alg }, findings: extra, cacheable: true }
  }

  /** Freezes what a Report shares with the cache and the Reports it will serve. */
  function remember(analysis: Analysis, settled: number): CachedAnalysis {
    const findings = deepFreeze(analysis.findings.slice(0, settled))
    return {
      facts: deepFreeze(analysis.facts as TokenFacts), signature: deepFreeze({ ...analysis.signature }), permissions: deepFreeze(analysis.permissions),
      findings, sorted: sortFindings(findings), hasErrors: hasErrors(findings),
    }
  }

  /** A Report from a remembered analysis: only the time checks run, against this call's now. */
  function fromCache(hit: CachedAnalysis, nowMs: number): Report {
    const time = checkLifetime(hit.facts.payload, nowMs, skew)
    const findings = time.length === 0 ? [...hit.sorted] : sortFindings([...hit.findings, ...time])
    const ok = time.length === 0 ? !hit.hasErrors : !hasErrors(findings)
    const signature = { status: hit.signature.status, kid: hit.signature.kid, jwksUri: hit.signature.jwksUri, alg: hit.signature.alg }
    return { ok, verdict: verdictOf({ token: hit.facts, signature, permissions: hit.permissions, findings }), token: hit.facts, signature, permissions: hit.permissions, findings }
  }

  return {
    async verify(raw, request = {}) {
      // The clock is read once per call: every check and the cache agree on "now".
      const now = readClock(config.now)
      const nowMs = now.getTime()
      const requestKey = requestVariant(request)
      const normalized = typeof raw === 'string' ? normalizeInput(raw) : null
      let variant: string | null = null
      if (cache !== null && requestKey !== null && normalized !== null) {
        variant = `${normalized.removed.join('\n')}\n${requestKey}`
        const hit = cache.analysis(normalized.token, variant, nowMs)
        if (hit) return fromCache(hit, nowMs)
      }
      // Start jose on the likely key before the analysis (never for a token whose valid signature is remembered):
      // the RSA check then runs on the thread pool while the analysis runs here. A few microtask turns let jose
      // reach WebCrypto; the outcome is used only if the analysis picks a key with the same material.
      let early: EarlyCheck | null = null
      if (store !== null && lastSource !== null && normalized !== null && cache?.signature(normalized.token, nowMs) == null) {
        const key = likelyKey(normalized.token, store, lastSource)
        if (key !== null) {
          early = { key, valid: verifyRs256(normalized.token, key) }
          for (let turn = 0; turn < 4; turn++) await null
        }
      }
      let inspect: InspectOptions
      if (requestKey !== null) {
        // A plain request (api, operation, require, catalog): the same options as the spread below, built directly.
        inspect = {
          now, audience: config.audience.length > 0 ? config.audience : undefined, tenants: config.tenants,
          clientApps: config.clientApps, clockSkew: config.clockSkew,
          api: request.api, operation: request.operation, require: request.require, catalog: request.catalog,
        }
      } else {
        inspect = {
          now,
          ...(config.audience.length > 0 ? { audience: config.audience } : {}),
          tenants: config.tenants,
          ...(config.clientApps !== undefined ? { clientApps: config.clientApps } : {}),
          ...(config.clockSkew !== undefined ? { clockSkew: config.clockSkew } : {}),
          // What the call needs (api, operation, require, catalog): the permission checks run as in inspectToken.
          ...request,
        }
      }
      const analysis: Analysis = analyzeToken(raw, inspect, { time: false })
      if (analysis.decoded === null || analysis.facts === null) return toReport(analysis)
      const decoded = analysis.decoded
      const first = checkBeforeKey(decoded, analysis.facts, analysis.findings, nowMs)
      const outcome = 'step' in first ? await checkWithKey(decoded, first, early) : first
      analysis.signature = outcome.signature
      analysis.findings.push(...outcome.findings)
      const settled = analysis.findings.length
      // Time checks after the signature, always against this call's now (also for cached results).
      analysis.findings.push(...timeFindings(analysis.facts, inspect))
      const report = toReport(analysis)
      if (outcome.signature.status !== 'valid') report.ok = false
      if (outcome.cacheable && cache) {
        const exp = ownValue(decoded.payload, 'exp')
        if (typeof exp === 'number' && Number.isSafeInteger(exp)) {
          // First sight remembers the signature; the analysis is kept from the token's second verification on, so
          // tokens seen once (most, in a busy API) never pay for freezing it.
          if (outcome.seenBefore !== true) cache.set(decoded.compact, outcome.signature, exp * 1000, nowMs)
          else if (variant !== null) cache.set(decoded.compact, outcome.signature, exp * 1000, nowMs, { key: variant, analysis: remember(analysis, settled) })
        }
      }
      return report
    },
  }
}
