import type { KnownApiId } from '../entra/apis.js'
import { assertKnownKeys } from '../lib/strict-options.js'
import { formatOperation } from '../permissions/operation.js'
import { compileRequirement, FROM_REQUEST, type CompiledRequirement } from '../permissions/requirement.js'
import type { CatalogOperation, PermissionCatalog } from '../permissions/types.js'
import { AUTH_CONTEXT_ID } from '../permissions/validate-catalog.js'
import type { RequirementOptions } from '../token/options.js'
import { operationForRequest } from './from-request.js'

/** `operation: FROM_REQUEST`: the request's own method and path (after the mount point) name the operation. */
export { FROM_REQUEST }

/** What a protected route needs: the verifier's per-call requirement, plus a Conditional Access auth context. */
export interface HttpRequirement {
  /** A built-in catalog (`mde`, `m365d`, `graph`). */
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

/** Kept likewise: every PermissionCatalog may name auth contexts on its operations. */
export type ProtectedCatalog = PermissionCatalog

/** What one HTTP request asks of the verifier, from a checked requirement. */
export interface RouteRequest {
  /** What verify() gets: frozen, and the same object for every request on the same route and operation. */
  request: RequirementOptions
  /** 'from-request' found no catalog operation for this method and path. */
  unmatched: boolean
  /** The auth context the token's `acrs` must carry: the requirement's own, else its operation's. */
  authContext: string | undefined
  /** The catalog operation judged, when known here (for the other kind's needs in a kind-mismatch answer). */
  operation: CatalogOperation | null
}

/** A route's requirement, compiled once (at creation) by the one reader, compileRequirement. */
export interface CheckedRequirement {
  readonly compiled: CompiledRequirement
  readonly operation: string | undefined
  readonly fromRequest: boolean
  /** Per request, only the path is matched against the catalog's prebuilt index. */
  /** `path` is null when the adapter cannot pin down the path the router ran: nothing is judged on a guess. */
  forRequest(method: string, path: string | null, mountPath: string): RouteRequest
}

const ROUTE_MEMBERS: ReadonlySet<string> = new Set(['api', 'catalog', 'operation', 'require', 'authContext'])

/**
 * Checks and compiles a route's requirement where it is configured (API misuse throws TypeError naming the route and
 * the field): a typo in a route's requirement must fail at start-up, never open the route. `where` names the route
 * (`entraAuth requirement`, `authorize requirement`).
 */
export function checkRequirement(requirement: unknown, where = 'requirement'): CheckedRequirement {
  if (typeof requirement !== 'object' || requirement === null || Array.isArray(requirement))
    throw new TypeError(
      `${where} must be an object ({ api?, catalog?, operation?, require?, authContext? }) or 'from-request'`,
    )
  assertKnownKeys(where, requirement, ROUTE_MEMBERS)
  // Graph tokens cannot be verified by anyone but Graph: a route can never accept one.
  if (Object.getOwnPropertyDescriptor(requirement, 'api')?.value === 'graph')
    throw new TypeError(`${where}.api: must be 'mde' or 'm365d' (use catalog for your own API)`)
  const compiled = compileRequirement(requirement, { route: true })
  if (!compiled.ok) throw new TypeError(`${where}.${compiled.problem.member}: ${compiled.problem.message}`)
  const value = compiled.value
  // The caller's catalog object (deep-frozen by the compile): verify() finds it compiled by identity.
  const rawCatalog = Object.getOwnPropertyDescriptor(requirement, 'catalog')?.value as
    PermissionCatalog | undefined
  const base = {
    ...(value.api !== undefined ? { api: value.api as KnownApiId } : {}),
    ...(rawCatalog !== undefined ? { catalog: rawCatalog } : {}),
    ...(value.require.length > 0 ? { require: value.require } : {}),
  }
  const explicit = value.authContext
  if (!value.fromRequest) {
    const resolved = value.operation === undefined ? null : value.resolve(null).operation
    const fixed: RouteRequest = Object.freeze({
      request: Object.freeze(value.operation === undefined ? base : { ...base, operation: value.operation }),
      unmatched: false,
      authContext: explicit ?? (resolved === null ? undefined : operationAuthContext(resolved)),
      operation: resolved,
    })
    return Object.freeze({
      compiled: value,
      operation: value.operation,
      fromRequest: false,
      forRequest: () => fixed,
    })
  }
  const index = (value.catalog as NonNullable<typeof value.catalog>).index
  const unmatched: RouteRequest = Object.freeze({
    request: Object.freeze(base),
    unmatched: true,
    authContext: explicit,
    operation: null,
  })
  // One frozen request per operation, made when first asked: verify() reads each once (by identity).
  const perOperation = new Map<CatalogOperation, RouteRequest>()
  return Object.freeze({
    compiled: value,
    operation: undefined,
    fromRequest: true,
    forRequest(method: string, path: string | null, mountPath: string): RouteRequest {
      const matched = path === null ? null : operationForRequest(index, method, path, mountPath)
      if (matched === null) return unmatched
      let hit = perOperation.get(matched)
      if (hit === undefined) {
        hit = Object.freeze({
          request: Object.freeze({ ...base, operation: formatOperation(matched) }),
          unmatched: false,
          authContext: explicit ?? operationAuthContext(matched),
          operation: matched,
        })
        perOperation.set(matched, hit)
      }
      return hit
    },
  })
}

/** Entra's authentication context IDs are c1 to c99. */
export function checkAuthContext(name: string, value: unknown): string {
  if (typeof value !== 'string' || !AUTH_CONTEXT_ID.test(value))
    throw new TypeError(`${name} must be an authentication context ID, c1 to c99`)
  return value
}

/** The auth context a catalog operation names, if any (its own string member). */
export function operationAuthContext(operation: CatalogOperation): string | undefined {
  const value = Object.hasOwn(operation, 'authContext') ? operation.authContext : undefined
  return typeof value === 'string' ? value : undefined
}
