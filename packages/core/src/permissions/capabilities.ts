import { builtinCatalog } from './builtin.js'
import type { CatalogIndex } from './catalog-index.js'
import { decidePermissions, readGrants, type Grants } from './check.js'
import { nameKey } from './name-key.js'
import { formatOperation } from './operation.js'
import { compileRequirement } from './requirement.js'
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
  const segment = segments[0] ?? 'other'
  const first = segment.includes('(') ? segment.slice(0, segment.indexOf('(')) : segment
  return AREA_NAMES[first.toLowerCase()] ?? `${first.charAt(0).toUpperCase()}${first.slice(1)}`
}

/** The built-in catalog for the API a token is for (from its `aud`), or null when ClaimCheck has none. */
export function catalogForToken(facts: Pick<PermissionSubject, 'api'>): PermissionCatalog | null {
  const api = facts.api
  return typeof api === 'string' ? builtinCatalog(api) : null
}

/**
 * The token's grants cut down to the names the catalog can mention, read once: each operation's decision then
 * costs what its own names cost, whatever the token carries (a token with 20,000 roles is read once, not once per
 * operation). Names outside the catalog can grant nothing; a placeholder keeps "has scopes at all", which decides
 * the context of an unclassified token.
 */
function grantsFor(g: Grants, index: CatalogIndex): Grants {
  const mentioned = new Set<string>()
  for (const op of index.catalog.operations) {
    const groups = [
      op.application,
      op.delegated,
      ...(op.alsoRequires?.application ?? []),
      ...(op.alsoRequires?.delegated ?? []),
    ]
    for (const group of groups)
      for (const n of group) {
        mentioned.add(nameKey(n))
        mentioned.add(nameKey(index.canonical(n)))
      }
  }
  const keep = (names: readonly string[]): string[] => names.filter((n) => mentioned.has(nameKey(n)))
  const scopes = keep(g.scopes)
  return {
    ...g,
    roles: keep(g.roles),
    scopes: scopes.length === 0 && g.scopes.length > 0 ? [' '] : scopes,
  }
}

/**
 * Judges a token against every operation of a catalog, grouped by area in the catalog's order; each row says what
 * checkPermissions of that one operation would. The catalog is validated and indexed once and the token's grants
 * read once: O(operations + roles). Pure and synchronous; API misuse throws TypeError as checkPermissions does.
 */
export function capabilitiesOf(facts: PermissionSubject, catalog: PermissionCatalog): Capabilities {
  const builtin = builtinCatalog(catalog.id) === catalog
  const read = readGrants(facts)
  if (read === null)
    throw new TypeError('capabilitiesOf: facts must be token facts (an object with a payload object)')
  const first = catalog.operations[0]
  // One resolution (validating a custom catalog, finding a built-in one's index); the operation only makes it legal.
  const asked = first === undefined ? { require: ['x'] } : { operation: formatOperation(first) }
  const compiled = compileRequirement(builtin ? { api: catalog.id, ...asked } : { catalog, ...asked })
  if (!compiled.ok) throw new TypeError(`capabilitiesOf: ${compiled.problem.message}`)
  const index = compiled.value.resolve(read.api).index
  const g = index === null ? read : grantsFor(read, index)
  // Decisions read the validated copy the index holds; the rows show the caller's catalog as given.
  const decided = index === null ? catalog.operations : index.catalog.operations
  const areas = new Map<string, CapabilityArea>()
  let context: PermissionKind = 'application'
  let granted = 0
  for (const [i, op] of catalog.operations.entries()) {
    const operation = formatOperation(op)
    const check = decidePermissions(g, {
      index,
      operation: decided[i] ?? op,
      label: operation,
      require: [],
      unknown: null,
    })
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
