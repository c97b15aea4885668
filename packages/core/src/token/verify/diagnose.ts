import { CLOUD_NAMES, isGuid, type CloudName } from '../../entra/clouds.js'
import type { FetchLike } from '../../entra/keyset/fetch-json.js'
import { parseStrictJson } from '../../lib/strict-json.js'
import { isJsonObject, ownValue } from '../../lib/json.js'
import { inspectToken } from '../inspect.js'
import type { Clock, RequirementOptions } from '../options.js'
import type { Report } from '../../report/report.js'
import { createDiagnosticVerifier } from './create-verifier.js'
import type { JsonWebKeySetInput } from './options.js'

/** What a diagnosis tool (the CLI, the page) may set; everything the user did not name is left unchecked. */
export interface DiagnoseOptions extends RequirementOptions {
  /** Expected audience(s); none means no audience check (the token's own API is still recognised). */
  audience?: string | readonly string[]
  /** Allowed tenants; none means the token's own tenant is the one whose keys are fetched. */
  tenants?: readonly string[]
  clientApps?: readonly string[]
  clockSkew?: number
  now?: Clock
  /** Clouds whose tokens are diagnosed. Default: every cloud. */
  cloud?: CloudName | readonly CloudName[]
  /** A key set to check against instead of Entra's published keys (no network). */
  jwks?: JsonWebKeySetInput
  fetch?: FetchLike
  /** Overrides the sign-in authority origin (tests). */
  authority?: string
  /** Test option: allow http:// on loopback for the authority. */
  allowLoopbackHttp?: boolean
}

/**
 * Diagnoses any token the way a person asks "will this work?": the signature is checked against the token's own
 * tenant's published keys (or the given key set), and every check the user named runs. Never throws for bad input;
 * options it cannot use (an unreadable key set, a bad tenant) come back as TypeError, as createVerifier's do.
 * Not for protecting an API: use createVerifier, which requires audience and tenants.
 */
export async function diagnoseToken(raw: string, options: DiagnoseOptions = {}): Promise<Report> {
  const own = inspectToken(
    typeof raw === 'string' ? raw : '',
    options.now === undefined ? {} : { now: options.now },
  ).token
  const tenants =
    options.tenants !== undefined && options.tenants.length > 0
      ? options.tenants
      : isGuid(own?.tenantId)
        ? [own.tenantId]
        : []
  const verifier = createDiagnosticVerifier({
    ...(options.audience !== undefined ? { audience: options.audience } : {}),
    tenants,
    cloud: options.cloud ?? CLOUD_NAMES,
    ...(options.clientApps !== undefined ? { clientApps: options.clientApps } : {}),
    ...(options.clockSkew !== undefined ? { clockSkew: options.clockSkew } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.jwks !== undefined ? { jwks: options.jwks } : {}),
    ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
    ...(options.authority !== undefined ? { authority: options.authority } : {}),
    ...(options.allowLoopbackHttp === true ? { keySets: { allowLoopbackHttp: true } } : {}),
    resultCache: false,
  })
  const requirement: RequirementOptions = {}
  if (options.api !== undefined) requirement.api = options.api
  if (options.operation !== undefined) requirement.operation = options.operation
  if (options.require !== undefined) requirement.require = options.require
  if (options.catalog !== undefined) requirement.catalog = options.catalog
  return verifier.verify(raw, requirement)
}

export type KeySetText = { ok: true; jwks: JsonWebKeySetInput } | { ok: false; problem: string }

/** Reads a pasted or downloaded JSON Web Key Set (`{"keys":[…]}`); the keys themselves are judged when used. */
export function readKeySetText(text: string): KeySetText {
  const parsed = parseStrictJson(text.trim())
  if (!parsed.ok) {
    return {
      ok: false,
      problem: text.trim().startsWith('{')
        ? `it is not valid JSON (${parsed.error})`
        : 'it is not JSON: paste the JSON document the key set URL returns',
    }
  }
  if (!isJsonObject(parsed.value)) return { ok: false, problem: 'it is JSON but not an object' }
  const keys = ownValue(parsed.value, 'keys')
  if (!Array.isArray(keys)) {
    return {
      ok: false,
      problem:
        ownValue(parsed.value, 'jwks_uri') !== undefined
          ? 'it is a metadata (openid-configuration) document: open its jwks_uri and paste what that returns'
          : 'it has no "keys" array',
    }
  }
  return { ok: true, jwks: { keys } }
}
