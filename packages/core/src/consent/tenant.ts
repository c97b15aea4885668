import { isGuid } from '../entra/clouds.js'

/** How a tenant segment of an Entra URL names the tenant. */
export type TenantKind = 'guid' | 'domain' | 'organizations' | 'common' | 'consumers'

const KEYWORDS: ReadonlySet<string> = new Set(['organizations', 'common', 'consumers'])
// A DNS name with at least two labels and an alphabetic top-level label (contoso.com, contoso.onmicrosoft.com).
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i

/** What kind of tenant segment the value is, or null when it is none (a URL, an e-mail address, a typo). */
export function classifyTenant(value: string): TenantKind | null {
  if (isGuid(value)) return 'guid'
  const lower = value.toLowerCase()
  if (KEYWORDS.has(lower)) return lower as TenantKind
  return DOMAIN.test(value) ? 'domain' : null
}

/** A hint for values people commonly paste in place of a tenant; null when there is nothing more specific to say. */
export function tenantHint(value: string): string | null {
  const at = value.lastIndexOf('@')
  if (at > 0 && DOMAIN.test(value.slice(at + 1)))
    return `that is an e-mail address; its domain ${value.slice(at + 1)} may name the tenant`
  if (/^https?:\/\//i.test(value)) return 'that is a URL; give the tenant ID (GUID) or domain alone'
  if (value.trim() === '') return 'it is empty'
  return null
}
