/**
 * The path Fastify's router ran, below the prefix of the instance the guard was registered on.
 *
 * Fastify runs an inherited hook with `this` bound to the route's own plugin, so `this.prefix` is the nested
 * plugin's (`/api/admin`), not the one the guard was added to (`/api`): judging below it made
 * `GET /api/admin/orders/1` look like `GET /orders/{id}`. Two facts fix it. A child instance is made with
 * `Object.create(parent)` and copies its parent's hooks, so the farthest ancestor on the prototype chain whose own
 * hooks hold the guard is where `addHook` was called (a route's `preHandler` option is in no instance's hooks: that
 * route's own plugin). And the route's pattern (`routeOptions.url`, prefixes included) with its params is exactly
 * what the router matched: `;` cut with useSemicolonDelimiter, the trailing slash and case as configured.
 */

/** The parts of a Fastify request read here (typed structurally, as the adapter's other types). */
export interface FastifyRouteFacts {
  routeOptions?: { url?: string | undefined } | undefined
  params?: unknown
}

const HOOK_NAMES = ['onRequest', 'preParsing', 'preValidation', 'preHandler'] as const

function ownSymbol(instance: object, description: string): symbol | undefined {
  return Object.getOwnPropertySymbols(instance).find((s) => s.description === description)
}

function holdsHook(instance: object, hook: unknown): boolean {
  const symbol = ownSymbol(instance, 'fastify.hooks')
  if (symbol === undefined) return false
  const hooks = (instance as Record<symbol, unknown>)[symbol]
  if (typeof hooks !== 'object' || hooks === null) return false
  return HOOK_NAMES.some((name) => {
    const list = (hooks as Record<string, unknown>)[name]
    return Array.isArray(list) && list.includes(hook)
  })
}

function ownPrefix(instance: object): string | null {
  const symbol = ownSymbol(instance, 'fastify.routePrefix')
  const prefix = symbol === undefined ? undefined : (instance as Record<symbol, unknown>)[symbol]
  return typeof prefix === 'string' ? prefix : null
}

/** The prefix (as written, parameters unfilled) of the instance that registered `hook`, seen from `instance`. */
export function registeringPrefix(instance: object, hook: unknown): string | null {
  let found: object | null = null
  let firstWithPrefix: object | null = null
  for (let o: object | null = instance; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    if (firstWithPrefix === null && ownPrefix(o) !== null) firstWithPrefix = o
    if (holdsHook(o, hook)) found = o
  }
  const registrar = found ?? firstWithPrefix
  return registrar === null ? null : ownPrefix(registrar)
}

// Fastify refuses addHook once an instance is ready, so the registering prefix seen from an instance never changes:
// it is found once per (hook, instance), not per request.
const prefixes = new WeakMap<object, WeakMap<object, string | null>>()

function prefixFor(instance: object, hook: unknown): string | null {
  if (typeof hook !== 'function') return registeringPrefix(instance, hook)
  let byInstance = prefixes.get(hook)
  if (byInstance === undefined) {
    byInstance = new WeakMap()
    prefixes.set(hook, byInstance)
  }
  let prefix = byInstance.get(instance)
  if (prefix === undefined) {
    prefix = registeringPrefix(instance, hook)
    byInstance.set(instance, prefix)
  }
  return prefix
}

/**
 * A route pattern with its params filled in (`/orders/:id` + `{ id: '1' }` → `/orders/1`): each value is
 * percent-encoded, so a `/` in it stays inside its segment. `::` is a literal colon, `(regex)` after a param is
 * skipped, `*` is the wildcard's value. Null when a param has no value.
 */
export function fillPattern(pattern: string, params: Readonly<Record<string, unknown>>): string | null {
  let out = ''
  let i = 0
  while (i < pattern.length) {
    const c = pattern[i] as string
    if (c === ':' && pattern[i + 1] === ':') {
      out += ':'
      i += 2
    } else if (c === ':') {
      let j = i + 1
      while (j < pattern.length && /[\w$]/.test(pattern[j] as string)) j++
      const value = params[pattern.slice(i + 1, j)]
      if (typeof value !== 'string') return null
      out += encodeURIComponent(value)
      if (pattern[j] === '(') {
        let depth = 0
        for (; j < pattern.length; j++) {
          if (pattern[j] === '\\') j++
          else if (pattern[j] === '(') depth++
          else if (pattern[j] === ')' && --depth === 0) break
        }
        j++
      }
      i = j
    } else if (c === '*') {
      const value = params['*']
      if (typeof value !== 'string') return null
      out += value
      i++
    } else {
      out += c
      i++
    }
  }
  return out
}

/**
 * The path to judge, below the registering instance's prefix; null when it cannot be pinned down (no route matched:
 * the not-found handler; a pattern that does not start with the prefix; a param without a value).
 */
export function fastifyRoutePath(
  instance: object | null | undefined,
  hook: unknown,
  request: FastifyRouteFacts,
): string | null {
  const pattern = request.routeOptions?.url
  if (typeof pattern !== 'string') return null
  // Called without a Fastify `this` (unbound): only the route's whole pattern is known.
  const prefix = typeof instance === 'object' && instance !== null ? (prefixFor(instance, hook) ?? '') : ''
  if (!pattern.startsWith(prefix)) return null
  const rest = pattern.slice(prefix.length)
  if (rest !== '' && !rest.startsWith('/') && !prefix.endsWith('/')) return null
  const params =
    typeof request.params === 'object' && request.params !== null
      ? (request.params as Record<string, unknown>)
      : {}
  const filled = fillPattern(rest, params)
  if (filled === null) return null
  return filled === '' ? '/' : filled.startsWith('/') ? filled : `/${filled}`
}
