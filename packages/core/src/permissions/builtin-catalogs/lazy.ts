import type { PermissionCatalog } from '../types.js'
import type { BuiltinCatalogSource, CatalogId } from './source.js'

// What `#builtin-catalogs` resolves to under the `claimcheck-lazy-catalogs` condition (the web page's build): no
// catalog at load, each one a dynamic import, so a bundler makes each catalog its own chunk and the paste path
// carries none. loadBuiltinCatalog(id) brings one in; until then core answers as if ClaimCheck had no such catalog.
const IMPORTS = {
  mde: () => import('../catalogs/mde.js').then((m) => m.MDE_CATALOG),
  m365d: () => import('../catalogs/m365d.js').then((m) => m.M365D_CATALOG),
  graph: () => import('../catalogs/graph.js').then((m) => m.GRAPH_CATALOG),
} satisfies Record<CatalogId, () => Promise<PermissionCatalog>>

export const BUILTIN_CATALOG_SOURCE: BuiltinCatalogSource = {
  present: {},
  importCatalog: (id) => IMPORTS[id](),
}
