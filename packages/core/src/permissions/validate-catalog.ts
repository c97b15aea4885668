import { CLOUD_NAMES, isGuid } from '../entra/clouds.js'
import { deepFreeze } from '../lib/freeze.js'
import { isPermissionName, nameKey } from './name-key.js'
import { parseOperation } from './operation.js'
import {
  HTTP_METHODS,
  type CatalogOperation,
  type CatalogPermission,
  type PermissionCatalog,
} from './types.js'
import { isRecord, own } from '../lib/records.js'
import { LIFECYCLE_OPERATION_KEYS, readLifecycleFields } from './lifecycle/read-fields.js'

export type CatalogParseResult =
  { ok: true; catalog: PermissionCatalog; errors: [] } | { ok: false; catalog: null; errors: string[] }

const TOP_KEYS = new Set([
  '$schema',
  'id',
  'name',
  'appId',
  'identifierUris',
  'hosts',
  'resourceByCloud',
  'delegatedNeedsUserRole',
  'permissions',
  'aliases',
  'operations',
  'idSources',
])
const PERMISSION_KEYS = new Set(['value', 'kind', 'id', 'idByCloud', 'displayName', 'includes'])
const OPERATION_KEYS = new Set([
  'method',
  'path',
  'application',
  'delegated',
  'source',
  'checkedBy',
  'correction',
  'userRole',
  'summary',
  'alsoRequires',
  'legacy',
  'checked',
  'area',
  'authContext',
  ...LIFECYCLE_OPERATION_KEYS,
])

/**
 * The fields parseCatalog reads and keeps, per level (schema/catalog.schema.json lists the same: a test holds them
 * equal, and round-trips every field). `$schema` is accepted and not kept: it names the format, not the API.
 */
export const CATALOG_FIELDS: Readonly<Record<'catalog' | 'permission' | 'operation', ReadonlySet<string>>> =
  Object.freeze({ catalog: TOP_KEYS, permission: PERMISSION_KEYS, operation: OPERATION_KEYS })
const LIMIT = 10_000
/** Entra's authentication context IDs are c1 to c99. */
export const AUTH_CONTEXT_ID = /^c(?:[1-9]|[1-9][0-9])$/
/** Deeper than any catalog field (catalog → operations → op → alsoRequires → kind → list → name). */
const MAX_DEPTH = 8

/**
 * Where the value is not plain data (an accessor, which could answer differently on each read, or nesting deeper than
 * a catalog has), the path of the first such member; null when it is plain data. Own string keys only are walked.
 */
function notPlainData(value: unknown, path: string, depth: number): string | null {
  if (typeof value !== 'object' || value === null) return null
  if (depth > MAX_DEPTH) return path
  for (const key of Object.keys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key)
    if (d === undefined) continue
    if (!('value' in d)) return `${path}.${key}`
    const inner = notPlainData(d.value, `${path}.${key}`, depth + 1)
    if (inner !== null) return inner
  }
  return null
}

/** A permission value as Entra writes it in scp/roles: printable ASCII without spaces (see isPermissionName). */
const isPermissionValue = isPermissionName

function stringList(
  v: unknown,
  path: string,
  errors: string[],
  check: (s: unknown) => boolean = (s) => typeof s === 'string' && s.length > 0,
): string[] | null {
  if (!Array.isArray(v) || v.length > LIMIT) {
    errors.push(`${path} must be an array${Array.isArray(v) ? ` of at most ${LIMIT} items` : ''}`)
    return null
  }
  const bad = v.findIndex((s) => !check(s))
  if (bad >= 0) {
    errors.push(`${path}[${bad}] is not valid`)
    return null
  }
  return v as string[]
}

function unknownKeys(
  obj: Record<string, unknown>,
  allowed: Set<string>,
  path: string,
  errors: string[],
): void {
  for (const k of Object.keys(obj)) if (!allowed.has(k)) errors.push(`${path}: unknown property "${k}"`)
}

/**
 * Checks a custom API catalog (the JSON format in docs/permissions.md and schema/catalog.schema.json) and returns
 * a frozen, typed copy, or every problem found. Never throws.
 */
