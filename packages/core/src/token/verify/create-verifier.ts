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
import { createPermissionMemo, PERMISSION_MEMO_ENTRIES } from './permission-memo.js'
import { evaluatePermissions } from '../../permissions/evaluate.js'
import { applyCallerPolicy } from '../caller-policy.js'
import { externalIdTenantOf } from '../../entra/external-id.js'

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
  return verifierFor(resolveVerifierOptions(options as VerifierOptions, { diagnosis: true }), {
    diagnosis: true,
  })
}

function contextFor(
  config: ResolvedVerifierOptions,
  diagnosis: boolean,
  memoEntries: number,
): VerifierContext {
  const clock = config.now === undefined ? Date.now : () => readClock(config.now).getTime()
  const store: KeySetStore | null =
    config.jwks !== null
      ? createStaticKeySetStore(config.jwks)
      : config.fetch === null
        ? null
        : createKeySetStore({
            ...config.keySets,
            fetch: config.fetch,
            now: clock,
            limitNewTenants: config.tenants === 'any',
          })
  // Discovery targets depend on configuration and the (allow-listed) tenant only: built once each, bounded.
  const targets = new Map<string, DiscoveryTarget>()
  return {
    config,
    store,
    rs256: createRs256Verifier(),
    skewSeconds: config.clockSkew ?? DEFAULT_CLOCK_SKEW_SECONDS,
    evaluate: createPermissionMemo(evaluatePermissions, memoEntries),
    policy: {
      tenants: config.tenants === 'any' ? null : new Set(config.tenants.map((t) => t.toLowerCase())),
      clouds: config.clouds,
      // Diagnosis (CLI, page) verifies an External ID token on its own tenant's host; an API only when configured.
      externalIdTenant: diagnosis ? 'own' : externalIdTenantOf(config.authority),
    },
    keySetSource(cloud: CloudName, tid: string, version: TokenVersion, authority = config.authority) {
      const key = `${cloud}|${version}|${tid}|${authority ?? ''}`
      let target = targets.get(key)
      if (target === undefined) {
        target = discoveryTarget(cloud, tid, version, config.appId, authority)
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
  {
    diagnosis = false,
    memoEntries = PERMISSION_MEMO_ENTRIES,
  }: { diagnosis?: boolean; memoEntries?: number } = {},
): Verifier {
  const ctx = contextFor(config, diagnosis, memoEntries)
  const run: RunPipeline = (raw, request, now, known, normalized) =>
    verifyToken(ctx, raw, request, now, known, normalized)
  const once: VerifyOnce =
    config.resultCacheEntries > 0
      ? withResultCache(
          {
            maxEntries: config.resultCacheEntries,
            skewSeconds: ctx.skewSeconds,
            live: (proof) => stillPublished(ctx, proof),
          },
          run,
        )
      : withoutResultCache(run)
  // Caller policies are judged on every call, on cached and fresh Reports alike (never remembered).
  const policed = (report: Report): Report => applyCallerPolicy(report, config.callers)
  return {
    verify(raw, request) {
      try {
        // The clock is read once per call, and the request once: every check and the cache agree on both.
        const now = readClock(config.now)
        if (!(now instanceof Date) || !Number.isFinite(now.getTime()))
          throw new TypeError('the now option returned something other than a valid Date')
        const out = once(raw, readRequest(request), now)
        // One promise per call: a verification that finished synchronously is wrapped once, and only then.
        return 'then' in out ? out.then(policed).catch(failedVerification) : Promise.resolve(policed(out))
      } catch (err) {
        return Promise.resolve(failedVerification(err))
      }
    },
  }
}
