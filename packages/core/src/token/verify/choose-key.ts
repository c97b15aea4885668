import { isGuid, type CloudName } from '../../entra/clouds.js'
import { externalIdIssuer, externalIdOrigin, parseExternalIdIssuer } from '../../entra/external-id.js'
import { expectedIssuer, parseEntraIssuer, type TokenVersion } from '../../entra/issuers.js'
import { MAX_KID_LENGTH } from '../../entra/keyset/accept-key.js'
import type { Finding } from '../../findings/finding.js'
import { makeFinding } from '../../findings/make-finding.js'
import { shortJson, shortValue, type DecodedToken } from '../decode.js'
import { ownValue } from '../../lib/json.js'
import type { SignatureStatus, TokenFacts } from '../../report/report.js'

/** What the configuration allows, as the key choice needs it. */
export interface KeyPolicy {
  /** Lower-cased allowed tenants; null accepts every tenant ('any'). */
  tenants: ReadonlySet<string> | null
  clouds: readonly CloudName[]
  /**
   * The External ID tenant whose ciamlogin.com host the authority option names; 'own' (diagnosis: the CLI and the
   * page) verifies a ciamlogin token on its own tenant's host; null: External ID not configured.
   */
  externalIdTenant?: string | 'own' | null
}

/** Where the token's key must come from: the allowed tenant's key set for its cloud and version, by kid. */
export interface KeyChoice {
  decided: false
  kid: string
  tid: string
  iss: string
  version: TokenVersion
  cloud: CloudName
  findings: Finding[]
  /** The authority whose keys to use when it is not the configured one (External ID in diagnosis). */
  authority?: string
}

/** The signature's status settled without a key (the token cannot be checked, or need not be). */
export interface KeyDecision {
  decided: true
  status: SignatureStatus
  findings: Finding[]
}

/** The token's own cloud when the issuer allows it and so does the verifier, else the first cloud both allow. */
function pickCloud(
  candidates: readonly CloudName[],
  own: CloudName | null,
  allowed: readonly CloudName[],
): CloudName | null {
  let first: CloudName | null = null
  for (const c of candidates) {
    if (!allowed.includes(c)) continue
    if (c === own) return c
    first ??= c
  }
  return first
}

const decided = (status: SignatureStatus, findings: Finding[] = []): KeyDecision => ({
  decided: true,
  status,
  findings,
})

/**
 * Every signature check that needs no key, in order: Graph tokens (only Graph can verify them), tokens the decoder
 * refused, the algorithm, and the unverified tid (a GUID, and allowed, before any request is made for its keys).
 */
export function chooseKey(
  token: DecodedToken,
  facts: TokenFacts,
  policy: KeyPolicy,
): KeyChoice | KeyDecision {
  const { header, payload } = token
  // Graph signs a hash of the nonce, not the nonce: no one but Graph can verify it. Explain; never call it forged.
  // Only for a token that is for Graph: a nonce added to any other token changes nothing, its signature is checked.
  if (Object.hasOwn(header, 'nonce') && facts.api === 'graph') return decided('unverifiable')
  // The decoder's findings already say why (unsigned, duplicates, crit, a malformed signature segment).
  if (!token.signable) return decided('invalid')
  const alg = ownValue(header, 'alg')
  if (alg !== 'RS256') {
    return decided('invalid', [
      makeFinding(
        'algorithm-not-allowed',
        `The header says alg ${shortJson(alg ?? null)}; Entra signs access tokens with RS256 only.`,
        { claim: 'alg', expected: 'RS256', actual: shortValue(alg) },
      ),
    ])
  }
  const tid = ownValue(payload, 'tid')
  if (!isGuid(tid))
    return decided('not-checked', [
      makeFinding(
        'signature-not-checked',
        'The signature was not checked: without a tenant GUID in tid there is no key set to use.',
      ),
    ])
  if (policy.tenants !== null && !policy.tenants.has(tid.toLowerCase())) {
    return decided('not-checked', [
      makeFinding(
        'signature-not-checked',
        `The signature was not checked: tenant ${tid} is not allowed, so its key set was not fetched.`,
      ),
    ])
  }
  const iss = ownValue(payload, 'iss')
  const external = typeof iss === 'string' ? externalIdKeyChoice(iss, tid, policy) : null
  if (external !== null) return external.decided ? external : withKid(header, external)
  const parsed = typeof iss === 'string' ? parseEntraIssuer(iss) : null
  if (typeof iss !== 'string' || parsed === null) {
    return decided('unverifiable', [
      makeFinding(
        'signature-not-checked',
        'The signature was not checked: iss is not an Entra issuer, so no Entra key set applies.',
      ),
    ])
  }
  const cloud = pickCloud(parsed.clouds, facts.cloud, policy.clouds)
  if (cloud === null) {
    return decided('not-checked', [
      makeFinding(
        'cloud-not-allowed',
        `iss ${shortJson(iss)} is issued by the ${parsed.clouds.join('/')} cloud; this verifier accepts ${policy.clouds.join(', ')}.`,
        { claim: 'iss', expected: [...policy.clouds], actual: parsed.clouds[0] },
      ),
    ])
  }
  const findings: Finding[] = []
  // checkIssuer reports a tenant mismatch or a non-GUID tenant; what is left is a form this cloud does not write
  // (a legacy host, say), which matters only for the key set chosen here.
  const exact = expectedIssuer(tid, parsed.version, cloud)
  if (iss !== exact && parsed.tenant === tid) {
    findings.push(
      makeFinding(
        'issuer-not-entra',
        `iss is ${shortJson(iss)}; the exact issuer for tenant ${tid} (v${parsed.version === '1.0' ? '1' : '2'}, ${cloud} cloud) is "${exact}".`,
        { claim: 'iss', expected: exact, actual: iss },
      ),
    )
  }
  return withKid(header, { decided: false, kid: '', tid, iss, version: parsed.version, cloud, findings })
}

