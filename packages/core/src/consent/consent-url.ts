import { API_RESOURCES, defaultScopeFor, isKnownApiId, type KnownApiId } from '../entra/apis.js'
import { CLOUDS, isCloudName, isGuid, type CloudName } from '../entra/clouds.js'
import type { Finding } from '../findings/finding.js'
import { hasErrors, makeFinding } from '../findings/make-finding.js'
import { lintScope } from './lint-scope.js'
import { randomState, type RandomSource } from './random-state.js'
import { classifyTenant, tenantHint, type TenantKind } from './tenant.js'

/**
 * - `v2`: `{authority}/{tenant}/v2.0/adminconsent` with a scope (`{resource}/.default` for the chosen API);
 * - `adminconsent`: the v1 `{authority}/{tenant}/adminconsent`, which grants everything the app registration requests;
 * - `authorize`: the link the Defender partner docs print, `{authority}/common/oauth2/authorize?prompt=consent&…`.
 */
export type ConsentForm = 'v2' | 'adminconsent' | 'authorize'

export const CONSENT_FORMS: readonly ConsentForm[] = ['v2', 'adminconsent', 'authorize']

export function isConsentForm(value: unknown): value is ConsentForm {
  return typeof value === 'string' && (CONSENT_FORMS as readonly string[]).includes(value)
}

export interface AdminConsentOptions {
  /** The multi-tenant app's Application (client) ID. */
  clientId: string
  /** The customer's tenant ID or verified domain; default `organizations` (v2) or `common` (the other forms). */
  tenant?: string
  cloud?: CloudName
  /** The API whose `/.default` scope the v2 form requests; default `mde`. Give `api` or `scopes`, not both. */
  api?: KnownApiId
  /** Explicit scopes for the v2 form (space-separated or an array). */
  scopes?: string | readonly string[]
  /** Must be registered on the app, byte for byte. */
  redirectUri?: string
  /** Echoed back on the redirect; a random one is made for the v2 and adminconsent forms when none is given. */
  state?: string
  /** Default `v2`. */
  form?: ConsentForm
  /** Randomness for the generated state (tests inject a fixed one); default Web Crypto. */
  random?: RandomSource
}

export interface AdminConsentLink {
  /** The link to send the customer's administrator; null when an error finding makes it unusable. */
  url: string | null
  form: ConsentForm
  /** What the administrator will be asked to approve, for which app and tenant, and where the browser goes next. */
  description: string
  tenant: string
  cloud: CloudName
  /** The v2 scope; null for the other forms (they grant what the app registration lists). */
  scope: string | null
  /** The state the link carries (compare it with the redirect's); null when the link has none. */
  state: string | null
  redirectUri: string | null
  findings: Finding[]
}

const AUTHORIZE_TENANT_KINDS: ReadonlySet<TenantKind> = new Set(['guid', 'domain', 'common', 'organizations'])
const TENANT_KINDS_BY_FORM: Readonly<Record<ConsentForm, ReadonlySet<TenantKind>>> = {
  v2: new Set(['guid', 'domain', 'organizations']),
  adminconsent: new Set(['guid', 'domain', 'common']),
  authorize: AUTHORIZE_TENANT_KINDS,
}

/**
 * Builds an admin-consent link for a customer's tenant. Validation problems come back as findings (and `url: null`),
 * never as exceptions; only misuse of the API (an unknown form or cloud, both `api` and `scopes`) throws a TypeError.
 * It cannot check that the redirect URI is registered on the app or that the tenant exists: Entra does that.
 */
