import { indexCatalog, type CatalogIndex, type TemplateSegment } from './catalog-index.js'
import { unqualifiedGraphSegments } from './graph-action-names.js'
import { nameKey } from './name-key.js'
import { HTTP_METHODS, type CatalogOperation, type HttpMethod, type PermissionCatalog } from './types.js'

/** An operation as a caller wrote it: `METHOD /path` or `METHOD https://host/path`. */
export interface ParsedOperation {
  method: HttpMethod
  /** Decoded path segments, without query string or fragment. Empty segments (from `//`) are kept: they match nothing. */
  segments: string[]
  /** Lower-cased host when a full URL was given. */
  host: string | null
}

export interface OperationMatch {
  catalog: PermissionCatalog
  operation: CatalogOperation
}

/** Longer operation texts are refused: a request line is never this long, and the work stays bounded. */
export const MAX_OPERATION_LENGTH = 4_096

function decodeSegment(s: string): string | null {
  if (!s.includes('%')) return s
  try {
    return decodeURIComponent(s)
  } catch {
    return null
  }
}

/**
 * `/a/b` → ['a', 'b']. One trailing slash is allowed (servers route `/api/alerts/` as `/api/alerts`); any other
 * empty segment is kept as '' so that `//` matches no operation. Dot segments and undecodable escapes → null.
 */
function splitPath(path: string): string[] | null {
  if (!path.startsWith('/')) return null
  const body = path.length > 1 && path.endsWith('/') ? path.slice(1, -1) : path.slice(1)
  if (body === '') return []
  const out: string[] = []
  for (const raw of body.split('/')) {
    const s = decodeSegment(raw)
    if (s === null || s === '.' || s === '..') return null
    out.push(s)
  }
  return out
}

