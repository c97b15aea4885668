import { API_RESOURCES } from '../../entra/apis.js'
import { CLOUDS } from '../../entra/clouds.js'
import type { Capabilities } from '../../permissions/capabilities.js'
import type { Report, TokenFacts } from '../../report/report.js'
import type { Style } from './style.js'
import { escapeForTerminal } from './escape.js'
import { hanging, relativeTime, utc } from './text.js'

const LABEL_WIDTH = 10

/** A labelled line; the value (escaped by the caller) wraps under itself instead of being cut. */
function row(
  st: Style,
  label: string,
  value: string,
  columns: number,
  paint?: (s: string) => string,
): string[] {
  return hanging(
    `  ${st.dim(label.padEnd(LABEL_WIDTH))}`,
    LABEL_WIDTH + 2,
    value,
    columns,
    LABEL_WIDTH + 2,
    paint,
  )
}

function whatItIs(t: TokenFacts): string {
  const version = t.version !== null ? `v${t.version} ` : ''
  const what = t.kind === 'id-token' ? 'ID token' : 'access token'
  if (t.api === 'mde' || t.api === 'm365d' || t.api === 'graph')
    return `${version}${what} for ${API_RESOURCES[t.api].name}`
  if (t.kind === 'id-token')
    return `${version}${what} for app ${escapeForTerminal(t.audience ?? '(no audience)')}`
  // Named by its audience, not "another API": with no --audience nothing says it is the wrong one, and a WORKS
  // verdict above must not read as a contradiction.
  if (t.api === 'other')
    return `${version}${what} for ${escapeForTerminal(t.audience ?? '(no audience)')} (no built-in catalog; --audience checks it)`
  return `${version}${what} with no audience`
}

/**
 * What a signature's address is: the key set (jwks_uri), or — when the keys could not be had — the metadata document
 * (/.well-known/openid-configuration) whose fetch failed before any jwks_uri was known.
 */
export function keySourceLabel(url: string): 'metadata' | 'key set' {
  return /\/\.well-known\/openid-configuration(?:[?#]|$)/.test(url) ? 'metadata' : 'key set'
}

function kindLabel(t: TokenFacts): string {
  switch (t.kind) {
    case 'app-only':
      return 'app-only (the app acts as itself)'
    case 'delegated':
      return 'delegated (the app acts for a signed-in user)'
    case 'id-token':
      return 'ID token (proves a sign-in to an app; not for calling APIs)'
    case 'unknown':
      return 'unknown'
  }
}

function grants(t: TokenFacts): string {
  const parts: string[] = []
  if (t.roles.length > 0) parts.push(`roles ${t.roles.join(', ')}`)
  if (t.scopes.length > 0) parts.push(`scopes ${t.scopes.join(' ')}`)
  if (parts.length === 0)
    return t.kind === 'id-token' ? 'nothing (ID tokens carry no permissions)' : 'no roles and no scopes'
  return parts.join('; ')
}

function validity(t: TokenFacts, now: Date): string {
  const from = t.notBefore ?? t.issuedAt
  const start = from !== null ? `${utc(new Date(from))} → ` : ''
  if (t.expiresAt === null) return `${start}no usable exp`
  const exp = new Date(t.expiresAt)
  return `${start}${utc(exp)} (${relativeTime(exp, now, 'expires')})`
}

function callerLine(t: TokenFacts): string | null {
  const c = t.caller
  const parts: string[] = []
  if (c.agent !== null || c.relation !== null || c.credential === 'managed-identity') parts.push(c.summary)
  if (c.credential !== null && c.credential !== 'managed-identity' && t.kind === 'app-only')
    parts.push(`authenticated with ${c.credential === 'secret' ? 'a client secret' : c.credential}`)
  if (t.issuerType === 'external-id') parts.push('Microsoft Entra External ID tenant (ciamlogin.com)')
  if (t.issuerType === 'b2c') parts.push('Azure AD B2C token: not verified by ClaimCheck')
  return parts.length > 0 ? parts.join('; ') : null
}

/** What the token is, for whom, until when: the lines a reader needs after the verdict and before any finding. */
export function renderSummary(
  report: Report,
  st: Style,
  now: Date,
  columns: number,
  capabilities: Capabilities | null = null,
): string[] {
  const out: string[] = []
  const t = report.token
  if (t === null) {
    out.push(...row(st, 'Input', 'could not be decoded as a JWT; the findings below say why.', columns))
    return out
  }
  const clean = escapeForTerminal
  out.push(...row(st, 'Token', whatItIs(t), columns))
  if (t.audience !== null) out.push(...row(st, 'Audience', clean(t.audience), columns))
  out.push(...row(st, 'Kind', kindLabel(t), columns))
  out.push(...row(st, '', clean(`decided by rule ${t.kindRule}: ${t.kindReason}`), columns, st.dim))
  out.push(...row(st, 'Tenant', t.tenantId !== null ? clean(t.tenantId) : 'none', columns))
  if (t.cloud !== null) out.push(...row(st, 'Cloud', CLOUDS[t.cloud].label, columns))
  out.push(
    ...row(
      st,
      'Client',
      t.appId !== null ? `${clean(t.appId)} (${t.version === '2.0' ? 'azp' : 'appid'})` : 'none named',
      columns,
    ),
  )
  if (t.kind === 'delegated' || t.kind === 'id-token') {
    const user = t.user !== null ? clean(t.user) : 'no user name'
    out.push(...row(st, 'User', `${user}${t.objectId !== null ? `, oid ${clean(t.objectId)}` : ''}`, columns))
  }
  // Caller facts in words (issue 23): "AI agent … acting for user …", a guest, a managed identity, an External ID tenant.
  const caller = callerLine(t)
  if (caller !== null) out.push(...row(st, 'Caller', clean(caller), columns))
  out.push(...row(st, 'Grants', clean(grants(t)), columns))
  if (capabilities !== null) {
    // What the token can do with no flag: every operation of its own API's catalog, as the page's headline.
    const caveat = report.signature.status === 'valid' ? '' : ' as its claims say'
    out.push(
      ...row(
        st,
        'Can call',
        `${capabilities.granted} of ${capabilities.total} ${capabilities.apiName} operations${caveat} (claimcheck permissions --api ${capabilities.api} lists them)`,
        columns,
      ),
    )
  }
  out.push(...row(st, 'Valid', validity(t, now), columns))
  const sig = report.signature
  const details = [
    ...(sig.status === 'not-checked' ? ['offline'] : []),
    ...(sig.kid !== null ? [`kid ${clean(sig.kid)}`] : []),
    ...(sig.jwksUri !== null ? [`${keySourceLabel(sig.jwksUri)} ${clean(sig.jwksUri)}`] : []),
  ]
  const status =
    sig.status === 'not-checked'
      ? 'not checked'
      : sig.status === 'valid'
        ? st.green('valid')
        : sig.status === 'invalid'
          ? st.red('invalid')
          : sig.status
  out.push(
    ...row(st, 'Signature', `${status}${details.length > 0 ? ` (${details.join(', ')})` : ''}`, columns),
  )
  return out
}
