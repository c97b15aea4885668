import type { CloudName } from '../entra/clouds.js'
import type { Finding } from '../findings/finding.js'

export type PermissionKind = 'application' | 'delegated'
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']

/** One app role (application) or delegated scope (oauth2PermissionScope) that an API defines. */
export interface CatalogPermission {
  /** The value Entra writes into `roles` (application) or `scp` (delegated). */
  value: string
  kind: PermissionKind
  /** The app role or scope ID on the resource's service principal; null when no public source gives it. */
  id: string | null
  /** Where a sovereign cloud's service principal uses another ID for the same value (e.g. Graph in usgov). */
  idByCloud?: Partial<Readonly<Record<CloudName, string>>>
  displayName?: string
  /** Narrower permissions this one includes (least-privilege advice: `Alert.ReadWrite.All` includes `Alert.Read.All`). */
  includes?: readonly string[]
}

/** One HTTP operation and the permissions that allow it; each column is any-of, narrowest first. */
export interface CatalogOperation {
  method: HttpMethod
  /** Path template: literal segments, `{name}` placeholders, and `name(...)` function segments. */
  path: string
  application: readonly string[]
  delegated: readonly string[]
  /** The official page the permissions were read from. */
  source?: string
  /** Who last checked the row against its page: the project's reference (`reference`) or ClaimCheck (`claimcheck`). */
  checkedBy?: 'reference' | 'claimcheck'
  /** What changed when the row was checked, if anything. */
  correction?: string
  /** The portal role a signed-in user needs for delegated calls, as the page names it. */
  userRole?: string
  summary?: string
  /**
   * Permissions needed together with one of `application` / `delegated`: each inner list is any-of, and every list
   * is required (StopAndQuarantineFile also needs Machine.Read.All or Machine.ReadWrite.All).
   */
  alsoRequires?: Partial<Readonly<Record<PermissionKind, readonly (readonly string[])[]>>>
  /**
   * The operation still works but its documentation now points elsewhere (an XDR API superseded by Graph).
   * Superseded by `lifecycle`, kept and still read; `lifecycle` says the same with dates (its `replacement` wins where both exist).
   */
  legacy?: { replacement: string; note?: string }
  /** Where the operation stands in its retirement, with dates and the source that says so (see OperationLifecycle). */
  lifecycle?: OperationLifecycle
  /** Documented rate limits for the operation, as its page states them. */
  rateLimits?: readonly RateLimit[]
  /** The date (YYYY-MM-DD) the row was last checked against `source`. */
  checked?: string
  /** A group for compact listings ("Alerts", "Machines", "Incidents"). */
  area?: string
  /**
   * A Conditional Access authentication context (the `acrs` value, c1 to c99) the operation needs. The permission
   * check ignores it; `@claimcheck/core/http` and the adapters answer with a claims challenge when a token lacks it.
   */
  authContext?: string
}

/** `current` (no notice), `deprecated` (announced, no date), `retiring` (works until `retiresOn`), `retired`. */
export type LifecycleStatus = 'current' | 'deprecated' | 'retiring' | 'retired'

export const LIFECYCLE_STATUSES: readonly LifecycleStatus[] = ['current', 'deprecated', 'retiring', 'retired']

/** What a caller should move to: an operation on an API, and the permissions it needs there. */
export interface LifecycleReplacement {
  /** A catalog id (`graph`, `mde`, …) or a short name of an API ClaimCheck has no catalog for. */
  api: string
  /** `METHOD /path` on that API, or null when the replacement is not one call (a streaming API, a portal feature). */
  operation: string | null
  /** What the replacement needs (any one per column). */
  application?: readonly string[]
  delegated?: readonly string[]
  note?: string
}

/**
 * A dated lifecycle. The status is as announced; the verdict is computed from the dates and the injected clock on
 * every call (a `retiring` operation past its `retiresOn` is judged retired).
 */
export interface OperationLifecycle {
  status: LifecycleStatus
  /** The date (YYYY-MM-DD, UTC) the operation stops working; with `retiring`. */
  retiresOn?: string
  /** The date (YYYY-MM-DD, UTC) it stopped working or stopped being supported; with `retired`. */
  retiredOn?: string
  /** Where the notice is, and when ClaimCheck last read it. */
  announced?: {
    source: string
    /** YYYY-MM-DD. */
    checked: string
    /** False when the source is not public (a message-center post) and the date is taken as given. */
    verified?: boolean
    /** What the source says, in a few words (or why its scope is unclear). */
    note?: string
  }
  replacement?: LifecycleReplacement
}