/** Parses `METHOD target`; null when it is not of that form (or longer than MAX_OPERATION_LENGTH). */
export function parseOperation(text: string): ParsedOperation | null {
  if (typeof text !== 'string' || text.length > MAX_OPERATION_LENGTH) return null
  // Control characters never belong in a request line; a query string may hold spaces ($filter=a eq 'b').
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return null
  }
  // Blanks trimmed first: `[ \t]+(.+?)[ \t]*$` lets three quantifiers trade the same blanks (polynomial backtracking).
  const m = /^([A-Za-z]+)[ \t]+([^ \t].*)$/s.exec(
    text.replace(/^[ \t]+/, '').replace(/(?<![ \t])[ \t]+$/, ''),
  )
  if (!m) return null
  const method = (m[1] as string).toUpperCase()
  if (!(HTTP_METHODS as readonly string[]).includes(method)) return null
  const cut = (m[2] as string).search(/[?#]/)
  const target = cut < 0 ? (m[2] as string) : (m[2] as string).slice(0, cut)
  if (!/^[\x21-\x7e]+$/.test(target)) return null
  if (/^https?:\/\//i.test(target)) {
    let url: URL
    try {
      url = new URL(target)
    } catch {
      return null
    }
    if (url.username !== '' || url.password !== '') return null
    // URL resolves dot segments; the text itself must not have had any (a typo, not a request).
    const rawPath = target.replace(/^https?:\/\/[^/]*/i, '')
    if (rawPath !== '' && splitPath(rawPath) === null) return null
    const segments = splitPath(url.pathname)
    return segments === null
      ? null
      : { method: method as HttpMethod, segments, host: url.hostname.toLowerCase() }
  }
  if (target.includes('://')) return null
  const segments = splitPath(target)
  return segments === null ? null : { method: method as HttpMethod, segments, host: null }
}

/**
 * How specific a match is: literal segments count most, so `/machines/findbytag` beats `/machines/{id}`. `keys` are
 * the request's segments folded by nameKey, once per request.
 */
function matchScore(
  template: readonly TemplateSegment[],
  segments: readonly string[],
  keys: readonly string[],
): number {
  if (template.length !== segments.length) return -1
  let score = 0
  for (let i = 0; i < template.length; i++) {
    const t = template[i] as TemplateSegment
    const s = segments[i] as string
    if (s.length === 0) return -1
    if (t.kind === 'literal') {
      if (t.value !== keys[i]) return -1
      score += 3
    } else if (t.kind === 'call') {
      if (!(keys[i] as string).startsWith(t.prefix) || !s.endsWith(')')) return -1
      score += 2
    }
  }
  return score
}

/** The request's segments as the catalog writes paths: an optional version segment (`/v1.0`, `/beta`) dropped. */
function withoutVersion(index: CatalogIndex, segments: readonly string[]): (readonly string[])[] {
  const forms: (readonly string[])[] = [segments]
  for (const v of index.versionSegments) {
    const s = segments[v.at]
    if (s !== undefined && v.values.includes(s))
      forms.push([...segments.slice(0, v.at), ...segments.slice(v.at + 1)])
  }
  // Graph also takes namespace-qualified action names (microsoft.graph.security.runHuntingQuery).
  if (index.catalog.id === 'graph')
    for (const f of [...forms]) forms.push(...[unqualifiedGraphSegments(f)].filter((x) => x !== null))
  return forms
}

/** The most specific operation of an indexed catalog that the request names, or null. */
export function matchIn(index: CatalogIndex, parsed: ParsedOperation): CatalogOperation | null {
  let best: CatalogOperation | null = null
  let bestScore = -1
  for (const segments of withoutVersion(index, parsed.segments)) {
    const keys = segments.map(nameKey)
    for (const i of index.shaped(parsed.method, segments.length)) {
      const score = matchScore(index.templates[i] as readonly TemplateSegment[], segments, keys)
      if (score > bestScore) {
        best = index.catalog.operations[i] as CatalogOperation
        bestScore = score
      }
    }
  }
  return best
}

export function servesHost(catalog: PermissionCatalog, host: string): boolean {
  return catalog.hosts.some((h) => h.toLowerCase() === host)
}

/**
 * Finds the operation among indexed catalogs. A full URL limits the search to catalogs serving its host (the host
 * names the API; on a host two APIs share, the path decides); otherwise `preferred` (the token's own API) is tried
 * first.
 */
export function resolveIn(
  parsed: ParsedOperation,
  indexes: readonly CatalogIndex[],
  preferred: string | null,
): { index: CatalogIndex; operation: CatalogOperation } | null {
  const host = parsed.host
  const tried = (x: CatalogIndex): { index: CatalogIndex; operation: CatalogOperation } | null => {
    if (host !== null && !servesHost(x.catalog, host)) return null
    const operation = matchIn(x, parsed)
    return operation ? { index: x, operation } : null
  }
  const first = preferred === null ? undefined : indexes.find((x) => x.catalog.id === preferred)
  const hit = first === undefined ? null : tried(first)
  if (hit) return hit
  for (const x of indexes) {
    if (x === first) continue
    const found = tried(x)
    if (found) return found
  }
  return null
}

/**
 * The catalog operation the request names, the most specific one when templates overlap.
 * @deprecated Internal helper kept for compatibility (it indexes the catalog on every call); use checkPermissions.
 */
export function matchOperation(catalog: PermissionCatalog, parsed: ParsedOperation): CatalogOperation | null {
  return matchIn(indexCatalog(catalog), parsed)
}

/**
 * Finds the operation among candidate catalogs (see resolveIn).
 * @deprecated Internal helper kept for compatibility (it indexes each catalog on every call); use checkPermissions.
 */
export function resolveOperation(
  parsed: ParsedOperation,
  catalogs: readonly PermissionCatalog[],
  preferred: string | null = null,
): OperationMatch | null {
  const hit = resolveIn(parsed, catalogs.map(indexCatalog), preferred)
  return hit === null ? null : { catalog: hit.index.catalog, operation: hit.operation }
}

export function formatOperation(op: Pick<CatalogOperation, 'method' | 'path'>): string {
  return `${op.method} ${op.path}`
}
