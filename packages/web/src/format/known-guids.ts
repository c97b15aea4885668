import { API_RESOURCES, CONSUMER_TENANT_ID, KNOWN_API_IDS } from '@claimcheck/core'
import { DEMO_NAMES } from '../demo/demo-identities.js'

// Well-known first-party client applications people meet in appid/azp. Names only: never used to decide anything.
const FIRST_PARTY_CLIENTS: Readonly<Record<string, string>> = {
  '04b07795-8ddb-461a-bbee-02f9e1bf7b46': 'Microsoft Azure CLI',
  '1950a258-227b-4e31-a9cf-717495945fc2': 'Microsoft Azure PowerShell',
  '14d82eec-204b-4c2f-b7e8-296a70dab67e': 'Microsoft Graph Command Line Tools',
  'de8bc8b5-d9f9-48b1-a8ad-b748da725064': 'Graph Explorer',
}

const KNOWN: ReadonlyMap<string, string> = new Map<string, string>([
  ...KNOWN_API_IDS.map(
    (id) => [API_RESOURCES[id].appId, `${API_RESOURCES[id].name} (resource app)`] as const,
  ),
  [CONSUMER_TENANT_ID, 'Microsoft accounts (consumer tenant)'],
  ...Object.entries(FIRST_PARTY_CLIENTS),
  ...Object.entries(DEMO_NAMES),
])

/** A readable name for a GUID ClaimCheck recognises, or null. */
export function nameForGuid(guid: string): string | null {
  return KNOWN.get(guid.toLowerCase()) ?? null
}
