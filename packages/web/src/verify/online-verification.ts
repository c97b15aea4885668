// Lazily loaded when the user turns verification on: the verifier (and jose) stay out of the paste path's bundle.
import type { Report } from '@claimcheck/core'
import { parseKeySet, type InspectSettings } from '../state/settings.js'

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

/**
 * Checks the signature with core's verifier: against the pasted key set, or Entra's published keys (GETs of the
 * discovery document and key set only). The verifier is not in core yet (another branch builds createVerifier);
 * until it lands this says so instead of pretending.
 */
export async function verifyInBrowser(request: VerificationRequest): Promise<VerificationOutcome> {
  if (request.settings.verification === 'key-set' && parseKeySet(request.settings.keySet) === null) {
    return { status: 'unavailable', reason: 'The pasted key set is not a JSON Web Key Set.' }
  }
  return { status: 'unavailable', reason: 'Signature verification is not part of this build yet: the signature was not checked.' }
}
