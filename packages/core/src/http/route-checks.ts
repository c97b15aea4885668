import type { JsonObject } from '../lib/json.js'
import type { Report } from '../report/report.js'
import type { Refusal } from './answer.js'
import { bearerChallenge } from './challenge.js'
import { insufficientScope, toDescription, type RefusalSettings } from './refuse.js'

/**
 * A per-route check that needs no catalog: `requireScopes`, `requireRoles`, `requireClaims`. Given to entraAuth or
 * authorize as `checks: [...]`, it runs after the token (and any catalog requirement) passed, so it only narrows.
 */
export interface RouteCheck {
  readonly kind: 'scopes' | 'roles' | 'claims'
  /** What the route asks for, for the `scope` attribute of the 403 (empty for a claims predicate). */
  readonly needed: readonly string[]
  /** One of `needed` suffices (`{ any: true }`). */
  readonly any: boolean
  /** True when the token's claims satisfy the check. */
  test(payload: Readonly<JsonObject>): boolean
}

export interface RequireListOptions {
  /** true: one of the list suffices. Default false: every one is needed. */
  readonly any?: boolean
}

function values(payload: Readonly<JsonObject>, claim: 'scp' | 'roles'): readonly string[] {
  const value = Object.hasOwn(payload, claim) ? payload[claim] : undefined
  if (typeof value === 'string') return value.split(' ').filter((s) => s.length > 0)
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

function listCheck(
  kind: 'scopes' | 'roles',
  claim: 'scp' | 'roles',
  list: readonly string[],
  options: RequireListOptions,
): RouteCheck {
  const name = kind === 'scopes' ? 'requireScopes' : 'requireRoles'
  if (
    !Array.isArray(list) ||
    list.length === 0 ||
    !list.every((v) => typeof v === 'string' && /^\S+$/.test(v))
  )
    throw new TypeError(`${name} needs a non-empty array of permission names without spaces`)
  if (typeof options !== 'object' || options === null)
    throw new TypeError(`${name}: options must be an object`)
  for (const key of Object.keys(options))
    if (key !== 'any') throw new TypeError(`${name}: unknown option '${key}' — the one option is 'any'`)
  if (options.any !== undefined && typeof options.any !== 'boolean')
    throw new TypeError(`${name}: the any option must be true or false`)
  const needed = Object.freeze([...list])
  const mode = { any: options.any === true }
  return Object.freeze({
    kind,
    needed,
    ...mode,
    test(payload: Readonly<JsonObject>) {
      // Exact, case-sensitive comparison: Entra writes permission values as registered.
      const held = new Set(values(payload, claim))
      return mode.any ? needed.some((n) => held.has(n)) : needed.every((n) => held.has(n))
    },
  })
}

/** Delegated permissions (`scp`): all of them, or with `{ any: true }` one of them. */
export function requireScopes(list: readonly string[], options: RequireListOptions = {}): RouteCheck {
  return listCheck('scopes', 'scp', list, options)
}

/** Application permissions or app roles (`roles`): all of them, or with `{ any: true }` one of them. */
export function requireRoles(list: readonly string[], options: RequireListOptions = {}): RouteCheck {
  return listCheck('roles', 'roles', list, options)
}

/**
 * Any rule on the verified token's claims: `requireClaims((c) => c.tid === partnerTenant)`. The predicate sees the
 * payload of a token that already passed every check; a throw counts as a refusal, never as a pass.
 */
export function requireClaims(predicate: (claims: Readonly<JsonObject>) => boolean): RouteCheck {
  if (typeof predicate !== 'function')
    throw new TypeError('requireClaims needs a function (claims) => boolean')
  return Object.freeze({
    kind: 'claims' as const,
    needed: Object.freeze([]),
    ...{ any: false },
    test(payload: Readonly<JsonObject>) {
      try {
        return predicate(payload) === true
      } catch {
        return false
      }
    },
  })
}

/** Checks the `checks` option once, at creation. */
export function checkRouteChecks(value: unknown): readonly RouteCheck[] {
  if (
    !Array.isArray(value) ||
    !value.every((c) => typeof c === 'object' && c !== null && typeof (c as RouteCheck).test === 'function')
  )
    throw new TypeError(
      'checks must be an array of requireScopes(...), requireRoles(...) or requireClaims(...)',
    )
  return Object.freeze([...(value as RouteCheck[])])
}

/**
 * The first failing check's 403, in the words of the other refusals: insufficient_scope, `error_description` a code
 * (`permission-missing` for scopes and roles, `claims-check-failed` for a predicate), `scope` naming what would pass.
 */
export function routeCheckRefusal(
  report: Report,
  checks: readonly RouteCheck[],
  settings: RefusalSettings,
): Refusal | null {
  const payload = report.token?.payload
  if (payload === undefined || checks.length === 0) return null
  const failed = checks.find((c) => !c.test(payload))
  if (failed === undefined) return null
  if (failed.kind !== 'claims') {
    // The same words as a catalog requirement's 403: "needs A and B" or "needs one of A, B"; `scope` is one
    // minimal set that would satisfy the check (RFC 6750 §3).
    const needs = failed.any ? [[...failed.needed]] : failed.needed.map((n) => [n])
    const scope = failed.any ? failed.needed.slice(0, 1) : [...failed.needed]
    return insufficientScope('permission-missing', needs, scope, settings)
  }
  const sentence = 'The token does not meet a condition of this route on its claims.'
  return {
    status: 403,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'www-authenticate': bearerChallenge({
        realm: settings.realm,
        error: 'insufficient_scope',
        error_description: toDescription(sentence),
      }),
    },
    body: { error: 'insufficient_scope', finding: 'claims-check-failed', fix: sentence },
  }
}
