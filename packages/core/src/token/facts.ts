import { apiForAudience, type ApiId } from '../entra/apis.js'
import type { CloudName } from '../entra/clouds.js'
import { hostCloud } from '../entra/host-cloud.js'
import { parseExternalIdIssuer } from '../entra/external-id.js'
import { parseEntraIssuer, type TokenVersion } from '../entra/issuers.js'
import { issuerTypeOf } from './external-issuer.js'
import type { Finding } from '../findings/finding.js'
import { makeFinding } from '../findings/make-finding.js'
import { readCallerFacts } from './caller.js'
import { classifyToken, clientOf } from './classify.js'
import type { DecodedToken } from './decode.js'
import { ownValue, type JsonObject } from '../lib/json.js'
import type { TokenFacts } from '../report/report.js'
import { isoFromEpochSeconds } from '../lib/iso-date.js'

export function stringClaim(obj: JsonObject, name: string): string | null {
  const v = ownValue(obj, name)
  return typeof v === 'string' ? v : null
}

/** A NumericDate that can be shown as a time; absurd values (checked elsewhere) are not. */
export function epochToIso(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 32_503_680_000) return null
  return isoFromEpochSeconds(Math.trunc(value))
}

/** roles must be an array of strings and scp a space-separated string; anything else grants nothing. */
function readPermissions(payload: JsonObject, findings: Finding[]): { roles: string[]; scopes: string[] } {
  let roles: string[] = []
  const r = ownValue(payload, 'roles')
  if (r !== undefined) {
    if (Array.isArray(r) && r.every((x) => typeof x === 'string')) roles = r as string[]
    else
      findings.push(
        makeFinding(
          'claim-type-invalid',
          `roles must be an array of strings; it is ${describeType(r)}, so it grants nothing.`,
          { claim: 'roles', expected: 'array of strings', actual: describeType(r) },
        ),
      )
  }
  let scopes: string[] = []
  const s = ownValue(payload, 'scp')
  if (s !== undefined) {
    // "" and "/" (an autonomous agent's token) count as absent: they never grant a delegated permission.
    if (typeof s === 'string') scopes = s.trim() === '/' ? [] : s.split(' ').filter((x) => x.length > 0)
    else
      findings.push(
        makeFinding(
          'claim-type-invalid',
          `scp must be a space-separated string; it is ${describeType(s)}, so it grants nothing.`,
          { claim: 'scp', expected: 'string', actual: describeType(s) },
        ),
      )
  }
  return { roles, scopes }
}

export function describeType(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'object') return 'an object'
  return `a ${typeof v}`
}

function versionOf(payload: JsonObject, issuer: string | null): TokenVersion | null {
  const ver = ownValue(payload, 'ver')
  if (ver === '1.0' || ver === '2.0') return ver
  const parsed = issuer === null ? null : parseEntraIssuer(issuer)
  if (parsed === null && issuer !== null && parseExternalIdIssuer(issuer) !== null) return '2.0'
  return parsed?.version ?? null
}

function cloudOf(issuer: string | null, audience: string | null): CloudName | null {
  // External ID runs in the public cloud only.
  if (issuer !== null && parseExternalIdIssuer(issuer) !== null) return 'public'
  const parsed = issuer === null ? null : parseEntraIssuer(issuer)
  if (!parsed) return null
  if (parsed.clouds.length === 1) return parsed.clouds[0] as CloudName
  // v1 issuers are shared by the public and US Government clouds; the resource's host tells them apart. GCC's
  // resources are on .us hosts but GCC signs in at the public cloud (defender-endpoint/gov.md): hostCloud knows.
  if (audience === null) return 'public'
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(audience)?.[1]
  return host === undefined ? 'public' : hostCloud(host).signIn === 'usgov' ? 'usgov' : 'public'
}

/** The API the audience names. A nonce header alone never makes a token Graph's: anyone can add one to a forgery. */
function apiOf(audience: string | null): ApiId | null {
  if (audience === null) return null
  return apiForAudience(audience) ?? 'other'
}

/** Reads what a token says about itself. Type problems in the permission claims come back as findings. */
export function readTokenFacts(token: DecodedToken, findings: Finding[]): TokenFacts {
  const { header, payload } = token
  const issuer = stringClaim(payload, 'iss')
  const audience = stringClaim(payload, 'aud')
  const { roles, scopes } = readPermissions(payload, findings)
  const version = versionOf(payload, issuer)
  const classification = classifyToken(payload, version)
  const appId = clientOf(payload, version) ?? null
  const user =
    stringClaim(payload, 'upn') ??
    stringClaim(payload, 'preferred_username') ??
    stringClaim(payload, 'unique_name')
  return {
    header,
    payload,
    version,
    kind: classification.kind,
    kindRule: classification.rule,
    kindReason: classification.reason,
    tenantId: stringClaim(payload, 'tid'),
    appId,
    audience,
    api: apiOf(audience),
    cloud: cloudOf(issuer, audience),
    issuer,
    issuerType: issuerTypeOf(payload, issuer),
    objectId: stringClaim(payload, 'oid'),
    subject: stringClaim(payload, 'sub'),
    user,
    roles,
    scopes,
    caller: readCallerFacts(payload, classification.kind, version, appId, user),
    issuedAt: epochToIso(ownValue(payload, 'iat')),
    notBefore: epochToIso(ownValue(payload, 'nbf')),
    expiresAt: epochToIso(ownValue(payload, 'exp')),
  }
}
