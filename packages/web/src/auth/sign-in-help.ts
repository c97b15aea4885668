import type { FindingCode } from '@claimcheck/core'

// Texts for sign-in failures that are MSAL's own (no AADSTS code): data, separate from the panel's logic.
// AADSTS codes are explained by core's explainAadsts.

export interface SignInHelp {
  meaning: string
  fix: string
}

export const MSAL_ERROR_HELP: Readonly<Record<string, SignInHelp>> = {
  'popups-blocked': {
    meaning: 'The browser did not let the page open the sign-in window.',
    fix: 'Allow pop-ups for this page and press Sign in again, or choose session storage for the token cache: then the sign-in continues in this tab by redirect.',
  },
  empty_window_error: {
    meaning: 'The browser did not let the page open the sign-in window.',
    fix: 'Allow pop-ups for this page and press Sign in again.',
  },
  popup_window_error: {
    meaning: 'The sign-in window could not be opened.',
    fix: 'Allow pop-ups for this page and press Sign in again.',
  },
  timed_out: {
    meaning:
      "No sign-in response came back in time: the sign-in window was closed, or Entra could not send the browser back to this page's redirect bridge.",
    fix: 'Sign in again and finish in the window. If it keeps happening, check that the redirect URI shown above is registered under "Single-page application" in your app registration, byte for byte.',
  },
  user_cancelled: {
    meaning: 'The sign-in was cancelled before it finished.',
    fix: 'Press Sign in again and complete the sign-in.',
  },
  interaction_in_progress: {
    meaning: 'Another sign-in is still open in this page or in another tab of this site.',
    fix: 'Finish or close the other sign-in window, then try again.',
  },
  no_network_connectivity: {
    meaning: "The page could not reach Entra's sign-in host.",
    fix: 'Check the network connection (and any proxy or extension blocking login.microsoftonline.com), then try again.',
  },
  post_request_failed: {
    meaning: "The request to Entra's token endpoint failed before Entra answered.",
    fix: 'Check the network connection and that the cloud matches your tenant, then try again.',
  },
  endpoints_resolution_error: {
    meaning:
      "Entra's metadata for this tenant and cloud could not be read: the tenant may not exist in the chosen cloud.",
    fix: 'Check the tenant (GUID or verified domain) and the cloud.',
  },
  redirect_bridge_empty_response: {
    meaning: 'The redirect bridge page answered without a sign-in response.',
    fix: 'Sign in again. If it persists, make sure redirect.html is deployed next to this page and served without Cross-Origin-Opener-Policy.',
  },
}

export const UNKNOWN_MSAL_ERROR: SignInHelp = {
  meaning: 'MSAL reported an error this page has no explanation for.',
  fix: "Read MSAL's message above; the error code can be looked up in MSAL.js's error reference.",
}

/** AADSTS codes that mean "consent is missing": the admin-consent link is the way out. */
export const CONSENT_AADSTS: readonly string[] = ['AADSTS65001', 'AADSTS65004', 'AADSTS90094', 'AADSTS90095']

/** Findings on an acquired token that mean "the permission was never consented". */
export const CONSENT_FINDINGS: readonly FindingCode[] = ['app-only-no-roles', 'permission-missing']
