import type { Finding } from '../../findings/finding.js'
import { makeFinding } from '../../findings/make-finding.js'
import {
  compileRequirement,
  MAX_REQUIRED,
  type RequirementCompilation,
} from '../../permissions/requirement.js'
import type { RequirementOptions } from '../options.js'

/** The members a call may set. Everything else (audience, tenants, now, …) is the verifier's configuration. */
const REQUEST_MEMBERS = ['api', 'operation', 'require', 'catalog'] as const
type RequestMember = (typeof REQUEST_MEMBERS)[number]
const MEMBER_SET: ReadonlySet<string> = new Set(REQUEST_MEMBERS)
/** Names listed in a finding about unexpected members; the rest are counted. */
const MAX_NAMED = 5

/** A call's request as the verifier reads it: once, the same way for the cached and the uncached path. */
export interface ReadRequest {
  requirement: RequirementOptions
  /** Problems with the request itself: an error refuses the token (a requirement that cannot be read is not met). */
  findings: Finding[]
  /** The requirement as the permission step reads it (compileRequirement: the one reader). */
  compiled: RequirementCompilation
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/** The shape each member must have; what its content means is the permission step's to judge. */
function typeProblem(member: RequestMember, value: unknown): string | null {
  switch (member) {
    case 'api':
    case 'operation':
      return typeof value === 'string' ? null : `${describe(value)}, not a string`
    case 'require':
      return ownStrings(value) === null
        ? `not an array of permission names (own data elements, at most ${MAX_REQUIRED})`
        : null
    case 'catalog':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? null
        : `${describe(value)}, not a catalog object`
  }
}

/** A frozen copy of an array of strings read by index as own data properties; null for anything else. */
function ownStrings(value: unknown): readonly string[] | null {
  if (!Array.isArray(value) || value.length > MAX_REQUIRED) return null
  const copy: string[] = []
  for (let i = 0; i < value.length; i++) {
    const d = Object.getOwnPropertyDescriptor(value, i)
    if (d === undefined || !('value' in d) || typeof d.value !== 'string') return null
    copy.push(d.value)
  }
  return Object.freeze(copy)
}

const shortName = (name: string): string => JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)

/** Copies the requirement members that are own data properties; notes everything else. May throw (a Proxy). */
function readMembers(
  request: object,
  requirement: RequirementOptions,
  findings: Finding[],
  ignored: string[],
): void {
  for (const key of Reflect.ownKeys(request)) {
    if (typeof key === 'symbol' || !MEMBER_SET.has(key)) {
      ignored.push(typeof key === 'symbol' ? key.toString() : key)
      continue
    }
    const descriptor = Object.getOwnPropertyDescriptor(request, key)
    if (descriptor === undefined) continue
    if (!('value' in descriptor)) {
      findings.push(
        makeFinding(
          'request-invalid',
          `The request's ${key} is an accessor; verify reads data properties only, so the requirement cannot be checked.`,
          { claim: key },
        ),
      )
      continue
    }
    if (descriptor.value === undefined) continue
    const problem = typeProblem(key as RequestMember, descriptor.value)
    if (problem !== null) {
      // Dropped, and the error refuses the token: a requirement of the wrong shape is a requirement not met.
      findings.push(
        makeFinding('request-invalid', `The request's ${key} is ${problem}.`, {
          claim: key,
          actual: describe(descriptor.value),
        }),
      )
      continue
    }
    // require is copied element by element, as own data properties: the array's iterator, getters or later
    // changes cannot make the check and the cache key read two different lists.
    ;(requirement as Record<RequestMember, unknown>)[key as RequestMember] =
      key === 'require' ? ownStrings(descriptor.value) : descriptor.value
  }
  for (const name of REQUEST_MEMBERS) {
    if (!Object.hasOwn(request, name) && name in request) {
      findings.push(
        makeFinding(
          'request-invalid',
          `The request's ${name} is inherited, not its own; verify reads own properties only, so the requirement cannot be checked.`,
          { claim: name },
        ),
      )
    }
  }
}

/**
 * Reads `api`, `operation`, `require` and `catalog` as own data properties; never calls a getter, never reads an
 * inherited value. A requirement member that is present but not readable so (a getter, a value on the prototype)
 * is an error: the caller asked for a check that cannot be made, and the token is refused rather than waved through.
 * Other members get a warning and have no effect: a call can never loosen the configuration.
 */
export function readRequest(request: unknown): ReadRequest {
  if (request === undefined) return NOTHING_ASKED
  const known = typeof request === 'object' && request !== null ? readOnce.get(request) : undefined
  if (known !== undefined) return known
  const read = readAnew(request)
  if (read.findings.length === 0 && read.compiled.ok && isSettled(request as object))
    readOnce.set(request as object, read)
  return read
}

/**
 * Frozen requests read once (the HTTP layer passes the same frozen request object for every call on a route and
 * operation): a frozen object with a frozen require list and data members only cannot read differently later, and
 * its catalog is deep-frozen when compiled. Anything else is read on every call.
 */
const readOnce = new WeakMap<object, ReadRequest>()

function isSettled(request: object): boolean {
  if (!Object.isFrozen(request)) return false
  const require = Object.getOwnPropertyDescriptor(request, 'require')
  return require === undefined || !('value' in require) || Object.isFrozen(require.value)
}

const NOTHING_ASKED: ReadRequest = Object.freeze({
  requirement: Object.freeze({}),
  findings: Object.freeze([]) as unknown as Finding[],
  compiled: compileRequirement({}),
})

function withCompiled(requirement: RequirementOptions, findings: Finding[]): ReadRequest {
  const read = { requirement, findings, compiled: compileRequirement(requirement) }
  return findings.length === 0 ? Object.freeze(read) : read
}

function readAnew(request: unknown): ReadRequest {
  const requirement: RequirementOptions = {}
  const findings: Finding[] = []
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    findings.push(
      makeFinding(
        'request-invalid',
        `The request is ${describe(request)}; verify takes an object with api, operation, require or catalog.`,
        { actual: describe(request) },
      ),
    )
    return withCompiled(requirement, findings)
  }
  const ignored: string[] = []
  try {
    readMembers(request, requirement, findings, ignored)
  } catch {
    // A Proxy can throw from any trap: such a request cannot be read, so nothing it asks can be checked.
    return withCompiled({}, [
      makeFinding('request-invalid', 'The request object could not be read (reading it threw).'),
    ])
  }
  if (ignored.length > 0) {
    const named = ignored.slice(0, MAX_NAMED).map(shortName).join(', ')
    const more = ignored.length > MAX_NAMED ? ` and ${ignored.length - MAX_NAMED} more` : ''
    findings.push(
      makeFinding(
        'request-member-ignored',
        `The request sets ${named}${more}; a call may set only api, operation, require and catalog, so the token is refused: a misspelt requirement must never open an API (audience, tenants, client apps and the clock come from createVerifier).`,
        {
          actual: ignored.slice(0, MAX_NAMED),
        },
      ),
    )
  }
  return withCompiled(requirement, findings)
}
