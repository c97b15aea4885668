import type { CloudName } from '../../entra/clouds.js'
import { discoveryTarget, type DiscoveryTarget } from '../../entra/discovery.js'
import type { TokenVersion } from '../../entra/issuers.js'
import { createKeySetStore, createStaticKeySetStore, type KeySetStore } from '../../entra/keyset/store.js'
import { createRs256Verifier } from '#rs256'
import { DEFAULT_CLOCK_SKEW_SECONDS, readClock, type RequirementOptions } from '../options.js'
import type { Report } from '../../report/report.js'
import { resolveVerifierOptions, type ResolvedVerifierOptions, type VerifierOptions } from './options.js'
import { failedVerification, stillPublished, verifyToken, type VerifierContext } from './pipeline.js'
import { readRequest } from './request.js'
import { withResultCache, withoutResultCache, type RunPipeline, type VerifyOnce } from './result-cache.js'
import { createCatalogIdentity } from './catalog-identity.js'
import { createPermissionMemo, PERMISSION_MEMO_ENTRIES } from './permission-memo.js'
import { evaluatePermissions } from '../../permissions/evaluate.js'

export interface Verifier {
  /**
   * Everything inspectToken checks, plus discovery, the key set and the signature. Never throws; `verdict` is
   * `works` only with a valid signature. Reads only api, operation, require and catalog from `request`. Treat the
   * Report as read-only: a verifier with its result cache shares (frozen) parts between Reports.
   */
  verify(raw: string, request?: RequirementOptions): Promise<Report>
}

/**
 * One verifier per API, reused across calls: it holds the key-set cache and the verified-result cache.
 * `audience` and `tenants` are required (tenants: 'any' is explicit and warned about on every report).
 * Misconfiguration throws TypeError here, once; verify itself never throws.
 */
export function createVerifier(options: VerifierOptions): Verifier {
  return verifierFor(resolveVerifierOptions(options))
}

/** For diagnosis tools (CLI, web page): audience and tenants may be left out, as with inspectToken. Not for APIs. */
export function createDiagnosticVerifier(options: Partial<VerifierOptions>): Verifier {
  return verifierFor(resolveVerifierOptions(options as VerifierOptions, { diagnosis: true }))
}

function contextFor(
  config: ResolvedVerifierOptions,
  catalogId: (catalog: object) => number | null,
  memoEntries: number,
): VerifierContext {
  const clock = config.now === undefined ? Date.now : () => readClock(config.now).getTime()
  const store: KeySetStore | null =
    config.jwks !== null
      ? createStaticKeySetStore(config.jwks)
      : config.fetch === null
        ? null
        : createKeySetStore({ ...config.keySets, fetch: config.fetch, now: clock })
  // Discovery targets depend on configuration and the (allow-listed) tenant only: built once each, bounded.
  const targets = new Map<string, DiscoveryTarget>()
  return {
    config,
    store,
    rs256: createRs256Verifier(),
    skewSeconds: config.clockSkew ?? DEFAULT_CLOCK_SKEW_SECONDS,
    evaluate: createPermissionMemo(evaluatePermissions, catalogId, memoEntries),
    policy: {
      tenants: config.tenants === 'any' ? null : new Set(config.tenants.map((t) => t.toLowerCase())),
      clouds: config.clouds,
    },
    keySetSource(cloud: CloudName, tid: string, version: TokenVersion) {
      const key = `${cloud}|${version}|${tid}`
      let target = targets.get(key)
      if (target === undefined) {
        target = discoveryTarget(cloud, tid, version, config.appId, config.authority)
        if (targets.size >= config.keySets.maxEntries) targets.delete(targets.keys().next().value as string)
        targets.set(key, target)
      }
      return target
    },
  }
}

/**
 * A verifier for resolved options. Internal (not exported by the package): `memoEntries: 0` turns the permission
 * memo off, so that tests can compare the memoized path with the general one Report for Report.
 */
export function verifierFor(
  config: ResolvedVerifierOptions,
  memoEntries: number = PERMISSION_MEMO_ENTRIES,
): Verifier {
  const catalogId = createCatalogIdentity()
  const ctx = contextFor(config, catalogId, memoEntries)
  const run: RunPipeline = (raw, request, now, known, normalized) =>
    verifyToken(ctx, raw, request, now, known, normalized)
  const once: VerifyOnce =
    config.resultCacheEntries > 0
      ? withResultCache(
          {
            maxEntries: config.resultCacheEntries,
            skewSeconds: ctx.skewSeconds,
            live: (proof) => stillPublished(ctx, proof),
            catalogId,
          },
          run,
        )
      : withoutResultCache(run)
  return {
    verify(raw, request) {
      try {
        // The clock is read once per call, and the request once: every check and the cache agree on both.
        const now = readClock(config.now)
        if (!(now instanceof Date) || !Number.isFinite(now.getTime()))
          throw new TypeError('the now option returned something other than a valid Date')
        const out = once(raw, readRequest(request), now)
        // One promise per call: a verification that finished synchronously is wrapped once, and only then.
        return 'then' in out ? out.catch(failedVerification) : Promise.resolve(out)
      } catch (err) {
        return Promise.resolve(failedVerification(err))
      }
    },
  }
}
