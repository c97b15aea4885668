import { parseCatalog } from '../permissions/validate-catalog.js'
import type { PermissionCatalog } from '../permissions/types.js'
import { UsageError, readFileCapped } from './io.js'

const MAX_CATALOG_BYTES = 4 * 1024 * 1024

/** Reads and validates a --catalog file; every problem is a usage error (exit 2). */
export async function loadCatalogFile(path: string): Promise<PermissionCatalog> {
  // Read in pieces and cut at the cap: /dev/zero or a huge file never fills memory.
  const text = (await readFileCapped(path, '--catalog', MAX_CATALOG_BYTES)).toString('utf8')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new UsageError(
      `--catalog: ${path} is not JSON (${err instanceof Error ? err.message : String(err)})`,
    )
  }
  const result = parseCatalog(json)
  if (!result.ok)
    throw new UsageError(`--catalog: ${path} is not a valid catalog:\n  - ${result.errors.join('\n  - ')}`)
  return result.catalog
}
