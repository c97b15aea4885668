// Lazily loaded when a token is diagnosed with its signature checked: the verifier stays out of the paste path's
// bundle. No state lives here: each call is one diagnosis (core's diagnoseToken), so nothing from one token, sample
// or setting can leak into the next.
import {
  diagnoseToken,
  readKeySetText,
  type DiagnoseOptions,
  type FetchLike,
  type PermissionCatalog,
  type Report,
} from '@claimcheck/core'
import { readOperation, settingsProblems, splitList, type InspectSettings } from '../state/settings.js'

export { shortLivedFetch } from './short-lived-fetch.js'

export interface VerificationRequest {
  raw: string
  settings: InspectSettings
  now: Date
  signal: AbortSignal
  /** The view's fetch (see short-lived-fetch.ts); default: the browser's. */
  fetch?: FetchLike
  /** A catalog the person loaded: judges a typed operation instead of the built-in ones, as offline. */
  catalog?: PermissionCatalog | null
}

export type VerificationOutcome =
  | { status: 'verified'; report: Report }
  /** Verification could not run at all (not the same as a failed signature, which is a verified Report). */
  | { status: 'unavailable'; reason: string }

/**
 * Checks the signature the way a person asks "will this work?": against the token's own tenant's published keys
 * (GETs of the discovery document and key set on the Entra sign-in host; the token itself is never sent), or the
 * pasted key set; plus every check the settings name.
 */
export async function verifyInBrowser(request: VerificationRequest): Promise<VerificationOutcome> {
  const { raw, settings } = request
  if (settingsProblems(settings).length > 0)
    return { status: 'unavailable', reason: 'Fix the settings marked above to check the signature.' }
  const inner: FetchLike = request.fetch ?? ((input, init) => fetch(input, init))
  const options: DiagnoseOptions = {
    now: request.now,
    clockSkew: settings.clockSkewSeconds,
    fetch: (input, init) =>
      inner(input, {
        ...init,
        signal: init.signal ? AbortSignal.any([init.signal, request.signal]) : request.signal,
      }),
  }
  if (settings.verification === 'key-set') {
    const read = readKeySetText(settings.keySet)
    if (!read.ok)
      return { status: 'unavailable', reason: `The pasted text is not a key set: ${read.problem}.` }
    options.jwks = read.jwks
  }
  const audience = splitList(settings.audience)
  if (audience.length > 0) options.audience = audience
  const tenants = splitList(settings.tenants)
  if (tenants.length > 0) options.tenants = tenants
  const operation = readOperation(settings.operation)
  if (operation !== null) options.operation = operation
  const catalog = request.catalog ?? null
  if (catalog !== null) {
    if (operation !== null) options.catalog = catalog
  } else if (settings.api !== null) options.api = settings.api
  try {
    return { status: 'verified', report: await diagnoseToken(raw, options) }
  } catch (err) {
    // diagnoseToken throws TypeError only for options it cannot use (e.g. keys it cannot read).
    return {
      status: 'unavailable',
      reason: `The signature cannot be checked with these settings: ${err instanceof Error ? err.message : 'invalid options'}.`,
    }
  }
}
