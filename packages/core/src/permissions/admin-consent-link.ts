import { CLOUDS, isGuid, type CloudName } from '../entra/clouds.js'

/**
 * The v1 admin-consent link for one tenant: an admin who opens it grants the app's configured permissions.
 * Deliberately not buildAdminConsentUrl: a finding must be reproducible (the verified-result cache and tests
 * compare reports), so this link has no random state and no redirect_uri (Entra returns to the app's registered
 * reply URL, whose response ClaimCheck does not read). Null unless both IDs are GUIDs (never for "common").
 */
export function adminConsentLink(
  tenantId: string | null | undefined,
  clientId: string | null | undefined,
  cloud: CloudName | null | undefined,
): string | null {
  if (!isGuid(tenantId) || !isGuid(clientId)) return null
  const url = new URL(`${CLOUDS[cloud ?? 'public'].authority}/${encodeURIComponent(tenantId)}/adminconsent`)
  url.search = new URLSearchParams({ client_id: clientId }).toString()
  return url.toString()
}
