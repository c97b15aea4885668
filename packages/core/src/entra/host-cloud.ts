import { CLOUDS, type CloudName } from './clouds.js'

/** Which cloud an API host belongs to, and where its callers sign in (they differ for GCC). */
export interface HostCloud {
  /** The cloud whose sign-in authority issues tokens this host accepts. */
  signIn: CloudName
  /** How the docs name the environment: `public`, `GCC`, `GCC High / DoD`, `China`. */
  environment: 'public' | 'GCC' | 'GCC High / DoD' | 'China'
}

// Checked 2026-12-08 against MicrosoftDocs/defender-docs defender-endpoint/gov.md ("API" table): GCC signs in at
// https://login.microsoftonline.com and calls https://api-gcc.securitycenter.microsoft.us; GCC High and DoD sign in
// at https://login.microsoftonline.us and call https://api-gov.securitycenter.microsoft.us. Graph: graph.microsoft.us
// (L4) and dod-graph.microsoft.us (L5) sign in at login.microsoftonline.us (learn.microsoft.com graph/deployments).
const GCC_HOST = /^api-gcc\.[a-z0-9.-]+\.us$/
const US_GOV_HOST = /\.us$/
const CHINA_HOST = /\.chinacloudapi\.cn$/

/** The cloud of an API host (any host: the rule is by domain), lower-case without a port. */
export function hostCloud(host: string): HostCloud {
  const h = host.toLowerCase()
  if (GCC_HOST.test(h)) return { signIn: 'public', environment: 'GCC' }
  if (US_GOV_HOST.test(h)) return { signIn: 'usgov', environment: 'GCC High / DoD' }
  if (CHINA_HOST.test(h)) return { signIn: 'china', environment: 'China' }
  return { signIn: 'public', environment: 'public' }
}

/** What is wrong when a token from one cloud is sent to a host of another; null when they agree. */
export interface CloudMismatch {
  tokenCloud: CloudName
  host: string
  hostCloud: HostCloud
  /** The sign-in authority the token must come from. */
  authority: string
}

export function cloudMismatch(tokenCloud: CloudName | null, host: string | null): CloudMismatch | null {
  if (tokenCloud === null || host === null) return null
  const target = hostCloud(host)
  if (target.signIn === tokenCloud) return null
  return {
    tokenCloud,
    host: host.toLowerCase(),
    hostCloud: target,
    authority: CLOUDS[target.signIn].authority,
  }
}
