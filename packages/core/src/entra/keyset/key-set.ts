import { isJsonObject, ownValue, type JsonValue } from '../../lib/json.js'
import { acceptKey, type AcceptedKey, type RejectedKey } from './accept-key.js'

/** A key set as published, split into the keys we trust and the ones we refused (with why, for the findings). */
export interface KeySet {
  keys: readonly AcceptedKey[]
  rejected: readonly RejectedKey[]
}

export type KeySetParse = { ok: true; keySet: KeySet } | { ok: false; cause: string }

/** At most this many entries are read from one key set; Entra publishes about a dozen. */
export const MAX_KEYS = 100

export function parseKeySet(value: JsonValue | unknown): KeySetParse {
  if (!isJsonObject(value)) return { ok: false, cause: 'the key set is not a JSON object' }
  const list = ownValue(value, 'keys')
  if (!Array.isArray(list)) return { ok: false, cause: 'the key set has no "keys" array' }
  if (list.length > MAX_KEYS)
    return { ok: false, cause: `the key set has ${list.length} keys; at most ${MAX_KEYS} are read` }
  const keys: AcceptedKey[] = []
  const rejected: RejectedKey[] = []
  for (const entry of list) {
    const verdict = acceptKey(entry)
    if (verdict.ok) keys.push(verdict.key)
    else rejected.push(verdict.rejected)
  }
  return { ok: true, keySet: { keys, rejected } }
}

export type KeySelection =
  | { found: true; key: AcceptedKey }
  | { found: false; reason: 'absent' | 'ambiguous' | 'rejected'; rejected: RejectedKey | null }

/** Exact kid match. Several keys with one kid is ambiguous and never guessed between (as jose does). */
export function selectKey(keySet: KeySet, kid: string): KeySelection {
  const matches = keySet.keys.filter((k) => k.kid === kid)
  if (matches.length === 1) return { found: true, key: matches[0] as AcceptedKey }
  if (matches.length > 1) return { found: false, reason: 'ambiguous', rejected: null }
  const rejected = keySet.rejected.find((r) => r.kid === kid) ?? null
  return { found: false, reason: rejected ? 'rejected' : 'absent', rejected }
}

/** A cheap identity for "did the published set change?" (a real rotation resets the unknown-kid budget). */
export function keySetFingerprint(keySet: KeySet): string {
  return keySet.keys
    .map((k) => `${k.kid}:${k.jwk.n.slice(0, 16)}`)
    .sort()
    .join('|')
}
