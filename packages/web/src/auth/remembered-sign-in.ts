import { PENDING_REDIRECT_KEY } from './redirect-uri.js'
import { readSignInForm, type SignInForm } from './sign-in-form.js'

// The sign-in settings are remembered only when the person ticks "remember", and only these non-secret fields:
// never a token, an account or anything MSAL returns.

export const REMEMBER_KEY = 'claimcheck.sign-in'

/** Storage may be missing or refuse access (privacy modes, sandboxed frames): then nothing is remembered. */
function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return globalThis[kind] ?? null
  } catch {
    return null
  }
}

function read(kind: 'localStorage' | 'sessionStorage', key: string): SignInForm | null {
  try {
    const text = storage(kind)?.getItem(key)
    return text === null || text === undefined ? null : readSignInForm(JSON.parse(text))
  } catch {
    return null
  }
}

function write(kind: 'localStorage' | 'sessionStorage', key: string, form: SignInForm): void {
  const { clientId, tenant, cloud, api, scopes, operation, cache } = form
  try {
    storage(kind)?.setItem(key, JSON.stringify({ clientId, tenant, cloud, api, scopes, operation, cache }))
  } catch {
    // Quota or access refused: the form simply is not remembered.
  }
}

function remove(kind: 'localStorage' | 'sessionStorage', key: string): void {
  try {
    storage(kind)?.removeItem(key)
  } catch {
    // Nothing stored, nothing to remove.
  }
}

export function loadRememberedSignIn(): SignInForm | null {
  return read('localStorage', REMEMBER_KEY)
}

export function rememberSignIn(form: SignInForm): void {
  write('localStorage', REMEMBER_KEY, form)
}

export function forgetSignIn(): void {
  remove('localStorage', REMEMBER_KEY)
}

// A redirect sign-in leaves the page; the form it was made with waits in the tab's sessionStorage (which the
// person chose for the token cache, the only case MSAL allows a redirect) and is taken back on return.

export function savePendingRedirect(form: SignInForm): void {
  write('sessionStorage', PENDING_REDIRECT_KEY, form)
}

export function takePendingRedirect(): SignInForm | null {
  const form = read('sessionStorage', PENDING_REDIRECT_KEY)
  remove('sessionStorage', PENDING_REDIRECT_KEY)
  return form
}
