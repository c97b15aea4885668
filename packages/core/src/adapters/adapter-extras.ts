import { PROTECT_KEYS, resolveProtect, type ProtectOptions, type ResolvedProtect } from '../http/protect.js'
import type { CheckedRequirement } from '../http/requirement.js'
import type { CloudName } from '../entra/clouds.js'

/** The options every adapter adds to authorize's: where the Report goes on the request. */
export interface AdapterExtraOptions<Req> extends ProtectOptions<Req> {
  /**
   * The request property (Express, Fastify) or context variable (Hono) the Report is written to. Default `auth`
   * (deprecated as a default: name it, or read it with `getAuth(req)`, which works whatever the property).
   */
  requestProperty?: string
}

/** The adapter-only option names, kept with the others in adapters/options.ts. */
export const ADAPTER_EXTRA_KEYS: readonly string[] = [...PROTECT_KEYS, 'requestProperty']

export interface ResolvedAdapterExtras<Req> {
  protect: ResolvedProtect<Req>
  requestProperty: string
}

// Names the middleware itself reads, or that would reach the prototype chain: never overwritten with a Report.
const RESERVED: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'method',
  'path',
  'url',
  'headers',
  'raw',
  'req',
  'res',
])

function checkRequestProperty(value: unknown): string {
  if (value === undefined) return 'auth'
  if (typeof value !== 'string' || !/^[A-Za-z_$][\w$]{0,63}$/.test(value) || RESERVED.has(value))
    throw new TypeError(
      `requestProperty must be an identifier that the request does not already use (e.g. 'auth', 'claimcheck'), not ${JSON.stringify(value)}`,
    )
  return value
}

/** Reads the adapter options once, at creation; the verifier's tenants and cloud feed the RFC 9728 defaults. */
export function resolveAdapterExtras<Req>(
  options: AdapterExtraOptions<Req> & { tenants?: unknown; cloud?: unknown },
  requirement: CheckedRequirement,
  hasOwnVerifier: boolean,
): ResolvedAdapterExtras<Req> {
  const tenants = hasOwnVerifier ? undefined : options.tenants
  const cloud = hasOwnVerifier || typeof options.cloud !== 'string' ? undefined : (options.cloud as CloudName)
  return {
    protect: resolveProtect(options, {
      ...(Array.isArray(tenants) || tenants === 'any'
        ? { tenants: tenants as readonly string[] | 'any' }
        : {}),
      ...(cloud !== undefined ? { cloud } : {}),
      ...(requirement.compiled.catalog !== null
        ? { catalog: requirement.compiled.catalog.index.catalog }
        : {}),
    }),
    requestProperty: checkRequestProperty(options.requestProperty),
  }
}
