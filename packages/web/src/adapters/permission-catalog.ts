import type { KnownApiId } from '@claimcheck/core'

// The seam between the permission pickers and core's permission catalogs. Until core exports its catalogs (being
// built on another branch), `operationsFor` is null: the operation is typed by hand and the matrix shows exactly
// what the Report's `permissions` says.

/** One operation of an API and the permissions that grant it (any one of each column). */
export interface OperationEntry {
  operation: string
  title: string
  application: readonly string[]
  delegated: readonly string[]
}

export type OperationLister = (api: KnownApiId) => readonly OperationEntry[]

export const operationsFor: OperationLister | null = null