export function parseCatalog(value: unknown): CatalogParseResult {
  const errors: string[] = []
  if (!isRecord(value)) return { ok: false, catalog: null, errors: ['the catalog must be a JSON object'] }
  const accessor = notPlainData(value, 'catalog', 0)
  if (accessor !== null)
    return {
      ok: false,
      catalog: null,
      errors: [
        `${accessor.slice(0, 200)} is an accessor or nested too deeply: a catalog is plain data (JSON)`,
      ],
    }
  unknownKeys(value, TOP_KEYS, 'catalog', errors)
  const schemaRef = own(value, '$schema')
  if (schemaRef !== undefined && typeof schemaRef !== 'string') errors.push('$schema must be a string')

  const id = own(value, 'id')
  if (typeof id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id))
    errors.push('id must be 1-64 letters, digits, ".", "_" or "-"')
  const name = own(value, 'name')
  if (typeof name !== 'string' || name.length === 0) errors.push('name must be a non-empty string')
  const appId = own(value, 'appId') ?? null
  if (appId !== null && !isGuid(appId)) errors.push('appId must be a GUID (or omitted)')
  const identifierUris = stringList(own(value, 'identifierUris'), 'identifierUris', errors)
  if (identifierUris && identifierUris.length === 0)
    errors.push('identifierUris must name at least one audience')
  const hostsValue = own(value, 'hosts')
  const hosts =
    hostsValue === undefined
      ? []
      : stringList(
          hostsValue,
          'hosts',
          errors,
          (h) => typeof h === 'string' && /^[a-z0-9.-]+(:\d+)?$/i.test(h),
        )
  const rbc = own(value, 'resourceByCloud')
  let resourceByCloud: PermissionCatalog['resourceByCloud']
  if (rbc !== undefined) {
    if (
      !isRecord(rbc) ||
      Object.entries(rbc).some(
        ([k, v]) => !(CLOUD_NAMES as readonly string[]).includes(k) || typeof v !== 'string',
      )
    ) {
      errors.push(`resourceByCloud must map ${CLOUD_NAMES.join('/')} to identifier URIs`)
    } else resourceByCloud = { ...(rbc as Record<string, string>) }
  }
  const dnur = own(value, 'delegatedNeedsUserRole')
  if (dnur !== undefined && typeof dnur !== 'boolean')
    errors.push('delegatedNeedsUserRole must be true or false')
  const idSourcesValue = own(value, 'idSources')
  const idSources = idSourcesValue === undefined ? undefined : stringList(idSourcesValue, 'idSources', errors)

  const permissions: CatalogPermission[] = []
  const seen = new Set<string>()
  const rawPermissions = own(value, 'permissions')
  if (!Array.isArray(rawPermissions) || rawPermissions.length > LIMIT)
    errors.push('permissions must be an array')
  else
    rawPermissions.forEach((p, i) => {
      const at = `permissions[${i}]`
      if (!isRecord(p)) return void errors.push(`${at} must be an object`)
      unknownKeys(p, PERMISSION_KEYS, at, errors)
      const v = own(p, 'value')
      const kind = own(p, 'kind')
      const pid = own(p, 'id') ?? null
      if (!isPermissionValue(v))
        return void errors.push(`${at}.value must be a permission name without spaces`)
      if (kind !== 'application' && kind !== 'delegated')
        return void errors.push(`${at}.kind must be "application" or "delegated"`)
      if (pid !== null && !isGuid(pid)) errors.push(`${at}.id must be a GUID or null`)
      const key = `${kind}:${nameKey(v)}`
      if (seen.has(key)) errors.push(`${at}: ${kind} permission ${v} is listed twice`)
      seen.add(key)
      const displayName = own(p, 'displayName')
      if (displayName !== undefined && typeof displayName !== 'string')
        errors.push(`${at}.displayName must be a string`)
      const idByCloudValue = own(p, 'idByCloud')
      let idByCloud: Record<string, string> | undefined
      if (idByCloudValue !== undefined) {
        if (
          !isRecord(idByCloudValue) ||
          Object.entries(idByCloudValue).some(
            ([k, v]) => !(CLOUD_NAMES as readonly string[]).includes(k) || !isGuid(v),
          )
        ) {
          errors.push(`${at}.idByCloud must map ${CLOUD_NAMES.join('/')} to GUIDs`)
        } else idByCloud = { ...(idByCloudValue as Record<string, string>) }
      }
      const includesValue = own(p, 'includes')
      const includes =
        includesValue === undefined
          ? undefined
          : stringList(includesValue, `${at}.includes`, errors, isPermissionValue)
      permissions.push({
        value: v,
        kind,
        id: pid as string | null,
        ...(idByCloud ? { idByCloud } : {}),
        ...(typeof displayName === 'string' ? { displayName } : {}),
        ...(includes ? { includes: [...includes] } : {}),
      })
    })
  const known = (n: string, kind: 'application' | 'delegated') => seen.has(`${kind}:${nameKey(n)}`)

  const aliases: Record<string, string> = {}
  const rawAliases = own(value, 'aliases')
  if (rawAliases !== undefined) {
    if (!isRecord(rawAliases)) errors.push('aliases must map documented spellings to permission values')
    else
      for (const [from, to] of Object.entries(rawAliases)) {
        if (
          !isPermissionValue(from) ||
          typeof to !== 'string' ||
          !(known(to, 'application') || known(to, 'delegated'))
        )
          errors.push(`aliases["${from}"] must name a permission of this catalog`)
        else aliases[from] = to
      }
  }
  const resolve = (n: string): string => {
    const hit = Object.entries(aliases).find(([from]) => nameKey(from) === nameKey(n))
    return hit ? hit[1] : n
  }
  for (const p of permissions)
    for (const n of p.includes ?? []) {
      if (!known(resolve(n), p.kind))
        errors.push(`${p.value}.includes names ${n}, which is not a ${p.kind} permission of this catalog`)
    }

  const operations: CatalogOperation[] = []
  const opKeys = new Set<string>()
  const rawOperations = own(value, 'operations')
  if (!Array.isArray(rawOperations) || rawOperations.length > LIMIT)
    errors.push('operations must be an array')
  else
    rawOperations.forEach((o, i) => {
      const at = `operations[${i}]`
      if (!isRecord(o)) return void errors.push(`${at} must be an object`)
      unknownKeys(o, OPERATION_KEYS, at, errors)
      const method = own(o, 'method')
      const path = own(o, 'path')
      if (typeof method !== 'string' || !(HTTP_METHODS as readonly string[]).includes(method))
        return void errors.push(`${at}.method must be one of ${HTTP_METHODS.join(', ')}`)
      if (
        typeof path !== 'string' ||
        !path.startsWith('/') ||
        /[\s?#]/.test(path) ||
        parseOperation(`${method} ${path}`) === null
      )
        return void errors.push(`${at}.path must start with "/" and have no spaces, query or fragment`)
      const application =
        stringList(own(o, 'application') ?? [], `${at}.application`, errors, isPermissionValue) ?? []
      const delegated =
        stringList(own(o, 'delegated') ?? [], `${at}.delegated`, errors, isPermissionValue) ?? []
      if (application.length === 0 && delegated.length === 0)
        errors.push(`${at} (${method} ${path}) names no permission`)
      for (const n of application)
        if (!known(resolve(n), 'application'))
          errors.push(`${at}.application names ${n}, which is not an application permission of this catalog`)
      for (const n of delegated)
        if (!known(resolve(n), 'delegated'))
          errors.push(`${at}.delegated names ${n}, which is not a delegated permission of this catalog`)
      const key = `${method} ${path.toLowerCase().replace(/\{[^{}]*\}/g, '{}')}`
      if (opKeys.has(key)) errors.push(`${at}: ${method} ${path} is listed twice`)
      opKeys.add(key)
      const extra: Partial<CatalogOperation> = {}
      for (const k of ['source', 'correction', 'userRole', 'summary'] as const) {
        const v = own(o, k)
        if (v === undefined) continue
        if (typeof v !== 'string') errors.push(`${at}.${k} must be a string`)
        else extra[k] = v
      }
      for (const k of ['checked', 'area'] as const) {
        const v = own(o, k)
        if (v === undefined) continue
        if (typeof v !== 'string' || (k === 'checked' && !/^\d{4}-\d{2}-\d{2}$/.test(v)))
          errors.push(`${at}.${k} must be ${k === 'checked' ? 'a date YYYY-MM-DD' : 'a string'}`)
        else extra[k] = v
      }
      const legacy = own(o, 'legacy')
      if (legacy !== undefined) {
        const replacement = isRecord(legacy) ? own(legacy, 'replacement') : undefined
        const note = isRecord(legacy) ? own(legacy, 'note') : undefined
        if (
          !isRecord(legacy) ||
          typeof replacement !== 'string' ||
          (note !== undefined && typeof note !== 'string') ||
          Object.keys(legacy).some((k) => k !== 'replacement' && k !== 'note')
        ) {
          errors.push(`${at}.legacy must be { replacement: string, note?: string }`)
        } else extra.legacy = { replacement, ...(typeof note === 'string' ? { note } : {}) }
      }
      const also = own(o, 'alsoRequires')
      if (also !== undefined) {
        const groups: Partial<Record<'application' | 'delegated', string[][]>> = {}
        if (!isRecord(also) || Object.keys(also).some((k) => k !== 'application' && k !== 'delegated'))
          errors.push(`${at}.alsoRequires must map application/delegated to lists of permission lists`)
        else
          for (const kind of ['application', 'delegated'] as const) {
            const v = own(also, kind)
            if (v === undefined) continue
            if (!Array.isArray(v) || v.length > 16) {
              errors.push(`${at}.alsoRequires.${kind} must be a list of at most 16 lists`)
              continue
            }
            const lists = v.map((g, j) =>
              stringList(g, `${at}.alsoRequires.${kind}[${j}]`, errors, isPermissionValue),
            )
            if (lists.some((g) => g !== null && g.length === 0))
              errors.push(`${at}.alsoRequires.${kind} has an empty list`)
            for (const g of lists)
              for (const n of g ?? [])
                if (!known(resolve(n), kind))
                  errors.push(
                    `${at}.alsoRequires.${kind} names ${n}, which is not a ${kind} permission of this catalog`,
                  )
            if (lists.every((g) => g !== null)) groups[kind] = (lists as string[][]).map((g) => [...g])
          }
        extra.alsoRequires = groups
      }
      const authContext = own(o, 'authContext')
      if (authContext !== undefined) {
        if (typeof authContext !== 'string' || !AUTH_CONTEXT_ID.test(authContext))
          errors.push(`${at}.authContext must be an authentication context ID, c1 to c99`)
        else extra.authContext = authContext
      }
      Object.assign(extra, readLifecycleFields(o, at, errors))
      const checkedBy = own(o, 'checkedBy')
      if (checkedBy !== undefined) {
        if (checkedBy !== 'reference' && checkedBy !== 'claimcheck')
          errors.push(`${at}.checkedBy must be "reference" or "claimcheck"`)
        else extra.checkedBy = checkedBy
      }
      operations.push({
        ...extra,
        method: method as CatalogOperation['method'],
        path,
        application: [...application],
        delegated: [...delegated],
      })
    })

  if (errors.length > 0) return { ok: false, catalog: null, errors }
  // A fresh copy, frozen through: what was checked is what is used, whatever the caller does to its object later.
  const catalog: PermissionCatalog = deepFreeze({
    id: id as string,
    name: name as string,
    appId: appId as string | null,
    identifierUris: [...(identifierUris as string[])],
    hosts: (hosts as string[]).map((h) => h.toLowerCase()),
    ...(resourceByCloud ? { resourceByCloud } : {}),
    ...(typeof dnur === 'boolean' ? { delegatedNeedsUserRole: dnur } : {}),
    permissions,
    aliases,
    operations,
    ...(idSources ? { idSources: [...idSources] } : {}),
  })
  return { ok: true, catalog, errors: [] }
}

/**
 * Library entry: a catalog passed as an option must be valid; a bad one is API misuse (TypeError listing the
 * problems). Returns a frozen copy with every documented field, validated anew on every call.
 */
export function assertCatalog(value: unknown): PermissionCatalog {
  const result = parseCatalog(value)
  if (!result.ok)
    throw new TypeError(
      `invalid permission catalog: ${result.errors.slice(0, 20).join('; ')}${result.errors.length > 20 ? `; and ${result.errors.length - 20} more` : ''}`,
    )
  return result.catalog
}