export function buildAdminConsentUrl(options: AdminConsentOptions): AdminConsentLink {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('buildAdminConsentUrl expects an options object')
  const form = options.form ?? 'v2'
  if (!isConsentForm(form))
    throw new TypeError(`buildAdminConsentUrl: form must be one of ${CONSENT_FORMS.join(', ')}`)
  const cloud = options.cloud ?? 'public'
  if (!isCloudName(cloud)) throw new TypeError(`buildAdminConsentUrl: unknown cloud ${String(cloud)}`)
  if (options.api !== undefined && options.scopes !== undefined)
    throw new TypeError('buildAdminConsentUrl: give api or scopes, not both')
  if (options.api !== undefined && !isKnownApiId(options.api))
    throw new TypeError(`buildAdminConsentUrl: unknown api ${String(options.api)}`)

  const findings: Finding[] = []
  const clientId = String(options.clientId ?? '').trim()
  checkClientId(clientId, findings)

  const tenant = (options.tenant ?? (form === 'v2' ? 'organizations' : 'common')).trim()
  checkTenant(tenant, form, findings)

  const redirectUri = options.redirectUri?.trim() || null
  if (redirectUri !== null) checkRedirectUri(redirectUri, findings)
  else if (form === 'v2')
    findings.push(
      makeFinding(
        'redirect-uri-missing',
        'No redirect URI given; the v2 admin-consent endpoint documents redirect_uri as required.',
      ),
    )

  const api: KnownApiId | null = options.scopes === undefined ? (options.api ?? 'mde') : null
  let scope: string | null = null
  if (form === 'v2') scope = v2Scope(api, options.scopes, cloud, findings)
  else if (api !== null && API_RESOURCES[api].resourceByCloud[cloud] === undefined) {
    findings.push(
      makeFinding(
        'api-not-in-cloud',
        `${API_RESOURCES[api].name} has no documented endpoint in the ${CLOUDS[cloud].label} cloud.`,
        { severity: 'warning' },
      ),
    )
  }

  // The authorize form is kept exactly as the Defender docs print it: no state unless the caller asks for one.
  const state = options.state ?? (form === 'authorize' ? null : randomState(options.random))
  const url = hasErrors(findings)
    ? null
    : buildUrl({ form, cloud, tenant, clientId, scope, redirectUri, state })
  return {
    url,
    form,
    description: describe({ form, cloud, tenant, clientId, api, scope, redirectUri, state }),
    tenant,
    cloud,
    scope,
    state,
    redirectUri,
    findings,
  }
}

function checkClientId(clientId: string, findings: Finding[]): void {
  if (!isGuid(clientId)) {
    findings.push(
      makeFinding(
        'client-id-invalid',
        `"${clientId}" is not an application (client) ID: expected a GUID such as 00001111-aaaa-2222-bbbb-3333cccc4444.`,
        { actual: clientId },
      ),
    )
    return
  }
  const resource = Object.values(API_RESOURCES).find((r) => r.appId.toLowerCase() === clientId.toLowerCase())
  if (resource) {
    findings.push(
      makeFinding(
        'client-id-invalid',
        `${clientId} is the application ID of ${resource.name} (the API), not of your app.`,
        {
          actual: clientId,
          fix: "Use your own app registration's Application (client) ID; the API is what it asks permissions for.",
        },
      ),
    )
  }
}

function checkTenant(tenant: string, form: ConsentForm, findings: Finding[]): void {
  const kind = classifyTenant(tenant)
  if (kind === null) {
    const hint = tenantHint(tenant)
    findings.push(
      makeFinding(
        'consent-tenant-invalid',
        `"${tenant}" is not a tenant ID (GUID) or domain${hint ? `: ${hint}` : ''}.`,
        { actual: tenant },
      ),
    )
    return
  }
  if (!TENANT_KINDS_BY_FORM[form].has(kind)) {
    const why =
      kind === 'common'
        ? "the v2 admin-consent endpoint refuses common (personal accounts cannot give admin consent); use the customer's tenant ID or organizations"
        : kind === 'consumers'
          ? 'consumers is the personal-account tenant, where no one can grant admin consent'
          : `the ${form} form takes a tenant ID, a domain or common`
    findings.push(
      makeFinding('consent-tenant-invalid', `"${tenant}" cannot be used here: ${why}.`, { actual: tenant }),
    )
  }
}

function checkRedirectUri(redirectUri: string, findings: Finding[]): void {
  let url: URL
  try {
    url = new URL(redirectUri)
  } catch {
    findings.push(
      makeFinding('redirect-uri-invalid', `"${redirectUri}" is not an absolute URL.`, {
        actual: redirectUri,
      }),
    )
    return
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]'
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    findings.push(
      makeFinding('redirect-uri-invalid', `"${redirectUri}" must use https (http only for localhost).`, {
        actual: redirectUri,
      }),
    )
  } else if (url.hash !== '' || redirectUri.includes('#')) {
    findings.push(
      makeFinding(
        'redirect-uri-invalid',
        `"${redirectUri}" carries a fragment (#…), which a redirect URI may not.`,
        { actual: redirectUri },
      ),
    )
  }
}

