// Kept apart from the MSAL client so the sign-in panel can show the address without loading MSAL.

/** The page Entra sends the browser back to: MSAL v5 relays popup and redirect responses through it. */
export const REDIRECT_BRIDGE_PATH = 'redirect.html'

/** The redirect URI to register (SPA platform) for the page at `pageUrl`. */
export function redirectBridgeUri(pageUrl: string): string {
  return new URL(REDIRECT_BRIDGE_PATH, pageUrl).href
}

/** sessionStorage key of a redirect sign-in in progress (see remembered-sign-in.ts); no imports, so the entry can check it. */
export const PENDING_REDIRECT_KEY = 'claimcheck.sign-in.redirect'

/** Did a redirect sign-in leave this tab, and has the tab just come back from it? */
export function redirectSignInPending(): boolean {
  try {
    return globalThis.sessionStorage?.getItem(PENDING_REDIRECT_KEY) != null
  } catch {
    return false
  }
}
