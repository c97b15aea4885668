// Lazily loaded when the user turns verification on: the verifier (and jose) stay out of the paste path's bundle.
import { CLOUD_NAMES, createVerifier, inspectToken, isGuid, type Report, type Verifier } from '@claimcheck/core'
import { parseKeySet, splitList, settingsProblems, type InspectSettings } from '../state/settings.js'

export interface VerificationRequest {
  raw: string
  settings: InspectSettings
  now: Date
  signal: AbortSignal
}

export type VerificationOutcome =
  | { status: 'verified'; report: Report }
  /** Verification could not run at all (not the same as a failed signature, which is a verified Report). */
  | { status: 'unavailable'; reason: string }

// One verifier per configuration, so key sets fetched for one paste serve the next; a handful is plenty for a page.
const MAX_VERIFIERS = 4
const verifiers = new Map<string, Verifier>()
let currentNow = new Date()

function verifierFor(key: string, make: () => Verifier): Verifier {
  const existing = verifiers.get(key)
  if (existing !== undefined) return existing
  const created = make()
  verifiers.set(key, created)
  if (verifiers.size > MAX_VERIFIERS) verifiers.delete(verifiers.keys().next().value as string)
  return created
}

/**
 * Checks the signature with core's verifier: against the pasted key set, or Entra's published keys (GETs of the
 * discovery document and key set on the Entra sign-in host; the token itself is never sent).
 *
 * Like the CLI, the page diagnoses any token: with no expected audience the token's own audience is the expected one
 * (no audience check, as offline), and with no tenant list the token's own tenant is the one whose keys are fetched.
 * (core's createDiagnosticVerifier does exactly this but is not a public export yet.)
 */
export async function verifyInBrowser(request: VerificationRequest): Promise<VerificationOutcome> {
  const { raw, settings } = request
  if (settingsProblems(settings).length > 0) return { status: 'unavailable', reason: 'Fix the settings marked above to check the signature.' }
  const keySet = settings.verification === 'key-set' ? parseKeySet(settings.keySet) : null
  if (settings.verification === 'key-set' && keySet === null) return { status: 'unavailable', reason: 'The pasted key set is not a JSON Web Key Set.' }

  const own = inspectToken(raw, { now: request.now }).token
  if (own === null) return { status: 'unavailable', reason: 'There is no readable token to verify.' }
  const audience = splitList(settings.audience)
  const tenants = splitList(settings.tenants)
  const effectiveAudience = audience.length > 0 ? audience : own.audience !== null ? [own.audience] : []
  const effectiveTenants = tenants.length > 0 ? tenants : isGuid(own.tenantId) ? [own.tenantId] : []
  if (effectiveAudience.length === 0) return { status: 'unavailable', reason: 'The token has no audience: set the expected audience to check the signature.' }
  if (effectiveTenants.length === 0) return { status: 'unavailable', reason: 'The token names no tenant (tid): set the allowed tenants to check the signature.' }

  const key = JSON.stringify([settings.verification, effectiveAudience, effectiveTenants, settings.clockSkewSeconds, keySet === null ? '' : settings.keySet])
  currentNow = request.now
  let verifier: Verifier
  try {
    verifier = verifierFor(key, () => createVerifier({
      audience: effectiveAudience,
      tenants: effectiveTenants,
      cloud: CLOUD_NAMES,
      clockSkew: settings.clockSkewSeconds,
      now: () => currentNow,
      ...(keySet === null ? {} : { jwks: keySet }),
    }))
  } catch (err) {
    // createVerifier throws TypeError only for options it cannot use (e.g. a key set it cannot read).
    return { status: 'unavailable', reason: `The signature cannot be checked with these settings: ${err instanceof Error ? err.message : 'invalid options'}.` }
  }
  const report = await verifier.verify(raw, {
    ...(settings.api === null ? {} : { api: settings.api }),
    ...(settings.operation.trim() === '' ? {} : { operation: settings.operation.trim() }),
  })
  return { status: 'verified', report }
}