/** The kid must be a short string; otherwise no key is chosen and the signature is invalid. */
function withKid(header: DecodedToken['header'], choice: KeyChoice): KeyChoice | KeyDecision {
  const findings = choice.findings
  const kid = ownValue(header, 'kid')
  if (typeof kid !== 'string' || kid.length === 0 || kid.length > MAX_KID_LENGTH) {
    findings.push(
      makeFinding(
        'signing-key-not-found',
        typeof kid !== 'string'
          ? 'The header has no kid (or one that is not a string), so no key can be chosen.'
          : kid.length === 0
            ? "The header's kid is empty, so no key can be chosen."
            : `The header's kid is ${kid.length} characters; Entra's kids are short, so no key is looked up.`,
        { claim: 'kid', actual: shortValue(kid) },
      ),
    )
    return decided('invalid', findings)
  }
  return { ...choice, kid }
}

/**
 * External ID (docs/verification.md): a verifier configured with the tenant's ciamlogin.com authority takes its keys
 * there, v2 only, for the tenant's ciamlogin issuer and for the login.microsoftonline.com v2 issuer such tenants
 * also write. Without that configuration a ciamlogin issuer is refused. null: not an External ID case.
 */
function externalIdKeyChoice(iss: string, tid: string, policy: KeyPolicy): KeyChoice | KeyDecision | null {
  const ciam = parseExternalIdIssuer(iss)
  if (policy.externalIdTenant === 'own') {
    if (ciam === null || ciam.tenant !== tid.toLowerCase()) return null
    const authority = externalIdOrigin(ciam.tenant)
    return { decided: false, kid: '', tid, iss, version: '2.0', cloud: 'public', findings: [], authority }
  }
  const configured = policy.externalIdTenant ?? null
  if (ciam === null && (configured === null || configured !== tid.toLowerCase())) return null
  if (ciam !== null && (configured === null || configured !== ciam.tenant))
    return decided('not-checked', [
      makeFinding(
        'cloud-not-allowed',
        `iss ${shortJson(iss)} is a Microsoft Entra External ID (ciamlogin.com) issuer; this verifier is not configured for that tenant (set authority to ${externalIdOrigin(ciam.tenant)}).`,
        { claim: 'iss', expected: [...policy.clouds], actual: 'external-id' },
      ),
    ])
  const parsed = ciam === null ? parseEntraIssuer(iss) : null
  if (ciam === null && (parsed === null || parsed.version !== '2.0' || !parsed.clouds.includes('public')))
    return decided('not-checked', [
      makeFinding(
        'cloud-not-allowed',
        `This verifier is configured for External ID tenant ${tid}, which issues v2 tokens only (iss ${externalIdIssuer(tid)} or https://login.microsoftonline.com/${tid}/v2.0); iss is ${shortJson(iss)}.`,
        { claim: 'iss', expected: externalIdIssuer(tid), actual: iss },
      ),
    ])
  return { decided: false, kid: '', tid, iss, version: '2.0', cloud: 'public', findings: [] }
}
