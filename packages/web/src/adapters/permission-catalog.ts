import { builtinCatalog, formatLifecycle, formatRateLimit, type KnownApiId } from '@claimcheck/core'

// The permission pickers and the Reference view read core's built-in catalogs through this seam, so a custom
// catalog (or a catalog-less build) changes one file.

/** One operation of an API and the permissions that grant it (any one of each column). */
export interface OperationEntry {
  operation: string
  title: string
  application: readonly string[]
  delegated: readonly string[]
  /** The official page the permissions were read from. */
  source: string | null
  /** Its dated lifecycle and documented rate limits, in one line ('' when it has neither). */
  notes?: string
}

export type OperationLister = (api: KnownApiId) => readonly OperationEntry[]

const cache = new Map<KnownApiId, readonly OperationEntry[]>()

export const operationsFor: OperationLister | null = (api) => {
  const cached = cache.get(api)
  if (cached !== undefined) return cached
  // Null until the catalog's chunk is in (the views that list operations load every catalog with their own chunk).
  const catalog = builtinCatalog(api)
  if (catalog === null) return []
  const list: readonly OperationEntry[] = catalog.operations.map((o) => ({
    operation: `${o.method} ${o.path}`,
    title: o.summary ?? '',
    application: o.application,
    delegated: o.delegated,
    source: o.source ?? null,
    notes: [
      ...(o.lifecycle ? [formatLifecycle(o.lifecycle)] : []),
      ...(o.rateLimits?.length ? [`rate limits: ${o.rateLimits.map(formatRateLimit).join(', ')}`] : []),
    ].join(' · '),
  }))
  cache.set(api, list)
  return list
}
