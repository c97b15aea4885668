import { HTTP_METHODS, type CatalogOperation, type HttpMethod, type PermissionCatalog } from './types.js'

/** An operation as a caller wrote it: `METHOD /path` or `METHOD https://host/path`. */
export interface ParsedOperation {
  method: HttpMethod
  /** Decoded path segments, without query string or fragment. */
  segments: string[]
  /** Lower-cased host when a full URL was given. */
  host: string | null
}

export interface OperationMatch {
  catalog: PermissionCatalog
  operation: CatalogOperation
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

function splitPath(path: string): string[] {
  const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '')
  return trimmed === '' ? [] : trimmed.split('/').map(decodeSegment)
}

/** Parses `METHOD target`; null when it is not of that form. */
export function parseOperation(text: string): ParsedOperation | null {
  const m = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(text)
  if (!m) return null
  const method = (m[1] as string).toUpperCase()
  if (!(HTTP_METHODS as readonly string[]).includes(method)) return null
  const target = m[2] as string
  if (/^https?:\/\//i.test(target)) {
    let url: URL
    try {
      url = new URL(target)
    } catch {
      return null
    }
    return { method: method as HttpMethod, segments: splitPath(url.pathname), host: url.hostname.toLowerCase() }
  }
  if (target.includes('://')) return null
  const path = target.replace(/[?#].*$/s, '')
  return { method: method as HttpMethod, segments: splitPath(path), host: null }
}

type TemplateSegment = { kind: 'literal'; value: string } | { kind: 'param' } | { kind: 'call'; prefix: string }

const TEMPLATES = new WeakMap<CatalogOperation, TemplateSegment[]>()

function templateOf(op: CatalogOperation): TemplateSegment[] {
  let t = TEMPLATES.get(op)
  if (t) return t
  t = splitPath(op.path).map((s): TemplateSegment => {
    if (/^\{[^{}]*\}$/.test(s)) return { kind: 'param' }
    const call = /^([^()]+)\(\.\.\.\)$/.exec(s)
    if (call) return { kind: 'call', prefix: `${(call[1] as string).toLowerCase()}(` }
    return { kind: 'literal', value: s.toLowerCase() }
  })
  TEMPLATES.set(op, t)
  return t
}

/** How specific a match is: literal segments count most, so `/machines/findbytag` beats `/machines/{id}`. */
function matchScore(template: TemplateSegment[], segments: string[]): number {
  if (template.length !== segments.length) return -1
  let score = 0
  for (let i = 0; i < template.length; i++) {
    const t = template[i] as TemplateSegment
    const s = (segments[i] as string).toLowerCase()
    if (t.kind === 'literal') {
      if (t.value !== s) return -1
      score += 3
    } else if (t.kind === 'call') {
      if (!s.startsWith(t.prefix) || !s.endsWith(')')) return -1
      score += 2
    } else if (s.length === 0) {
      return -1
    }
  }
  return score
}

/** The catalog operation the request names, the most specific one when templates overlap. */
export function matchOperation(catalog: PermissionCatalog, parsed: ParsedOperation): CatalogOperation | null {
  let best: CatalogOperation | null = null
  let bestScore = -1
  for (const op of catalog.operations) {
    if (op.method !== parsed.method) continue
    const score = matchScore(templateOf(op), parsed.segments)
    if (score > bestScore) {
      best = op
      bestScore = score
    }
  }
  return best
}

export function servesHost(catalog: PermissionCatalog, host: string): boolean {
  return catalog.hosts.some((h) => h.toLowerCase() === host)
}

/**
 * Finds the operation among candidate catalogs. A full URL limits the search to catalogs serving its host (the
 * host identifies the API); otherwise `preferred` (the token's own API) is tried first.
 */
export function resolveOperation(parsed: ParsedOperation, catalogs: readonly PermissionCatalog[], preferred: string | null = null): OperationMatch | null {
  const candidates = parsed.host === null ? [...catalogs] : catalogs.filter((c) => servesHost(c, parsed.host as string))
  candidates.sort((a, b) => Number(b.id === preferred) - Number(a.id === preferred))
  for (const catalog of candidates) {
    const operation = matchOperation(catalog, parsed)
    if (operation) return { catalog, operation }
  }
  return null
}

export function formatOperation(op: Pick<CatalogOperation, 'method' | 'path'>): string {
  return `${op.method} ${op.path}`
}
