import { CLOUDS, isGuid, type CloudName } from '../entra/clouds.js'

/**
 * The v1 admin-consent link for one tenant: an admin who opens it grants the app's configured permissions.
 * A stopgap until the consent module's buildAdminConsentUrl lands; it adds no redirect_uri, so Entra uses the
 * app's registered reply URL. Null unless both IDs are GUIDs (never for "common").
 */
export function adminConsentLink(tenantId: string | null | undefined, clientId: string | null | undefined, cloud: CloudName | null | undefined): string | null {
  if (!isGuid(tenantId) || !isGuid(clientId)) return null
  const url = new URL(`${CLOUDS[cloud ?? 'public'].authority}/${encodeURIComponent(tenantId)}/adminconsent`)
  url.search = new URLSearchParams({ client_id: clientId }).toString()
  return url.toString()
}
