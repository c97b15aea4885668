import { formatDuration } from './duration.js'
import { splitList, type InspectSettings } from '../state/settings.js'
import { nameForGuid } from './known-guids.js'

const SIGNATURE: Record<InspectSettings['verification'], string> = {
  entra: "signature checked against the token's own tenant's published keys",
  'key-set': 'signature checked against the pasted key set',
  off: 'signature not checked (offline)',
}

/** The settings in force, in one line under the token box: what the diagnosis below was judged against. */
export function settingsLine(s: InspectSettings): string {
  const tenants = splitList(s.tenants)
  const audience = splitList(s.audience)
  const parts = [
    s.verification === 'key-set' && s.keySetSource === 'demo'
      ? 'signature checked against the bundled demo key set'
      : SIGNATURE[s.verification],
    audience.length === 0 ? 'any audience' : `audience ${audience.join(', ')}`,
    tenants.length === 0 ? 'any tenant' : `tenant ${tenants.map((t) => nameForGuid(t) ?? t).join(', ')}`,
    `clock skew ${formatDuration(s.clockSkewSeconds)}`,
  ]
  return parts.join(' · ')
}
