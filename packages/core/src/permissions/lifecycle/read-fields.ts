import { isRecord, own } from '../../lib/records.js'
import {
  LIFECYCLE_STATUSES,
  type CatalogOperation,
  type LifecycleReplacement,
  type LifecycleStatus,
  type OperationLifecycle,
  type RateLimit,
} from '../types.js'

/** The operation fields this module reads; the catalog validator accepts them (validate-catalog.ts). */
export const LIFECYCLE_OPERATION_KEYS: readonly string[] = ['lifecycle', 'rateLimits']

const DATE = /^\d{4}-\d{2}-\d{2}$/
const SCOPES: readonly RateLimit['scope'][] = ['tenant', 'app-tenant', 'app']
const MAX_TEXT = 2_000

/** A real calendar date YYYY-MM-DD (2026-02-30 is refused: a retirement date must be one day). */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !DATE.test(v)) return false
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT
const isName = (v: unknown): v is string => typeof v === 'string' && /^[\x21-\x7e]{1,200}$/.test(v)

function unknownKeys(obj: Record<string, unknown>, allowed: readonly string[], at: string, errors: string[]) {
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) errors.push(`${at}: unknown property "${k}"`)
}

function readReplacement(v: unknown, at: string, errors: string[]): LifecycleReplacement | null {
  if (!isRecord(v)) return (void errors.push(`${at} must be an object`), null)
  unknownKeys(v, ['api', 'operation', 'application', 'delegated', 'note'], at, errors)
  const api = own(v, 'api')
  const operation = own(v, 'operation') ?? null
  if (!isName(api)) errors.push(`${at}.api must name an API`)
  if (operation !== null && !isText(operation)) errors.push(`${at}.operation must be "METHOD /path" or null`)
  const out: LifecycleReplacement = { api: api as string, operation: operation as string | null }
  for (const k of ['application', 'delegated'] as const) {
    const list = own(v, k)
    if (list === undefined) continue
    if (!Array.isArray(list) || list.length > 64 || !list.every(isName))
      errors.push(`${at}.${k} must be a list of permission names`)
    else out[k] = [...(list as string[])]
  }
  const note = own(v, 'note')
  if (note !== undefined) {
    if (!isText(note)) errors.push(`${at}.note must be a string`)
    else out.note = note
  }
  return out
}

function readLifecycle(v: unknown, at: string, errors: string[]): OperationLifecycle | null {
  if (!isRecord(v)) return (void errors.push(`${at} must be an object`), null)
  unknownKeys(v, ['status', 'retiresOn', 'retiredOn', 'announced', 'replacement'], at, errors)
  const status = own(v, 'status')
  if (!(LIFECYCLE_STATUSES as readonly unknown[]).includes(status)) {
    errors.push(`${at}.status must be one of ${LIFECYCLE_STATUSES.join(', ')}`)
    return null
  }
  const out: OperationLifecycle = { status: status as LifecycleStatus }
  for (const k of ['retiresOn', 'retiredOn'] as const) {
    const d = own(v, k)
    if (d === undefined) continue
    if (!isIsoDate(d)) errors.push(`${at}.${k} must be a date YYYY-MM-DD`)
    else out[k] = d
  }
  // A date without which the status says nothing checkable: retiring needs the day it stops.
  if (status === 'retiring' && out.retiresOn === undefined)
    errors.push(`${at}: status "retiring" needs retiresOn`)
  if (status === 'current' && (out.retiresOn !== undefined || out.retiredOn !== undefined))
    errors.push(`${at}: status "current" has no retirement date`)
  // A date that would never be enforced, or two that disagree, is a catalog mistake (found by the outside review):
  // deprecated means announced with no date; a retiring operation cannot already have been retired before it retires.
  if (status === 'deprecated' && out.retiresOn !== undefined)
    errors.push(`${at}: status "deprecated" has no retirement date (use "retiring" with retiresOn)`)
  if (status === 'retiring' && out.retiredOn !== undefined)
    errors.push(`${at}: status "retiring" takes retiresOn, not retiredOn`)
  const announced = own(v, 'announced')
  if (announced !== undefined) {
    const a = `${at}.announced`
    if (!isRecord(announced)) errors.push(`${a} must be an object`)
    else {
      unknownKeys(announced, ['source', 'checked', 'verified', 'note'], a, errors)
      const source = own(announced, 'source')
      const checked = own(announced, 'checked')
      const verified = own(announced, 'verified')
      const note = own(announced, 'note')
      if (!isText(source)) errors.push(`${a}.source must be a URL or a reference`)
      if (!isIsoDate(checked)) errors.push(`${a}.checked must be a date YYYY-MM-DD`)
      if (verified !== undefined && typeof verified !== 'boolean')
        errors.push(`${a}.verified must be true or false`)
      if (note !== undefined && !isText(note)) errors.push(`${a}.note must be a string`)
      if (isText(source) && isIsoDate(checked))
        out.announced = {
          source,
          checked,
          ...(typeof verified === 'boolean' ? { verified } : {}),
          ...(isText(note) ? { note } : {}),
        }
    }
  }
  const replacement = own(v, 'replacement')
  if (replacement !== undefined) {
    const r = readReplacement(replacement, `${at}.replacement`, errors)
    if (r) out.replacement = r
  }
  return out
}

