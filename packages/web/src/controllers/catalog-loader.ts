import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { BUILTIN_CATALOG_IDS, builtinCatalog, loadBuiltinCatalog } from '@claimcheck/core'

/**
 * Loads every built-in catalog; for the views that list or search all of them (Reference, sign-in, the API
 * answer box), awaited together with the view's own chunk.
 */
export function loadAllCatalogs(): Promise<void> {
  return Promise.all(BUILTIN_CATALOG_IDS.map((id) => loadBuiltinCatalog(id))).then(() => undefined)
}

/**
 * The built-in permission catalogs a diagnosis needs, each its own chunk (core's `claimcheck-lazy-catalogs` build):
 * `waitFor(ids)` says which are not in yet and starts loading them (once each); the host updates as each arrives,
 * and judges again. A verdict is never shown before its catalog is in: without it core would not know the operation.
 */
export class CatalogLoader implements ReactiveController {
  private readonly started = new Set<string>()
  private readonly failedIds = new Set<string>()

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this)
  }

  hostConnected(): void {}

  /** The ids among `ids` whose catalogs are not in yet (and did not fail); loading them has started. */
  waitFor(ids: readonly string[]): string[] {
    const missing = ids.filter((id) => builtinCatalog(id) === null && !this.failedIds.has(id))
    for (const id of missing) {
      if (this.started.has(id)) continue
      this.started.add(id)
      loadBuiltinCatalog(id)
        .catch(() => {
          this.failedIds.add(id)
          this.started.delete(id)
        })
        .finally(() => this.host.requestUpdate())
    }
    return missing
  }

  /** Catalogs that could not be fetched (the page went offline after it loaded); a later waitFor retries none. */
  failed(ids: readonly string[]): string[] {
    return ids.filter((id) => this.failedIds.has(id))
  }
}

/** Which built-in catalogs judging this token needs: its own API's, the chosen API's, or all for a typed operation. */
export function catalogsNeeded(
  tokenApi: string | null,
  chosenApi: string | null,
  operation: boolean,
): string[] {
  if (operation) return [...BUILTIN_CATALOG_IDS]
  const ids = [tokenApi, chosenApi].filter(
    (id): id is string => id !== null && (BUILTIN_CATALOG_IDS as readonly string[]).includes(id),
  )
  return [...new Set(ids)]
}
