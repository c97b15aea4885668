import {
  API_RESOURCES,
  CLOUDS,
  defaultScopeFor,
  isCloudName,
  isGuid,
  isKnownApiId,
  lintScope,
  type CloudName,
  type KnownApiId,
} from '@claimcheck/core'
import type { TokenCacheChoice, TokenRequest } from './auth-client.js'

/** The API a token is requested for: one ClaimCheck knows, or a scope the person types. */
export type SignInApi = KnownApiId | 'custom'

/** What the sign-in panel asks for. Nothing here is secret: a client ID and a tenant are public identifiers. */
export interface SignInForm {
  clientId: string
  /** Tenant GUID, verified domain or "organizations". */
  tenant: string
  cloud: CloudName
  api: SignInApi
  /** Known API: delegated permission names (empty: `{resource}/.default`). Custom: the whole scope. */
  scopes: string
  /** "METHOD /path" to check the token against (Defender APIs); empty: none. */
  operation: string
  cache: TokenCacheChoice
}

export const SIGN_IN_APIS: readonly SignInApi[] = ['mde', 'm365d', 'graph', 'custom']

/** The operation the permission picker starts on after sign-in: the first read most integrations make. */
export const DEFAULT_OPERATION: Readonly<Partial<Record<SignInApi, string>>> = {
  mde: 'GET /api/machines',
  m365d: 'GET /api/incidents',
}

export const DEFAULT_SIGN_IN_FORM: SignInForm = Object.freeze({
  clientId: '',
  tenant: 'organizations',
  cloud: 'public',
  api: 'mde',
  scopes: '',
  operation: DEFAULT_OPERATION.mde ?? '',
  cache: 'memory',
})

export interface SignInProblem {
  field: 'clientId' | 'tenant' | 'api' | 'scopes'
  message: string
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i

export function isTenantInput(value: string): boolean {
  return isGuid(value) || value === 'organizations' || DOMAIN.test(value)
}

function split(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s !== '')
}

/** A permission name becomes `{resource}/{name}`; a full scope (with a scheme) is kept as written. */
function qualify(resource: string, name: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(name) ? name : `${resource}/${name}`
}

/** The scopes to request, or null when the form cannot name any (see signInProblems). */
export function scopesFor(form: SignInForm): string[] | null {
  if (form.api === 'custom') {
    const items = split(form.scopes)
    return items.length === 0 ? null : items
  }
  const resource = API_RESOURCES[form.api].resourceByCloud[form.cloud]
  if (resource === undefined) return null
  const names = split(form.scopes)
  if (names.length === 0) {
    const scope = defaultScopeFor(form.api, form.cloud)
    return scope === null ? null : [scope]
  }
  return names.map((n) => qualify(resource, n))
}

/** Mistakes a person can fix in the form, each next to its field. */
export function signInProblems(form: SignInForm): SignInProblem[] {
  const problems: SignInProblem[] = []
  if (!isGuid(form.clientId.trim())) {
    problems.push({
      field: 'clientId',
      message: 'The Application (client) ID of your app registration: a GUID.',
    })
  }
  if (!isTenantInput(form.tenant.trim())) {
    problems.push({
      field: 'tenant',
      message: 'A tenant ID (GUID), a verified domain such as contoso.onmicrosoft.com, or organizations.',
    })
  }
  if (form.api !== 'custom' && API_RESOURCES[form.api].resourceByCloud[form.cloud] === undefined) {
    problems.push({
      field: 'api',
      message: `${API_RESOURCES[form.api].name} is not offered in the ${CLOUDS[form.cloud].label} cloud.`,
    })
  }
  const scopes = scopesFor(form)
  if (form.api === 'custom' && scopes === null) {
    problems.push({ field: 'scopes', message: 'Write the scope to request, e.g. api://my-api/.default.' })
  } else if (scopes !== null) {
    const lint = lintScope(scopes, { flow: 'delegated' })
    const error = lint.findings.find((f) => f.severity === 'error')
    if (error !== undefined) problems.push({ field: 'scopes', message: error.message })
  }
  return problems
}

/** The request for the auth client, or null while the form has problems. */
export function tokenRequestFor(form: SignInForm): TokenRequest | null {
  const scopes = scopesFor(form)
  if (scopes === null || signInProblems(form).length > 0) return null
  return {
    clientId: form.clientId.trim(),
    tenant: form.tenant.trim(),
    cloud: form.cloud,
    scopes,
    cache: form.cache,
  }
}

/** A stored or restored form, field by field: anything unexpected falls back to the default. */
export function readSignInForm(value: unknown): SignInForm | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const v = value as Record<string, unknown>
  const str = (k: keyof SignInForm): string | null => (typeof v[k] === 'string' ? v[k] : null)
  const api = str('api')
  const cloud = str('cloud')
  const cache = str('cache')
  return {
    clientId: str('clientId') ?? DEFAULT_SIGN_IN_FORM.clientId,
    tenant: str('tenant') ?? DEFAULT_SIGN_IN_FORM.tenant,
    cloud: isCloudName(cloud) ? cloud : DEFAULT_SIGN_IN_FORM.cloud,
    api: api === 'custom' || isKnownApiId(api) ? api : DEFAULT_SIGN_IN_FORM.api,
    scopes: str('scopes') ?? '',
    operation: str('operation') ?? '',
    cache: cache === 'session' ? 'session' : 'memory',
  }
}
