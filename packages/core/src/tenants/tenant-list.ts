import { isCloudName, type CloudName } from '../entra/clouds.js'

/** One customer tenant to check: an ID or a verified domain, and its cloud when it is not the run's default. */
export interface TenantEntry {
  tenant: string
  cloud?: CloudName
}

export type TenantListLine =
  { ok: true; line: number; entry: TenantEntry } | { ok: false; line: number; text: string; problem: string }

/**
 * Reads a tenants file: one tenant ID or domain per line, optionally followed by a comma and its cloud
 * (`public`, `usgov`, `china`); `#` starts a comment; blank lines are ignored. A line with a cloud ClaimCheck does
 * not know comes back as a problem (never silently sent to the default cloud). Tenant values are checked later,
 * per tenant, so a typo in one line does not stop the others.
 */
export function* readTenantList(text: string): Generator<TenantListLine> {
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? ''
    const hash = text.indexOf('#')
    const raw = (hash < 0 ? text : text.slice(0, hash)).trim()
    if (raw === '') continue
    // Three pieces at most: a third already means "more than one comma" (a line of 60,000 commas stays cheap).
    const [tenantPart = '', cloudPart, ...extra] = raw.split(',', 3).map((s) => s.trim())
    const line = i + 1
    if (extra.length > 0) {
      yield {
        ok: false,
        line,
        text: raw,
        problem: 'more than one comma: expected "<tenant>" or "<tenant>,<cloud>"',
      }
    } else if (tenantPart === '') {
      yield { ok: false, line, text: raw, problem: 'no tenant before the comma' }
    } else if (cloudPart === undefined) {
      yield { ok: true, line, entry: { tenant: tenantPart } }
    } else if (isCloudName(cloudPart.toLowerCase())) {
      yield { ok: true, line, entry: { tenant: tenantPart, cloud: cloudPart.toLowerCase() as CloudName } }
    } else {
      yield { ok: false, line, text: raw, problem: `"${cloudPart}" is not a cloud (public, usgov, china)` }
    }
  }
}
