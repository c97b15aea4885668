import type { AcceptedKey } from '../../entra/keyset/accept-key.js'
import { MAX_KID_LENGTH } from '../../entra/keyset/accept-key.js'
import type { KeySetSource, KeySetStore } from '../../entra/keyset/store.js'
import { decodeBase64UrlText } from '../base64url.js'
import { isJsonObject, ownValue } from '../json.js'
import { parseStrictJson } from '../strict-json.js'

/**
 * The key a token will most likely be checked with, from its header alone (strictly decoded) and the key set the
 * last verified token used, without any request; null when anything is unusual (then nothing starts early). Used
 * only to start jose's check before the full analysis, so that the RSA work runs on the thread pool while the
 * analysis runs here. The full pipeline still decides everything, and uses this result only when it selects a key
 * with the same material (the outcome of a check depends on the token and the key's n and e alone).
 */
export function likelyKey(compact: string, store: KeySetStore, source: KeySetSource): AcceptedKey | null {
  const dot = compact.indexOf('.')
  if (dot <= 0) return null
  const text = decodeBase64UrlText(compact.slice(0, dot))
  if (!text.ok) return null
  const parsed = parseStrictJson(text.text)
  if (!parsed.ok || parsed.duplicates.length > 0 || !isJsonObject(parsed.value)) return null
  const header = parsed.value
  const kid = ownValue(header, 'kid')
  if (ownValue(header, 'alg') !== 'RS256' || typeof kid !== 'string' || kid.length === 0 || kid.length > MAX_KID_LENGTH) return null
  // Tokens the verifier refuses before any key (Graph's nonce, crit, b64) are not worth starting for.
  if (Object.hasOwn(header, 'nonce') || Object.hasOwn(header, 'crit') || Object.hasOwn(header, 'b64')) return null
  const found = store.peek(source, kid)
  return found !== null && found.status === 'found' ? found.key : null
}

/** Whether a check with one key stands for a check with the other: the same public key material. */
export function sameKeyMaterial(a: AcceptedKey, b: AcceptedKey): boolean {
  return a === b || (a.jwk.n === b.jwk.n && a.jwk.e === b.jwk.e)
}
