import { isGuid, type InspectOptions, type KnownApiId, type PermissionCatalog } from '@claimcheck/core'

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
  /** The API being called; null: the one the token is for (its aud). */
  api: KnownApiId | null
  /** The operation being called: "METHOD /path", a full URL, or a curl line; empty: none. */
  operation: string
  verification: VerificationMode
  keySet: string
  keySetSource: KeySetSource
}

/** The signature is checked by default, against the token's own tenant's published keys (GETs of public metadata). */
export const DEFAULT_SETTINGS: InspectSettings = Object.freeze({
  audience: '',
  tenants: '',
  clockSkewSeconds: 300,
  api: null,
  operation: '',
  verification: 'entra',
  keySet: '',
  keySetSource: 'pasted',
})

export function splitList(text: string): string[] {
  return text.split(/[\s,;]+/).filter((s) => s.length > 0)
}

/** Settings a person can fix in the form; shown next to the field, never thrown. */
export interface SettingsProblem {
  field: 'tenants' | 'clockSkewSeconds' | 'operation'
  message: string
}

const METHOD = /^(GET|POST|PUT|PATCH|DELETE)$/i

/**
 * The operation as core reads it ("METHOD /path" or "METHOD https://host/path"), from what a person types or
 * pastes: that, a bare URL or path (GET), or a curl line (its -X, or POST when it sends data). Null: not readable.
 */
export function readOperation(text: string): string | null {
  const t = text.trim().replace(/\\\n/g, ' ')
  if (t === '') return null
  if (/^curl\s/i.test(t)) {
    const words = t.match(/'[^']*'|"[^"]*"|\S+/g) ?? []
    const unquote = (w: string) => w.replace(/^(['"])(.*)\1$/, '$2')
    let method: string | null = null
    let url: string | null = null
    let sendsData = false
    for (let k = 1; k < words.length; k++) {
      const w = words[k] as string
      if (w === '-X' || w === '--request') method = unquote(words[++k] ?? '')
      else if (/^-X[A-Z]+$/.test(w)) method = w.slice(2)
      else if (/^(-d|--data(-raw|-binary|-urlencode)?|--json)$/.test(w)) {
        sendsData = true
        k++
      } else if (/^(-H|--header|-u|--user|-o|--output|-A|--user-agent|-e|--referer|-b|--cookie)$/.test(w)) k++
      else if (!w.startsWith('-') && url === null) url = unquote(w)
    }
    if (url === null || !/^(https?:\/\/|\/)/i.test(url)) return null
    const m = (method ?? (sendsData ? 'POST' : 'GET')).toUpperCase()
    return METHOD.test(m) ? `${m} ${url}` : null
  }
  const [first, ...rest] = t.split(/\s+/)
  if (first !== undefined && METHOD.test(first) && rest.length === 1)
    return `${first.toUpperCase()} ${rest[0] as string}`
  if (rest.length === 0 && /^(https?:\/\/|\/)/i.test(t)) return `GET ${t}`
  return null
}

export function settingsProblems(settings: InspectSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = []
  const notGuids = splitList(settings.tenants).filter((t) => !isGuid(t))
  if (notGuids.length > 0) {
    problems.push({ field: 'tenants', message: `Tenant IDs are GUIDs; not a GUID: ${notGuids.join(', ')}` })
  }
  if (
    !Number.isInteger(settings.clockSkewSeconds) ||
    settings.clockSkewSeconds < 0 ||
    settings.clockSkewSeconds > 3600
  ) {
    problems.push({
      field: 'clockSkewSeconds',
      message: 'Clock skew is a whole number of seconds from 0 to 3600.',
    })
  }
  if (settings.operation.trim() !== '' && readOperation(settings.operation) === null) {
    problems.push({
      field: 'operation',
      message:
        'Write the operation as METHOD and path (GET /api/alerts), paste its URL, or paste the curl line.',
    })
  }
  // A pasted key set is judged by core's readKeySetText where it is used (the lazy verification chunk and the
  // key-set box), so the reader stays off the paste path.
  return problems
}

/**
 * The options for core's diagnosis; settings with problems are left out rather than half-applied. A catalog the
 * person loaded judges a typed operation instead of the built-in ones (the CLI's --catalog).
 */
export function toInspectOptions(
  settings: InspectSettings,
  now: Date,
  catalog: PermissionCatalog | null = null,
): InspectOptions {
  const problems = new Set(settingsProblems(settings).map((p) => p.field))
  const options: InspectOptions = { now }
  const audience = splitList(settings.audience)
  if (audience.length > 0) options.audience = audience
  const tenants = splitList(settings.tenants)
  if (tenants.length > 0 && !problems.has('tenants')) options.tenants = tenants
  if (!problems.has('clockSkewSeconds')) options.clockSkew = settings.clockSkewSeconds
  const operation = readOperation(settings.operation)
  if (operation !== null) options.operation = operation
  if (catalog !== null) {
    if (operation !== null) options.catalog = catalog
  } else if (settings.api !== null) options.api = settings.api
  return options
}
