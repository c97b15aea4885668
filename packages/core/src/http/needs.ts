import type { CatalogOperation, PermissionCatalog, PermissionKind } from '../permissions/types.js'
import type { PermissionReport } from '../report/report.js'

/**
 * What an operation needs, as the permission engine decided it: each entry is one need, met by any one of its
 * names; every entry is needed. `[['Machine.StopAndQuarantine'], ['Machine.Read.All', 'Machine.ReadWrite.All']]`
 * reads "Machine.StopAndQuarantine and one of Machine.Read.All, Machine.ReadWrite.All".
 */
export type Needs = readonly (readonly string[])[]

const key = (name: string): string => name.toLowerCase()

function addNeed(needs: string[][], alternatives: readonly string[]): void {
  if (alternatives.length === 0) return
  const seen = new Set(alternatives.map(key))
  // The same need twice (an explicit require naming the operation's own permission) is said once.
  if (needs.some((n) => n.length === seen.size && n.every((x) => seen.has(key(x))))) return
  needs.push([...alternatives])
}

/** The needs in the token's own context: the operation's alternatives, its alsoRequires groups, every require. */
export function needsFromReport(p: PermissionReport): Needs {
  const needs: string[][] = []
  addNeed(needs, p.anyOf)
  for (const group of p.alsoRequires ?? []) addNeed(needs, group)
  for (const name of p.allOf) addNeed(needs, [name])
  // An older or foreign Report without the split: `required` is what it has (any one of them).
  if (needs.length === 0 && p.required.length > 0) addNeed(needs, p.required)
  return needs
}

/**
 * The needs in the other context, for a token of the wrong kind (`permission-kind-mismatch`): what an app-only
 * token would need where a delegated one was sent, and the reverse.
 */
export function needsOfKind(op: CatalogOperation, kind: PermissionKind, p: PermissionReport): Needs {
  const needs: string[][] = []
  addNeed(needs, op[kind])
  for (const group of op.alsoRequires?.[kind] ?? []) addNeed(needs, group)
  for (const name of p.allOf) addNeed(needs, [name])
  return needs
}

/** "A and one of B, C": the words the engine's own findings use. */
export function needsText(needs: Needs): string {
  const shown = needs.slice(0, 5).map((alternatives) => {
    const names = alternatives.slice(0, 5).join(', ') + (alternatives.length > 5 ? ', …' : '')
    return alternatives.length > 1 ? `one of ${names}` : names
  })
  if (needs.length > 5) shown.push(`${needs.length - 5} more`)
  return shown.join(' and ')
}

/**
 * RFC 6750 §3 `scope`: one minimal set that satisfies the operation — every name needed on its own plus the
 * least-privileged alternative of each need: the first listed whose catalog `includes` names none of the other
 * alternatives (Microsoft's pages, and so the catalogs, list the least-privileged permission first).
 */
export function minimalScope(needs: Needs, catalog: PermissionCatalog | null): string[] {
  const includes = new Map<string, Set<string>>()
  for (const p of catalog?.permissions ?? [])
    if (p.includes !== undefined) includes.set(key(p.value), new Set(p.includes.map(key)))
  const out: string[] = []
  for (const alternatives of needs) {
    const least =
      alternatives.find((a) => !alternatives.some((b) => b !== a && includes.get(key(a))?.has(key(b)))) ??
      alternatives[0]
    if (least !== undefined && !out.some((o) => key(o) === key(least))) out.push(least)
  }
  return out
}
