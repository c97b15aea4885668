import { builtinCatalog } from './builtin.js'
import { checkPermissions } from './check.js'
import { formatOperation } from './operation.js'
import type { CatalogOperation, PermissionCatalog, PermissionKind, PermissionSubject } from './types.js'

/** One operation of a catalog, judged for one token. */
export interface OperationCapability {
  /** `METHOD template`, as the catalog writes it. */
  operation: string
  summary: string | null
  granted: boolean
  /** The token's permissions that grant it (as the token spells them); empty when not granted. */
  grantedBy: string[]
  /** Any one of these grants it in the token's context (narrowest first); empty: not callable in this context. */
  needs: string[]
  /** Documented as superseded (e.g. by Graph); it still works. */
  legacy: boolean
}

/** The operations of one area ("Alerts", "Machines"), with how many the token can call. */
export interface CapabilityArea {
  area: string
  granted: number
  total: number
  operations: OperationCapability[]
}

/** What a token can do with an API: every operation of the API's catalog, grouped by area. */
export interface Capabilities {
  api: string
  apiName: string
  /** Application permissions (roles) or delegated ones (scp) were read. */
  context: PermissionKind
  granted: number
  total: number
  areas: CapabilityArea[]
}

// Catalog rows may carry an area; rows without one are grouped by their path's first segment under /api/.
const AREA_NAMES: Readonly<Record<string, string>> = {
  alerts: 'Alerts',
  machines: 'Machines',
  machineactions: 'Machine actions',
  advancedqueries: 'Advanced hunting',
  advancedhunting: 'Advanced hunting',
  indicators: 'Indicators',
  files: 'Files',
  ips: 'IPs',
  domains: 'Domains',
  libraryfiles: 'Live response library',
  vulnerabilities: 'Vulnerabilities',
  software: 'Software',
  recommendations: 'Recommendations',
  remediationtasks: 'Remediation',
  exposurescore: 'Scores',
  configurationscore: 'Scores',
  deviceavinfo: 'Antivirus health',
  incidents: 'Incidents',
}

function areaOf(op: CatalogOperation): string {
  if (op.area !== undefined && op.area !== '') return op.area
  const segments = op.path.split('/').filter((s) => s !== '' && s !== 'api')
  const first = (segments[0] ?? 'other').replace(/\(.*$/, '')
  return AREA_NAMES[first.toLowerCase()] ?? `${first.charAt(0).toUpperCase()}${first.slice(1)}`
}

/** The built-in catalog for the API a token is for (from its `aud`), or null when ClaimCheck has none. */
export function catalogForToken(facts: Pick<PermissionSubject, 'api'>): PermissionCatalog | null {
  const api = facts.api
  return typeof api === 'string' ? builtinCatalog(api) : null
}

/**
 * Judges a token against every operation of a catalog with the public checkPermissions (so each row says exactly
 * what a check of that one operation would), grouped by area in the catalog's order. Pure and synchronous.
 */
export function capabilitiesOf(facts: PermissionSubject, catalog: PermissionCatalog): Capabilities {
  const builtin = builtinCatalog(catalog.id) === catalog
  const areas = new Map<string, CapabilityArea>()
  let context: PermissionKind = 'application'
  let granted = 0
  for (const op of catalog.operations) {
    const operation = formatOperation(op)
    const check = checkPermissions(facts, builtin ? { api: catalog.id, operation } : { catalog, operation })
    context = check.context
    const row: OperationCapability = {
      operation,
      summary: op.summary ?? null,
      granted: check.satisfied,
      grantedBy: check.satisfied ? check.granted : [],
      needs: check.anyOf,
      legacy: op.legacy !== undefined,
    }
    const name = areaOf(op)
    const area = areas.get(name) ?? { area: name, granted: 0, total: 0, operations: [] }
    area.operations.push(row)
    area.total++
    if (row.granted) {
      area.granted++
      granted++
    }
    areas.set(name, area)
  }
  return {
    api: catalog.id,
    apiName: catalog.name,
    context,
    granted,
    total: catalog.operations.length,
    areas: [...areas.values()],
  }
}
