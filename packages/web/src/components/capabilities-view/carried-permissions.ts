import { html, nothing } from 'lit'
import type { TokenFacts } from '@claimcheck/core'

// What can be said about a token's permissions without its API's catalog: which kind each list is, and what the
// naming conventions Entra and Microsoft document (Resource.Action[.Scope]) say about each value. The API itself
// decides what a permission allows; these are readings of the name, and say so.

/** A reading of one permission value's name, or null when the name follows no documented convention. */
export function readPermissionName(value: string): string | null {
  const v = value.toLowerCase()
  if (v === 'user_impersonation')
    return 'access the API as the signed-in user (the scope Entra creates by default for a new API)'
  if (v === 'access_as_user')
    return 'access the API as the signed-in user (the usual name of an API’s only scope)'
  const parts = v.split('.')
  const reads = parts.includes('read')
  const writes = parts.some((p) => p === 'readwrite' || p === 'write' || p === 'manage')
  const all = parts.includes('all')
  const what = writes ? 'read and change' : reads ? 'read' : null
  if (what === null) return all ? 'applies across the whole tenant (“.All”)' : null
  const resource = parts[0] !== undefined && parts[0] !== 'read' ? value.split('.')[0] : 'the resource'
  return `${what} ${resource}${all ? ', across the whole tenant (“.All”)' : ''}`
}

function list(values: readonly string[]) {
  return html`<ul class="carried">${values.map((v) => {
    const reading = readPermissionName(v)
    return html`<li data-permission=${v}><code>${v}</code>${reading === null ? html` <span class="hint">— its meaning is defined by the API</span>` : html` — ${reading}`}</li>`
  })}</ul>`
}

/**
 * For a token whose API has no catalog here: the roles and scopes it carries, each with what its kind means and
 * what its name says. Enough to see at a glance whether the permission you expected is there.
 */
export function renderCarriedPermissions(token: TokenFacts) {
  const { roles, scopes, kind } = token
  const none = roles.length === 0 && scopes.length === 0
  return html`<div class="carried-permissions" data-roles=${roles.length} data-scopes=${scopes.length}>
    ${
      none
        ? html`<p>It carries <strong>no roles and no scopes</strong>: an API that checks permissions refuses every call. ${kind === 'app-only' ? 'For an app-only token: add an application permission (app role) of the API to the client app and grant admin consent.' : 'For a user token: request a scope of the API when signing in (consent is needed).'}</p>`
        : nothing
    }
    ${
      scopes.length === 0
        ? nothing
        : html`<p><strong>Delegated permissions (scp)</strong>: the app acts for the signed-in user, who (or an admin) consented to these. A call can do no more than the user may do in the API.</p>${list(scopes)}`
    }
    ${
      roles.length === 0
        ? nothing
        : kind === 'app-only'
          ? html`<p><strong>Application permissions (roles)</strong>: granted to the client app itself by admin consent; no user is involved, so each applies to everything the API serves.</p>${list(roles)}`
          : html`<p><strong>App roles of the user (roles)</strong>: in a user token these are the user’s own app-role assignments for this API, which the API may use for its own authorization — not permissions granted to the app.</p>${list(roles)}`
    }
  </div>`
}
