import { API_RESOURCES, type JsonObject } from '@claimcheck/core'
import type { InspectSettings } from '../state/settings.js'
import { DEMO_APP_ID, DEMO_OTHER_TENANT_ID, DEMO_TENANT_ID } from './demo-identities.js'
import { DEMO_JWKS } from './demo-jwks.js'
import type { SampleId } from './sample-list.js'

/** The claims of one sample, computed for the instant it is minted, and the settings that frame its story. */
export interface SampleTemplate {
  header: JsonObject
  payload: JsonObject
  settings: Partial<InspectSettings>
}

const SERVICE_PRINCIPAL_OID = '5e7a1c00-0000-4000-a000-00000000517e'
const MDE = API_RESOURCES.mde.resourceByCloud.public as string
const GRAPH = API_RESOURCES.graph.resourceByCloud.public as string
const ISOLATE = 'POST /api/machines/{id}/isolate'

/** Every sample frames the same call: Contoso's automation isolating a machine through Defender for Endpoint. */
export const SAMPLE_SETTINGS: Partial<InspectSettings> = {
  audience: MDE,
  tenants: DEMO_TENANT_ID,
  api: 'mde',
  operation: ISOLATE,
  verification: 'key-set',
  keySet: JSON.stringify(DEMO_JWKS, null, 2),
  keySetSource: 'demo',
}

interface AppOnlyV1 {
  tenantId: string
  audience: string
  roles: string[]
  issuedAt: number
  lifetimeSeconds: number
  random: () => string
}

/** The shape Entra gives a v1 client-credentials token for a resource like the Defender APIs. */
function appOnlyV1(o: AppOnlyV1): JsonObject {
  return {
    aud: o.audience,
    iss: `https://sts.windows.net/${o.tenantId}/`,
    iat: o.issuedAt,
    nbf: o.issuedAt,
    exp: o.issuedAt + o.lifetimeSeconds,
    aio: o.random(),
    app_displayname: 'Contoso SOC automation (demo)',
    appid: DEMO_APP_ID,
    appidacr: '1',
    idp: `https://sts.windows.net/${o.tenantId}/`,
    idtyp: 'app',
    oid: SERVICE_PRINCIPAL_OID,
    rh: `0.${o.random()}.`,
    roles: o.roles,
    sub: SERVICE_PRINCIPAL_OID,
    tid: o.tenantId,
    uti: o.random().slice(0, 22),
    ver: '1.0',
  }
}

/**
 * Sample claims relative to `nowSeconds`: minting at click time keeps the healthy samples healthy for ever and the
 * expired one expired by the same margin, with no fixed demo clock to explain.
 */
export function sampleTemplate(
  id: SampleId,
  nowSeconds: number,
  kid: string,
  random: () => string,
): SampleTemplate {
  const header: JsonObject = { typ: 'JWT', alg: 'RS256', kid }
  const base = {
    tenantId: DEMO_TENANT_ID,
    audience: MDE,
    issuedAt: nowSeconds - 300,
    lifetimeSeconds: 3599,
    random,
  }
  const roles = ['Machine.Isolate', 'Machine.Read.All', 'Alert.Read.All']
  switch (id) {
    case 'healthy':
      return { header, payload: appOnlyV1({ ...base, roles }), settings: SAMPLE_SETTINGS }
    case 'expired':
      return {
        header,
        payload: appOnlyV1({ ...base, roles, issuedAt: nowSeconds - 3 * 3600 }),
        settings: SAMPLE_SETTINGS,
      }
    case 'missing-role':
      return {
        header,
        payload: appOnlyV1({ ...base, roles: ['Machine.Read.All'] }),
        settings: SAMPLE_SETTINGS,
      }
    case 'graph':
      // Graph access tokens carry a nonce in the header and are signed over a hash of it: only Graph can verify them.
      return {
        header: { ...header, nonce: random() },
        payload: appOnlyV1({ ...base, audience: GRAPH, roles: ['User.Read.All'] }),
        settings: SAMPLE_SETTINGS,
      }
    case 'cross-tenant':
      return {
        header,
        payload: appOnlyV1({ ...base, tenantId: DEMO_OTHER_TENANT_ID, roles }),
        settings: SAMPLE_SETTINGS,
      }
  }
}
