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
import { assertKnownKeys } from '../lib/strict-options.js'
import { VERIFIER_OPTION_KEYS } from '../token/verify/options.js'
import type { RefusalSettings } from '../http/refuse.js'
// The verifier from its own module: nothing inside the package imports index.ts (it loads every module).
import { createVerifier } from '../token/verify/create-verifier.js'
import type { VerifierOptions } from '../token/verify/options.js'
import {
  ADAPTER_EXTRA_KEYS,
  resolveAdapterExtras,
  type AdapterExtraOptions,
  type ResolvedAdapterExtras,
} from './adapter-extras.js'

/** What every adapter's `entraAuth(options)` takes besides the verifier. */
export interface EntraAuthRouteOptions<Req = unknown> extends AdapterExtraOptions<Req> {
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
export type EntraAuthOptions<Req = unknown> = EntraAuthRouteOptions<Req> &
  (VerifierOptions | { verifier: ReportVerifier })

export interface ResolvedEntraAuth<Req = unknown> {
  verifier: ReportVerifier
  requirement: CheckedRequirement
  settings: RefusalSettings
  /** onRefused, credentialsRequired, checks, protectedResource, requestProperty (adapter-extras.ts). */
  extras: ResolvedAdapterExtras<Req>
}

/**
 * The adapter's own option keys, in ONE list: they are never forwarded to createVerifier. Everything else is a
 * createVerifier option (checked strictly by createVerifier itself), and with `{ verifier }` any of those throws.
 */
export const ADAPTER_OPTION_KEYS: readonly string[] = Object.freeze([
  'requirement',
  'catalog',
  'api',
  'realm',
  'retryAfterSeconds',
  'verifier',
  ...ADAPTER_EXTRA_KEYS,
])
const ADAPTER_KEYS: ReadonlySet<string> = new Set(ADAPTER_OPTION_KEYS)
const VERIFIER_KEYS: ReadonlySet<string> = new Set(VERIFIER_OPTION_KEYS)
const ALL_KEYS: ReadonlySet<string> = new Set([...ADAPTER_OPTION_KEYS, ...VERIFIER_OPTION_KEYS])

/** An own data property of the options (the adapters read nothing inherited, and call no getter). */
function ownValue(options: object, key: string): unknown {
  const d = Object.getOwnPropertyDescriptor(options, key)
  if (d === undefined) return undefined
  if (!('value' in d)) throw new TypeError(`entraAuth: option '${key}' is an accessor; pass a value`)
  return d.value
}

/** Everything is checked once, when the middleware is made: misconfiguration throws TypeError at start-up. */
export function resolveEntraAuth<Req>(options: EntraAuthOptions<Req>): ResolvedEntraAuth<Req> {
  const withVerifier =
    typeof options === 'object' && options !== null && ownValue(options, 'verifier') !== undefined
  if (withVerifier) {
    const extra = Object.keys(options).find((k) => !ADAPTER_KEYS.has(k) && VERIFIER_KEYS.has(k))
    if (extra !== undefined)
      throw new TypeError(
        `entraAuth: pass either { verifier } or createVerifier's options, not both ('${extra}' is a createVerifier option)`,
      )
    assertKnownKeys('entraAuth', options, ADAPTER_KEYS)
  } else assertKnownKeys('entraAuth', options, ALL_KEYS)
  const requirement = ownValue(options, 'requirement') ?? {}
  const catalog = ownValue(options, 'catalog')
  const api = ownValue(options, 'api')
  const realm = ownValue(options, 'realm')
  const retryAfterSeconds = ownValue(options, 'retryAfterSeconds')
  let verifier: ReportVerifier
  if (withVerifier) {
    const given = ownValue(options, 'verifier') as ReportVerifier
    if (typeof given?.verify !== 'function')
      throw new TypeError('entraAuth: verifier must be what createVerifier returns')
    verifier = given
  } else {
    // Adapter keys stay here; createVerifier reads the rest strictly.
    const verifierOptions: Record<string, unknown> = {}
    for (const k of Object.keys(options)) if (!ADAPTER_KEYS.has(k)) verifierOptions[k] = ownValue(options, k)
    verifier = createVerifier(verifierOptions as unknown as VerifierOptions)
  }
  let http: unknown
  if (requirement === FROM_REQUEST) {
    http = {
      operation: FROM_REQUEST,
      ...(catalog !== undefined ? { catalog } : {}),
      ...(api !== undefined ? { api } : {}),
    }
  } else {
    if (catalog !== undefined || api !== undefined)
      throw new TypeError(
        "entraAuth: catalog and api belong inside requirement, unless requirement is 'from-request'",
      )
    http = requirement
  }
  const { mountPath: _mountPath, ...settings } = resolveSettings(
    {
      ...(realm !== undefined ? { realm: realm as string } : {}),
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds: retryAfterSeconds as number } : {}),
    },
    'entraAuth',
  )
  const checked = checkRequirement(http, 'entraAuth requirement')
  const extras = resolveAdapterExtras<Req>(options, checked, withVerifier)
  return { verifier, requirement: checked, settings, extras }
}