/** One documented rate limit: `calls` per `perSeconds` (60 for a minute), for a scope. */
export interface RateLimit {
  calls: number
  perSeconds: number
  /** Who shares the budget: `tenant`, `app-tenant` (per app per tenant), `app` (per app across tenants). */
  scope: 'tenant' | 'app-tenant' | 'app'
  /** The page says "at least" (the limit varies, for example with tenant size). */
  atLeast?: boolean
  note?: string
  source?: string
}

/** Everything ClaimCheck knows about one API's permissions: the built-in Defender catalogs and custom ones share this shape. */
export interface PermissionCatalog {
  /** Short stable id: `mde`, `m365d`, or a custom API's own id. */
  id: string
  name: string
  /** The resource's application (client) ID, when known. */
  appId: string | null
  /** Every value a token's `aud` may carry for this API. */
  identifierUris: readonly string[]
  /** Hosts that serve the API; a full URL on one of them identifies the API. */
  hosts: readonly string[]
  /** The resource to request tokens for, per cloud (`{resource}/.default`). */
  resourceByCloud?: Partial<Readonly<Record<CloudName, string>>>
  /** Delegated calls also need the signed-in user's own role in the product (the Defender APIs do). */
  delegatedNeedsUserRole?: boolean
  permissions: readonly CatalogPermission[]
  /** Spellings found in documentation → the permission value they mean. */
  aliases?: Readonly<Record<string, string>>
  operations: readonly CatalogOperation[]
  /** Where the permission IDs come from. */
  idSources?: readonly string[]
}

/** What a caller asks checkPermissions to check. */
export interface PermissionRequirement {
  /** A built-in catalog id (`mde`, `m365d`) or the id of `catalog`. */
  api?: string
  /** A custom API's catalog (validated, copied and frozen on each request: mutating it later changes nothing). */
  catalog?: PermissionCatalog
  /** `METHOD path` or `METHOD https://host/path`; query strings are ignored. */
  operation?: string
  /** Permissions that must all be present (in addition to the operation's). */
  require?: readonly string[]
}

export interface PermissionCheck {
  /** The operation's alternatives in this token's context, then the explicitly required permissions. */
  required: string[]
  /** Any one of these grants the operation (narrowest first). Empty without an operation. */
  anyOf: string[]
  /**
   * Every one of these must be present: the explicit requirement, and the operation's `alsoRequires` groups that
   * have a single member (StopAndQuarantineFile's companion permissions are a group of two: see alsoRequires).
   */
  allOf: string[]
  /** The operation's `alsoRequires` in this token's context: each inner list is any-of, every list is needed. */
  alsoRequires: string[][]
  context: PermissionKind
  satisfied: boolean
  /** The token's permissions that satisfied a requirement, as the token spells them. */
  granted: string[]
  /**
   * What the token lacks: the operation's alternatives when none is held, the members of each unmet alsoRequires
   * group, and each missing explicit permission.
   */
  missing: string[]
  findings: Finding[]
  /** The catalog that decided, or null when none applied. */
  api: string | null
  /** The matched operation as `METHOD template`, or null. */
  operation: string | null
  /** The official page for the operation. */
  source: string | null
  /** The matched operation's lifecycle (catalog data, no date judged here: see permissions/lifecycle/judge.ts). */
  lifecycle?: OperationLifecycle | null
}

/** The subset of TokenFacts permission checks read; checkPermissions validates it itself. */
export interface PermissionSubject {
  payload: Readonly<Record<string, unknown>>
  /**
   * `app-only`, `delegated`, `id-token` or `unknown` (TokenFacts.kind). An ID token or an unknown token never
   * satisfies a permission. When absent (a hand-built subject), a token with `scp` is taken as delegated, else as
   * app-only.
   */
  kind?: string
  /** The token's `roles`, read once (TokenFacts.roles); when absent they are read from payload. */
  roles?: readonly string[]
  /** The token's `scp`, split (TokenFacts.scopes); when absent they are read from payload. */
  scopes?: readonly string[]
  api?: string | null
  audience?: string | null
  tenantId?: string | null
  appId?: string | null
  cloud?: CloudName | null
  /** Display name of the signed-in user, for messages only. */
  user?: string | null
}
