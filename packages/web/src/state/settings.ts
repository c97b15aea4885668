import { isGuid, type InspectOptions, type KnownApiId } from '@claimcheck/core'

/** How the signature is checked: not at all (offline diagnosis), against Entra's published keys, or a pasted key set. */
export type VerificationMode = 'off' | 'entra' | 'key-set'

/** Where a key set in the settings came from; the demo key set is labelled as such wherever it is shown. */
export type KeySetSource = 'pasted' | 'demo'

/** What the Inspect view checks a token against. Kept in memory only: never in storage, cookies or the URL. */
export interface InspectSettings {
  /** Expected audience(s), separated by spaces, commas or line breaks; empty: no audience check. */
  audience: string
  /** Allowed tenant IDs, separated the same way; empty means any tenant. */
  tenants: string
  clockSkewSeconds: number
  /** The API being called, for the permission matrix; null: no permission check. */
  api: KnownApiId | null
  /** "METHOD /path" of the operation being called; empty: none. */
  operation: string
  verification: VerificationMode
  keySet: string
  keySetSource: KeySetSource
}

export const DEFAULT_SETTINGS: InspectSettings = Object.freeze({
  audience: '',
  tenants: '',
  clockSkewSeconds: 300,
  api: null,
  operation: '',
  verification: 'off',
  keySet: '',
  keySetSource: 'pasted',
})

export function splitList(text: string): string[] {
  return text.split(/[\s,;]+/).filter((s) => s.length > 0)
}

/** Settings a person can fix in the form; shown next to the field, never thrown. */
export interface SettingsProblem {
  field: 'tenants' | 'clockSkewSeconds' | 'keySet' | 'operation'
  message: string
}

export function settingsProblems(settings: InspectSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = []
  const notGuids = splitList(settings.tenants).filter((t) => !isGuid(t))
  if (notGuids.length > 0) {
    problems.push({ field: 'tenants', message: `Tenant IDs are GUIDs; not a GUID: ${notGuids.join(', ')}` })
  }
  if (!Number.isInteger(settings.clockSkewSeconds) || settings.clockSkewSeconds < 0 || settings.clockSkewSeconds > 3600) {
    problems.push({ field: 'clockSkewSeconds', message: 'Clock skew is a whole number of seconds from 0 to 3600.' })
  }
  if (settings.operation.trim() !== '' && !/^[A-Za-z]+\s+\S/.test(settings.operation.trim())) {
    problems.push({ field: 'operation', message: 'Write the operation as METHOD and path, e.g. GET /api/alerts.' })
  }
  if (settings.verification === 'key-set' && parseKeySet(settings.keySet) === null) {
    problems.push({ field: 'keySet', message: 'Paste a key set: a JSON object with a "keys" array (what the jwks_uri returns).' })
  }
  return problems
}

export interface KeySet {
  keys: JsonWebKey[]
}

/** A pasted JWKS, or null when it is not one. The verifier decides which keys are usable. */
export function parseKeySet(text: string): KeySet | null {
  if (text.trim() === '') return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { keys?: unknown }).keys)) return null
  const keys = (value as { keys: unknown[] }).keys
  return keys.every((k) => typeof k === 'object' && k !== null && !Array.isArray(k)) ? { keys: keys as JsonWebKey[] } : null
}

/** The options for core's diagnosis; settings with problems are left out rather than half-applied. */
export function toInspectOptions(settings: InspectSettings, now: Date): InspectOptions {
  const problems = new Set(settingsProblems(settings).map((p) => p.field))
  const options: InspectOptions = { now }
  const audience = splitList(settings.audience)
  if (audience.length > 0) options.audience = audience
  const tenants = splitList(settings.tenants)
  if (tenants.length > 0 && !problems.has('tenants')) options.tenants = tenants
  if (!problems.has('clockSkewSeconds')) options.clockSkew = settings.clockSkewSeconds
  if (settings.api !== null) options.api = settings.api
  const operation = settings.operation.trim()
  if (operation !== '' && !problems.has('operation')) options.operation = operation
  return options
}
