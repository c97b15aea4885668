/** The OAuth `error` values a consent redirect can carry without an AADSTS code, in ClaimCheck's words. */
export interface OAuthErrorText {
  meaning: string
  fix: string
}

export const OAUTH_ERRORS: Readonly<Record<string, OAuthErrorText>> = {
  access_denied: {
    meaning: 'The administrator declined the consent prompt, or is not allowed to grant these permissions.',
    fix: "Ask a Global Administrator of the customer's tenant to open a new consent link and accept.",
  },
  permission_denied: {
    meaning: "The signed-in user may not grant admin consent (the v1 admin-consent endpoint's refusal).",
    fix: 'Have a Global Administrator (or Privileged Role Administrator) open the link.',
  },
  consent_required: {
    meaning: 'Consent is required and was not given.',
    fix: "Send the admin-consent link to an administrator of the customer's tenant.",
  },
  interaction_required: {
    meaning: 'The request needs the user to interact (sign in, MFA or consent).',
    fix: 'Open the link in a browser and complete the prompts.',
  },
  login_required: {
    meaning: 'No one is signed in and the request did not allow a prompt.',
    fix: 'Open the link without prompt=none.',
  },
  invalid_request: {
    meaning: 'The request is malformed: a missing or invalid parameter.',
    fix: 'Build the link again (claimcheck consent) and check the client ID, tenant, scope and redirect URI.',
  },
  invalid_client: {
    meaning: 'The client (app) could not be identified or authenticated.',
    fix: 'Check the client ID and that the app registration still exists.',
  },
  unauthorized_client: {
    meaning: 'The app is not allowed to use this flow or is not registered in the tenant.',
    fix: 'Check the client ID, make the app multi-tenant, and retry the consent link.',
  },
  invalid_resource: {
    meaning: 'The resource does not exist or is not configured in the tenant.',
    fix: 'Check that the customer has the Defender product and that the app requests the right API.',
  },
  invalid_scope: {
    meaning: 'The requested scope is invalid, unknown or malformed.',
    fix: 'Use {resource}/.default for the API (claimcheck lints the scope).',
  },
  server_error: {
    meaning: 'Entra hit an unexpected error.',
    fix: 'Retry; if it persists, open a support request with the correlation ID.',
  },
  temporarily_unavailable: {
    meaning: 'Entra is temporarily too busy to handle the request.',
    fix: 'Retry in a few minutes.',
  },
}
