import type { KnownApiId } from '../entra/apis.js'
import type { ReportVerifier } from '../http/guard.js'
import {
  checkRequirement,
  FROM_REQUEST,
  type CheckedRequirement,
  type HttpRequirement,
  type ProtectedCatalog,
} from '../http/requirement.js'
import { resolveSettings } from '../http/settings.js'
import type { RefusalSettings } from '../http/refuse.js'
// The verifier from its own module: nothing inside the package imports index.ts (it loads every module).
import { createVerifier } from '../token/verify/create-verifier.js'
import type { VerifierOptions } from '../token/verify/options.js'

/** What every adapter's `entraAuth(options)` takes besides the verifier. */
export interface EntraAuthRouteOptions {
  /**
   * What the route needs: `{ api?, catalog?, operation?, require?, authContext? }`, or `'from-request'`: the request's
   * method and its path below the mount point, matched against `catalog` (or the built-in catalog of `api`).
   * Default `{}`, which accepts every good token for this API (no permission asked).
   */
  requirement?: HttpRequirement | typeof FROM_REQUEST
  /** The catalog `'from-request'` matches against. */
  catalog?: ProtectedCatalog
  /** The built-in catalog `'from-request'` matches against (`mde`, `m365d`). */
  api?: KnownApiId
  /** The `realm` attribute of the challenges. */
  realm?: string
  /** The Retry-After of a 503 (Entra's keys unavailable), in seconds. Default 30. */
  retryAfterSeconds?: number
}

/** The options of createVerifier (a verifier is made once, here), or a verifier you made: `{ verifier }`. */
export type EntraAuthOptions = EntraAuthRouteOptions & (VerifierOptions | { verifier: ReportVerifier })

export interface ResolvedEntraAuth {
  verifier: ReportVerifier
  requirement: CheckedRequirement
  settings: RefusalSettings
}

const ROUTE_KEYS: ReadonlySet<string> = new Set([
  'requirement',
  'catalog',
  'api',
  'realm',
  'retryAfterSeconds',
  'verifier',
])

/** Everything is checked once, when the middleware is made: misconfiguration throws TypeError at start-up. */
export function resolveEntraAuth(options: EntraAuthOptions): ResolvedEntraAuth {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('entraAuth needs an options object')
  const { requirement = {}, catalog, api, realm, retryAfterSeconds } = options
  let verifier: ReportVerifier
  if ('verifier' in options && options.verifier !== undefined) {
    if (typeof options.verifier?.verify !== 'function')
      throw new TypeError('verifier must be what createVerifier returns')
    const extra = Object.keys(options).filter((k) => !ROUTE_KEYS.has(k))
    if (extra.length > 0)
      throw new TypeError(
        `pass either { verifier } or createVerifier's options, not both (${extra.join(', ')})`,
      )
    verifier = options.verifier
  } else {
    const verifierOptions: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(options)) if (!ROUTE_KEYS.has(k)) verifierOptions[k] = v
    verifier = createVerifier(verifierOptions as unknown as VerifierOptions)
  }
  let http: HttpRequirement
  if (requirement === FROM_REQUEST) {
    http = {
      operation: FROM_REQUEST,
      ...(catalog !== undefined ? { catalog } : {}),
      ...(api !== undefined ? { api } : {}),
    }
  } else {
    if (catalog !== undefined || api !== undefined)
      throw new TypeError("catalog and api belong inside requirement, unless requirement is 'from-request'")
    http = requirement
  }
  const { mountPath: _mountPath, ...settings } = resolveSettings({
    ...(realm !== undefined ? { realm } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  })
  return { verifier, requirement: checkRequirement(http), settings }
}
