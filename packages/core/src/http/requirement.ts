import type { KnownApiId } from '../entra/apis.js'
import { builtinCatalog } from '../permissions/builtin.js'
import type { CatalogOperation, PermissionCatalog } from '../permissions/types.js'

/** `operation: FROM_REQUEST`: the request's own method and path (after the mount point) name the operation. */
export const FROM_REQUEST = 'from-request'

/** What a protected route needs: the verifier's per-call requirement, plus a Conditional Access auth context. */
export interface HttpRequirement {
  /** A built-in catalog (`mde`, `m365d`). */
  api?: KnownApiId
  /** Your API's own permission catalog (docs/permissions.md); its operations may name an `authContext`. */
  catalog?: ProtectedCatalog
  /** `METHOD path` of the operation, or `'from-request'` to match the request itself against the catalog. */
  operation?: string
  /** Permissions that must all be present, besides the operation's. */
  require?: readonly string[]
  /**
   * A Conditional Access authentication context ID (`c1` … `c99`) the token's `acrs` claim must carry. With
   * `'from-request'`, a matched catalog operation may name its own (`authContext`); this one applies to every route.
   */
  authContext?: string
}

/** Kept for code written against the first release of /http: CatalogOperation now carries `authContext` itself. */
export type ProtectedOperation = CatalogOperation

/** Kept likewise: any PermissionCatalog may name auth contexts on its operations. */
export type ProtectedCatalog = PermissionCatalog

const AUTH_CONTEXT = /^c(?:[1-9]|[1-9][0-9])$/
const MEMBERS: ReadonlySet<string> = new Set(['api', 'catalog', 'operation', 'require', 'authContext'])

/** A requirement as checked: what verify() gets, and the catalog as written (with its auth contexts). */
export interface CheckedRequirement {
  api: KnownApiId | undefined
  /** The catalog verify() gets: without `authContext` members, which the catalog validator does not know yet. */
  verifyCatalog: PermissionCatalog | undefined
  /** The catalog as given, or the built-in one for `api`: where operations and their auth contexts are looked up. */
  source: PermissionCatalog | null
  operation: string | undefined
  fromRequest: boolean
  require: readonly string[] | undefined
  authContext: string | undefined
}

/**
 * Checks a requirement where it is configured (API misuse throws TypeError, as createVerifier does): a typo in a
 * route's requirement must fail at start-up, never open the route.
 */
export function checkRequirement(requirement: HttpRequirement): CheckedRequirement {
  if (typeof requirement !== 'object' || requirement === null || Array.isArray(requirement)) {
    throw new TypeError(
      "requirement must be an object ({ api?, catalog?, operation?, require?, authContext? }) or 'from-request'",
    )
  }
  for (const name of Object.keys(requirement)) {
    if (!MEMBERS.has(name)) throw new TypeError(`requirement.${name} is not an option`)
  }
  const { api, catalog, operation, require, authContext } = requirement
  if (api !== undefined && api !== 'mde' && api !== 'm365d')
    throw new TypeError("requirement.api must be 'mde' or 'm365d' (use catalog for your own API)")
  if (
    catalog !== undefined &&
    (typeof catalog !== 'object' || catalog === null || !Array.isArray(catalog.operations))
  ) {
    throw new TypeError(
      'requirement.catalog must be a permission catalog (parseCatalog / assertCatalog check one)',
    )
  }
  if (operation !== undefined && (typeof operation !== 'string' || operation.trim() === ''))
    throw new TypeError('requirement.operation must be "METHOD path" or \'from-request\'')
  const source = catalog ?? (api === undefined ? null : builtinCatalog(api))
  const fromRequest = operation === FROM_REQUEST
  if (fromRequest && source === null) {
    throw new TypeError(
      "requirement 'from-request' needs the catalog to match requests against (catalog, or api: 'mde' | 'm365d')",
    )
  }
  if (
    require !== undefined &&
    (!Array.isArray(require) || !require.every((r) => typeof r === 'string' && r.length > 0))
  ) {
    throw new TypeError('requirement.require must be an array of permission names')
  }
  if (authContext !== undefined) checkAuthContext('requirement.authContext', authContext)
  return {
    api,
    verifyCatalog: catalog === undefined ? undefined : checkedAuthContexts(catalog),
    source,
    operation: fromRequest ? undefined : operation,
    fromRequest,
    require: require === undefined ? undefined : Object.freeze([...require]),
    authContext,
  }
}

/**
 * Checks each operation's `authContext` (c1 to c99) with a message that names the operation. The catalog itself goes
 * to the verifier unchanged: CatalogOperation and the catalog validator know the member, and the permission check
 * ignores it.
 */
function checkedAuthContexts(catalog: PermissionCatalog): PermissionCatalog {
  for (const op of catalog.operations) {
    if (op.authContext !== undefined)
      checkAuthContext(`catalog operation ${op.method} ${op.path}: authContext`, op.authContext)
  }
  return catalog
}

/** Entra's authentication context IDs are c1 to c99. */
export function checkAuthContext(name: string, value: unknown): string {
  if (typeof value !== 'string' || !AUTH_CONTEXT.test(value))
    throw new TypeError(`${name} must be an authentication context ID, c1 to c99`)
  return value
}

/** The auth context a catalog operation names, if any (its own string member). */
export function operationAuthContext(operation: CatalogOperation): string | undefined {
  const value = Object.hasOwn(operation, 'authContext') ? operation.authContext : undefined
  return typeof value === 'string' ? value : undefined
}