function readRateLimits(v: unknown, at: string, errors: string[]): RateLimit[] | null {
  if (!Array.isArray(v) || v.length > 16)
    return (void errors.push(`${at} must be a list of at most 16 limits`), null)
  const out: RateLimit[] = []
  v.forEach((r, i) => {
    const ri = `${at}[${i}]`
    if (!isRecord(r)) return void errors.push(`${ri} must be an object`)
    unknownKeys(r, ['calls', 'perSeconds', 'scope', 'atLeast', 'note', 'source'], ri, errors)
    const calls = own(r, 'calls')
    const perSeconds = own(r, 'perSeconds')
    const scope = own(r, 'scope')
    const atLeast = own(r, 'atLeast')
    const note = own(r, 'note')
    const source = own(r, 'source')
    const ok =
      Number.isSafeInteger(calls) &&
      (calls as number) > 0 &&
      Number.isSafeInteger(perSeconds) &&
      (perSeconds as number) > 0 &&
      (SCOPES as readonly unknown[]).includes(scope)
    if (!ok) return void errors.push(`${ri} must have calls and perSeconds (positive integers) and a scope`)
    if (atLeast !== undefined && typeof atLeast !== 'boolean')
      errors.push(`${ri}.atLeast must be true or false`)
    if (note !== undefined && !isText(note)) errors.push(`${ri}.note must be a string`)
    if (source !== undefined && !isText(source)) errors.push(`${ri}.source must be a string`)
    out.push({
      calls: calls as number,
      perSeconds: perSeconds as number,
      scope: scope as RateLimit['scope'],
      ...(atLeast === true ? { atLeast } : {}),
      ...(isText(note) ? { note } : {}),
      ...(isText(source) ? { source } : {}),
    })
  })
  return out
}

/**
 * Reads an operation's `lifecycle` and `rateLimits` (the catalog validator's hook): a typed copy of what is valid,
 * every problem pushed onto `errors` under the operation's path.
 */
export function readLifecycleFields(
  o: Record<string, unknown>,
  at: string,
  errors: string[],
): Pick<CatalogOperation, 'lifecycle' | 'rateLimits'> {
  const out: Pick<CatalogOperation, 'lifecycle' | 'rateLimits'> = {}
  const lifecycle = own(o, 'lifecycle')
  if (lifecycle !== undefined) {
    const l = readLifecycle(lifecycle, `${at}.lifecycle`, errors)
    if (l) out.lifecycle = l
  }
  const rateLimits = own(o, 'rateLimits')
  if (rateLimits !== undefined) {
    const r = readRateLimits(rateLimits, `${at}.rateLimits`, errors)
    if (r) out.rateLimits = r
  }
  return out
}
