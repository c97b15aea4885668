import { readFile } from 'node:fs/promises'
import { parseCatalog } from '../permissions/validate-catalog.js'
import type { PermissionCatalog } from '../permissions/types.js'
import { UsageError } from './io.js'

const MAX_CATALOG_BYTES = 4 * 1024 * 1024

/** Reads and validates a --catalog file; every problem is a usage error (exit 2). */
export async function loadCatalogFile(path: string): Promise<PermissionCatalog> {
  let text: string
  try {
    const bytes = await readFile(path)
    if (bytes.length > MAX_CATALOG_BYTES) throw new UsageError(`--catalog: ${path} is larger than ${MAX_CATALOG_BYTES} bytes`)
    text = bytes.toString('utf8')
  } catch (err) {
    if (err instanceof UsageError) throw err
    throw new UsageError(`--catalog: cannot read ${path} (${err instanceof Error ? err.message : String(err)})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new UsageError(`--catalog: ${path} is not JSON (${err instanceof Error ? err.message : String(err)})`)
  }
  const result = parseCatalog(json)
  if (!result.ok) throw new UsageError(`--catalog: ${path} is not a valid catalog:\n  - ${result.errors.join('\n  - ')}`)
  return result.catalog
}
