import type { KnownApiId } from '../entra/apis.js'
import type { PermissionCatalog } from './types.js'

/** What a call asks of the permission step: the API, an operation, explicit permissions, a custom catalog. */
export interface RequirementOptions {
  /** The API being called. */
  api?: KnownApiId
  /** "METHOD path" of the operation being called. */
  operation?: string
  /** Explicit required permission(s): all must be present. */
  require?: readonly string[]
  /** A custom API's permission catalog (docs/permissions.md); operations are then looked up there. */
  catalog?: PermissionCatalog
}
