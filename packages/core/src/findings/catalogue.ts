import type { Severity } from './finding.js'

export type FindingArea =
  'input' | 'lifetime' | 'issuer' | 'audience' | 'signature' | 'caller' | 'permissions' | 'consent'

/** What building a finding needs: kept apart from the explanations so the paste path stays small. */
export interface FindingRule {
  /** Default severity for the condition. */
  severity: Severity
  area: FindingArea
  /** A short name for lists and headings. */
  title: string
  /** The general fix; a finding may carry a more specific one. */
  fix?: string
}

/**
 * Every finding code ClaimCheck can emit, with what building and listing a finding needs. A code, once shipped,
 * never changes meaning; its explanation is in meanings.ts and docs/findings.md (tests keep all three in step).
 */
export const FINDING_RULES = {
  // input & structure
  'input-normalized': {
    severity: 'info',
    area: 'input',
    title: 'Input was cleaned up',
  },
  'token-malformed': {
    severity: 'error',
    area: 'input',
    title: 'Not a well-formed JWT',
    fix: 'Copy the whole access token again (three base64url segments separated by dots, no spaces or line breaks).',
  },
  'authorization-header-invalid': {
    severity: 'error',
    area: 'input',
    title: 'Authorization header malformed',
    fix: 'Send one Authorization header: Bearer, one space, then the access token alone (RFC 6750 section 2.1).',
  },
  'token-encrypted': {
    severity: 'error',
    area: 'input',
    title: 'Encrypted token (JWE)',
    fix: 'Request an access token for the API you call (not an encrypted SAML/ID token for your own app); if you configured token encryption on your app registration, only that app can decrypt it.',
  },
  'token-opaque': {
    severity: 'error',
    area: 'input',
    title: 'Opaque token',
    fix: 'Use the access_token from the token response (not the refresh_token or the code), requested for a work or school tenant.',
  },
  'token-unsigned': {
    severity: 'error',
    area: 'input',
    title: 'Unsigned token',
    fix: 'Use the token exactly as Entra issued it, including its third (signature) segment.',
  },
  'token-oversized': {
    severity: 'error',
    area: 'input',
    title: 'Token too large',
    fix: 'Check that the input is one access token and not a log or a concatenation.',
  },
  'duplicate-member': {
    severity: 'error',
    area: 'input',
    title: 'Duplicate JSON member',
    fix: 'Treat the token as forged.',
  },
  'header-key-ignored': {
    severity: 'warning',
    area: 'input',
    title: 'Key material in the header ignored',
    fix: 'Treat a token that relies on these as forged.',
  },
  'header-crit-unsupported': {
    severity: 'error',
    area: 'input',
    title: 'Critical header extension',
    fix: 'Treat the token as forged.',
  },
  // lifetime
  'token-expired': {
    severity: 'error',
    area: 'lifetime',
    title: 'Expired',
    fix: 'Acquire a new token. Cache tokens by their expires_in and refresh before they expire (MSAL does this for you).',
  },
  'token-not-yet-valid': {
    severity: 'error',
    area: 'lifetime',
    title: 'Not yet valid',
    fix: 'Synchronise the clock (NTP) of the machine that validates or inspects the token.',
  },
  'token-issued-in-future': {
    severity: 'error',
    area: 'lifetime',
    title: 'Issued in the future',
    fix: 'Synchronise clocks; if they agree, treat the token as forged.',
  },
  'lifetime-invalid': {
    severity: 'error',
    area: 'lifetime',
    title: 'Impossible lifetime',
    fix: 'Treat the token as forged or corrupted; acquire a new one.',
  },
  'claim-type-invalid': {
    severity: 'error',
    area: 'lifetime',
    title: 'Claim has the wrong type',
    fix: 'Treat the token as forged or hand-made; acquire a real one from Entra.',
  },
  // issuer & tenant
  'issuer-not-entra': {
    severity: 'error',
    area: 'issuer',
    title: 'Issuer is not Entra ID',
    fix: "Request the token from your tenant's Entra ID endpoints (https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token).",
  },
  'issuer-tenant-mismatch': {
    severity: 'error',
    area: 'issuer',
    title: 'Issuer names another tenant',
    fix: 'Treat the token as forged.',
  },
  'tenant-missing': {
    severity: 'error',
    area: 'issuer',
    title: 'No tenant',
    fix: 'Use an access token issued by an Entra ID work or school tenant.',
  },
  'tenant-invalid': {
    severity: 'error',
    area: 'issuer',
    title: 'Tenant is not a GUID',
    fix: 'Treat the token as forged.',
  },
  'tenant-not-allowed': {
    severity: 'error',
    area: 'issuer',
    title: 'Tenant not allowed',
    fix: "Request the token from the customer's tenant (https://login.microsoftonline.com/{customer-tenant-id}/...), or add the tenant to the allowed tenants.",
  },
  'tenants-any': {
    severity: 'warning',
    area: 'issuer',
    title: 'Any tenant accepted',
    fix: 'Name the tenants you serve in the tenants option.',
  },
  'consumer-tenant': {
    severity: 'error',
    area: 'issuer',
    title: 'Personal Microsoft account',
    fix: 'Sign in with a work or school account of the tenant that owns the Defender subscription.',
  },
  'version-issuer-mismatch': {
    severity: 'error',
    area: 'issuer',
    title: 'Token version and issuer disagree',
    fix: 'Treat the token as forged or hand-made.',
  },
  'cloud-not-allowed': {
    severity: 'error',
    area: 'issuer',
    title: 'Token from another cloud',
    fix: "Request the token from the cloud your API runs in, or add that cloud to the verifier's cloud option.",
  },
  // audience & resource
  'audience-mismatch': {
    severity: 'error',
    area: 'audience',
    title: 'Wrong audience',
    fix: "Request the token with the called API's own scope: its Application ID URI followed by /.default.",
  },
  'audience-not-single': {
    severity: 'error',
    area: 'audience',
    title: 'Audience is not one string',
    fix: 'Treat the token as forged or hand-made.',
  },
  'graph-token': {
    severity: 'warning',
    area: 'audience',
    title: 'Microsoft Graph token',
    fix: "Do not validate Graph tokens in your API; request a token for your API's own scope instead.",
  },
  'audience-refused-by-api': {
    severity: 'error',
    area: 'audience',
    title: 'Audience the API refuses',
    fix: "Request the token with the API's documented scope, e.g. https://api.securitycenter.microsoft.com/.default for Defender for Endpoint.",
  },
  'wrong-api': {
    severity: 'error',
    area: 'audience',
    title: 'Token for another API',
    fix: "Request a token with the called API's /.default scope.",
  },
  'cloud-mismatch': {
    severity: 'error',
    area: 'audience',
    title: "Token from another cloud than the API's host",
    fix: "Request the token at the sign-in authority of the host's cloud (GCC: login.microsoftonline.com; GCC High and DoD: login.microsoftonline.us).",
  },
  'id-token-as-access-token': {
    severity: 'error',
    area: 'audience',
    title: 'ID token used as access token',
    fix: "Send the access_token from the token response, requested with the API's scope, not the id_token.",
  },
  // signature
  'signature-invalid': {
    severity: 'error',
    area: 'signature',
    title: 'Signature invalid',
    fix: 'Copy the token again in full; if it still fails, treat it as forged.',
  },
  'algorithm-not-allowed': {
    severity: 'error',
    area: 'signature',
    title: 'Algorithm not allowed',
    fix: 'Treat the token as forged.',
  },
  'signing-key-not-found': {
    severity: 'error',
    area: 'signature',
    title: 'Signing key not found',
    fix: 'If your app has a custom signing key, pass its appId; check the cloud; otherwise acquire a new token.',
  },
  'signing-key-issuer-mismatch': {
    severity: 'error',
    area: 'signature',
    title: 'Signing key belongs to another issuer',
    fix: 'Treat the token as forged.',
  },
  'jwks-unavailable': {
    // Not an error: the token may well be genuine. The verdict is undetermined (an API answers 503, not 401).
    severity: 'warning',
    area: 'signature',
    title: 'Key set unavailable',
    fix: 'Check network access to the Entra login host; in the browser, paste the key set instead; in tests, pass a jwks option.',
  },
  'signature-not-checked': {
    severity: 'info',
    area: 'signature',
    title: 'Signature not checked',
    fix: "Verify it against the tenant's published keys (createVerifier, diagnoseToken), or against its key set (the jwks option).",
  },
  'token-not-verified': {
    // The one answer an API gives for every refusal before the signature is proven (tenant or app not allowed,
    // signature invalid, key not found): distinct answers would tell anyone which tenants and apps are allowed.
    severity: 'error',
    area: 'signature',
    title: 'Token not verified',
    fix: 'Acquire a new access token for this API from Entra ID and send it unchanged.',
  },
  // caller
  'request-invalid': {
    severity: 'error',
    area: 'caller',
    title: 'Request cannot be read',
    fix: 'Pass verify a plain object whose api, operation, require and catalog are its own data properties.',
  },
  'request-member-ignored': {
    // An error: a misspelt member ("opration", "requires") would otherwise leave the call asking nothing, and a
    // typo must never open an API. The member itself still has no effect.
    severity: 'error',
    area: 'caller',
    title: 'Request member not understood',
    fix: 'Set audience, tenants, client apps and the clock in createVerifier; a call sets only api, operation, require and catalog.',
  },
  'verification-failed': {
    severity: 'error',
    area: 'caller',
    title: 'Verification failed',
    fix: "Report this with the finding's message; the token was refused because the verifier could not finish.",
  },
  'client-app-not-allowed': {
    severity: 'error',
    area: 'caller',
    title: 'Calling app not allowed',
    fix: 'Acquire the token with an allowed app registration, or add the app to the allowed client apps.',
  },
  'caller-guest-refused': {
    severity: 'error',
    area: 'caller',
    title: 'Guest caller refused',
    fix: 'Call as a member of the tenant, or allow guests (callers.guests) if this API should serve them.',
  },
  'caller-agent-refused': {
    severity: 'error',
    area: 'caller',
    title: 'AI agent refused',
    fix: 'Call as a person or an ordinary application, or allow this kind of agent (callers.agents).',
  },
  'caller-credential-refused': {
    severity: 'error',
    area: 'caller',
    title: 'Credential type refused',
    fix: 'Authenticate the calling app with a certificate or a managed identity instead of a client secret (Microsoft asks apps to move off secrets), or widen callers.credentials.',
  },
  'caller-claim-missing': {
    severity: 'error',
    area: 'caller',
    title: 'Optional claim needed by a caller policy',
    fix: "Add the optional claim to the access token in the API's app registration (Token configuration), or set callers.onMissingClaim to 'allow'.",
  },
  'issuer-b2c': {
    severity: 'error',
    area: 'issuer',
    title: 'Azure AD B2C token (not verified)',
    fix: "Verify Azure AD B2C tokens with your B2C tenant's user-flow metadata (b2clogin.com); ClaimCheck checks Entra ID and External ID tokens only.",
  },
  // permissions
  'permission-missing': {
    severity: 'error',
    area: 'permissions',
    title: 'Permission missing',
    fix: 'Add the permission to the app registration (API permissions), grant admin consent, then acquire a new token.',
  },
  'app-only-no-roles': {
    severity: 'error',
    area: 'permissions',
    title: 'App-only token without roles',
    fix: "Have an admin of the token's tenant grant admin consent, then acquire a new token (tokens do not update).",
  },
  'permission-kind-mismatch': {
    severity: 'error',
    area: 'permissions',
    title: 'Delegated and application permissions confused',
    fix: 'Add the permission of the kind your flow uses: application permission for client credentials, delegated for user sign-in.',
  },
  'delegated-needs-user-role': {
    severity: 'info',
    area: 'permissions',
    title: 'The user needs a Defender role too',
    fix: 'Make sure the signed-in user can perform the action in the Defender portal.',
  },
  'permission-broader-than-needed': {
    severity: 'info',
    area: 'permissions',
    title: 'Broader permission than needed',
    fix: 'Grant the narrowest permission that serves the operation.',
  },
  'operation-unknown': {
    severity: 'error',
    area: 'permissions',
    title: 'Operation not in the catalog',
    fix: 'List the known operations with claimcheck permissions; check the method and path, or describe the API in a custom catalog (--catalog).',
  },
  'operation-retiring': {
    severity: 'warning',
    area: 'permissions',
    title: 'Operation is being retired',
    fix: 'Move to the replacement operation before the date: add the permission it needs, have an admin grant consent, and request tokens for its API.',
  },
  'operation-retired': {
    severity: 'error',
    area: 'permissions',
    title: 'Operation retired',
    fix: 'Call the replacement operation instead, with the permission it needs on its API (claimcheck migrate lists them).',
  },
  'requirement-invalid': {
    severity: 'error',
    area: 'permissions',
    title: 'Permission requirement unusable',
    fix: 'Fix the request: api must be a known catalog id, operation "METHOD /path", require a list of permission names (printable ASCII, no spaces).',
  },
  'permission-context-unknown': {
    severity: 'error',
    area: 'permissions',
    title: 'Token kind unknown: grants nothing',
    fix: 'Send an access token Entra issued for the API: app-only (client credentials) or delegated (a signed-in user).',
  },
  'delegated-no-scopes': {
    severity: 'error',
    area: 'permissions',
    title: 'Delegated token without scp',
    fix: 'Add the delegated permissions to the app registration, consent to them, and sign in again requesting them.',
  },
  // consent & scopes
  'scope-malformed': {
    severity: 'error',
    area: 'consent',
    title: 'Scope malformed',
    fix: 'Use the corrected scope the finding gives.',
  },
  'scope-multiple-resources': {
    severity: 'error',
    area: 'consent',
    title: 'Scopes for several resources',
    fix: 'Request one token per resource.',
  },
  'consent-tenant-invalid': {
    severity: 'error',
    area: 'consent',
    title: 'Tenant unusable for consent',
    fix: "Use the customer's tenant ID (a GUID) or a verified domain.",
  },
  'client-id-invalid': {
    severity: 'error',
    area: 'consent',
    title: 'Client ID invalid',
    fix: "Copy the Application (client) ID from the app registration's overview page.",
  },
  'scope-default-mixed': {
    severity: 'error',
    area: 'consent',
    title: '/.default mixed with other scopes',
    fix: 'Request either {resource}/.default alone (plus openid/profile/offline_access for a user sign-in), or only named scopes.',
  },
  'scope-needs-default': {
    severity: 'error',
    area: 'consent',
    title: 'Client credentials need /.default',
    fix: 'Use the corrected scope the finding gives, e.g. https://api.securitycenter.microsoft.com/.default.',
  },
  'scope-is-resource': {
    severity: 'error',
    area: 'consent',
    title: 'v1 resource passed as a v2 scope',
    fix: 'Append /.default to the resource (the finding gives the corrected value), or call the v1 endpoint with resource=.',
  },
  'resource-is-scope': {
    severity: 'error',
    area: 'consent',
    title: 'v2 scope passed as a v1 resource',
    fix: 'Pass the resource identifier without the /.default suffix (the finding gives it), or call the v2 endpoint with scope=.',
  },
  'api-not-in-cloud': {
    severity: 'error',
    area: 'consent',
    title: 'API not offered in this cloud',
    fix: "Pick the cloud the customer's tenant lives in and an API offered there.",
  },
  'redirect-uri-invalid': {
    severity: 'error',
    area: 'consent',
    title: 'Redirect URI invalid',
    fix: 'Use exactly one of the redirect URIs registered on the app registration (Authentication page).',
  },
  'redirect-uri-missing': {
    severity: 'warning',
    area: 'consent',
    title: 'No redirect URI',
    fix: 'Pass one of the redirect URIs registered on the app registration.',
  },
  'token-tenant-invalid': {
    severity: 'error',
    area: 'consent',
    title: 'Tenant unusable for a token request',
    fix: "Use the customer's tenant ID (the tenant value the admin-consent redirect returned, once verified).",
  },
  'consent-redirect-invalid': {
    severity: 'error',
    area: 'consent',
    title: 'Not a consent redirect',
    fix: 'Paste the whole address the browser was sent to after the admin approved or declined (your redirect URI with its query string).',
  },
  'consent-error': {
    severity: 'error',
    area: 'consent',
    title: 'Consent failed',
    fix: 'Fix the cause the AADSTS explanation gives, then send the admin a new consent link.',
  },
  'consent-state-mismatch': {
    severity: 'error',
    area: 'consent',
    title: 'State mismatch',
    fix: 'Ignore this response; start again from a freshly built consent link and compare its state.',
  },
  'consent-tenant-untrusted': {
    severity: 'warning',
    area: 'consent',
    title: 'Returned tenant is not proof',
    fix: 'Keep the tenant ID, request a token from that tenant, and verify the token (signature, tid) before you associate the tenant with a customer.',
  },
  'consent-code-returned': {
    severity: 'info',
    area: 'consent',
    title: 'Authorization code returned',
    fix: "Your app redeems the code; to confirm organization-wide consent, request an app-only token from the customer's tenant and check its roles.",
  },
} as const satisfies Record<string, FindingRule>

export type FindingCode = keyof typeof FINDING_RULES

export const FINDING_CODES: readonly FindingCode[] = Object.freeze(
  Object.keys(FINDING_RULES) as FindingCode[],
)

export function isFindingCode(value: string): value is FindingCode {
  return Object.hasOwn(FINDING_RULES, value)
}