function v2Scope(
  api: KnownApiId | null,
  scopes: string | readonly string[] | undefined,
  cloud: CloudName,
  findings: Finding[],
): string | null {
  if (api !== null) {
    const scope = defaultScopeFor(api, cloud)
    if (scope === null)
      findings.push(
        makeFinding(
          'api-not-in-cloud',
          `${API_RESOURCES[api].name} has no documented endpoint in the ${CLOUDS[cloud].label} cloud.`,
        ),
      )
    return scope
  }
  const lint = lintScope(scopes ?? '', { flow: 'admin-consent', cloud })
  findings.push(...lint.findings)
  return lint.items.join(' ')
}

interface LinkParts {
  form: ConsentForm
  cloud: CloudName
  tenant: string
  clientId: string
  scope: string | null
  redirectUri: string | null
  state: string | null
}

function buildUrl(p: LinkParts): string {
  const authority = CLOUDS[p.cloud].authority
  const tenant = encodeURIComponent(p.tenant)
  let url: URL
  if (p.form === 'authorize') {
    url = new URL(`${authority}/${tenant}/oauth2/authorize`)
    url.searchParams.set('prompt', 'consent')
    url.searchParams.set('client_id', p.clientId)
    url.searchParams.set('response_type', 'code')
    url.searchParams.set('sso_reload', 'true')
  } else {
    url = new URL(
      p.form === 'v2' ? `${authority}/${tenant}/v2.0/adminconsent` : `${authority}/${tenant}/adminconsent`,
    )
    url.searchParams.set('client_id', p.clientId)
    if (p.form === 'v2' && p.scope !== null) url.searchParams.set('scope', p.scope)
  }
  if (p.redirectUri !== null) url.searchParams.set('redirect_uri', p.redirectUri)
  if (p.state !== null) url.searchParams.set('state', p.state)
  return url.href
}

interface DescriptionParts extends LinkParts {
  api: KnownApiId | null
}

function describe(p: DescriptionParts): string {
  const kind = classifyTenant(p.tenant)
  const who =
    kind === 'guid'
      ? `An administrator of tenant ${p.tenant}`
      : kind === 'domain'
        ? `An administrator of the tenant that owns ${p.tenant}`
        : kind === 'organizations'
          ? 'An administrator of whichever work or school tenant they sign in to'
          : 'Whoever signs in (an administrator of their own tenant)'
  const app = `the app with client ID ${p.clientId || '(missing)'}`
  const where = ` in the ${CLOUDS[p.cloud].label} cloud`
  const back =
    p.redirectUri !== null
      ? `the browser returns to ${p.redirectUri}`
      : 'the browser returns to a reply URL registered on the app'
  const stateNote = p.state !== null ? `; check that state=${p.state} comes back` : ''

  if (p.form === 'v2') {
    const what =
      p.api !== null && p.scope !== null
        ? `every permission the app registration lists for ${API_RESOURCES[p.api].name} (${p.scope}: its application permissions, which become roles in app-only tokens, and any delegated ones)`
        : `these permissions: ${p.scope ?? '(none)'}`
    return `${who}${where} will be asked to approve, for the whole organization, ${what}, for ${app}. Afterwards ${back} with admin_consent=True and the tenant ID, or with an error${stateNote}.`
  }
  if (p.form === 'adminconsent') {
    return `${who}${where} will be asked to approve, for the whole organization, every permission ${app} lists on its app registration (all APIs, application and delegated). Afterwards ${back} with admin_consent=True and the tenant ID, or with an error${stateNote}.`
  }
  return `${who}${where} will see a consent prompt (prompt=consent) for every permission ${app} lists on its app registration; an administrator can tick "Consent on behalf of your organization". Entra then sends an authorization code to ${p.redirectUri ?? "the app's registered reply URL"}; the response does not say whether consent covered the whole organization${stateNote}.`
}
