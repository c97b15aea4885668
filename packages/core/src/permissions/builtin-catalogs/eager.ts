import { GRAPH_CATALOG } from '../catalogs/graph.js'
import { M365D_CATALOG } from '../catalogs/m365d.js'
import { MDE_CATALOG } from '../catalogs/mde.js'
import type { BuiltinCatalogSource } from './source.js'

// What `#builtin-catalogs` resolves to everywhere but the page: every built-in catalog is present at load, so the
// synchronous API (BUILTIN_CATALOGS, api: 'graph', an operation's host) answers from the first call.
export const BUILTIN_CATALOG_SOURCE: BuiltinCatalogSource = {
  present: { mde: MDE_CATALOG, m365d: M365D_CATALOG, graph: GRAPH_CATALOG },
  importCatalog: (id) => {
    throw new TypeError(`the built-in catalog ${id} is present at load and is never imported`)
  },
}
