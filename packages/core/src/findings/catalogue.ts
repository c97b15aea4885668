import type { Severity } from './finding.js'

export type FindingArea =
  | 'input'
  | 'lifetime'
  | 'issuer'
  | 'audience'
  | 'signature'
  | 'caller'
  | 'permissions'
  | 'consent'

export interface FindingDefinition {
  /** Default severity for the condition. */
  severity: Severity
  area: FindingArea
  /** A short name for lists and headings. */
  title: string
  /** What the condition means, independent of any one token. */
  meaning: string
  /** The general fix; a finding may carry a more specific one. */
  fix?: string
}

/**
 * Every finding code ClaimCheck can emit. A code, once shipped, never changes meaning;
 * docs/findings.md documents each one (a test keeps the two in step).
 */
export const FINDINGS = {
  // input & structure
  'input-normalized': {
    severity: 'info', area: 'input', title: 'Input was cleaned up',
    meaning: 'The input carried something around the token (a "Bearer " prefix, an Authorization header name, quotes or surrounding whitespace) that was removed before decoding.',
  },
  'token-malformed': {
    severity: 'error', area: 'input', title: 'Not a well-formed JWT',
    meaning: 'The input is not a strict compact JWS: wrong number of segments, characters outside base64url, non-canonical base64url, invalid UTF-8, or a header or payload that is not a JSON object.',
    fix: 'Copy the whole access token again (three base64url segments separated by dots, no spaces or line breaks).',
  },
  'token-encrypted': {
    severity: 'error', area: 'input', title: 'Encrypted token (JWE)',
    meaning: 'The token has five segments: it is an encrypted JWE. Entra encrypts tokens only for apps that configured a token-encryption key; no one else can read them, and the Defender APIs never receive them.',
    fix: 'Request an access token for the API you call (not an encrypted SAML/ID token for your own app); if you configured token encryption on your app registration, only that app can decrypt it.',
  },
  'token-opaque': {
    severity: 'error', area: 'input', title: 'Opaque token',
    meaning: 'The input has no dots, so it is not a JWT. Refresh tokens, authorization codes and Microsoft-account (consumer) access tokens are opaque by design and cannot be decoded.',
    fix: 'Use the access_token from the token response (not the refresh_token or the code), requested for a work or school tenant.',
  },
  'token-unsigned': {
    severity: 'error', area: 'input', title: 'Unsigned token',
    meaning: 'The header says alg "none" (or has no usable alg), or the signature segment is empty. Entra always signs its tokens; an unsigned token is forged or truncated.',
    fix: 'Use the token exactly as Entra issued it, including its third (signature) segment.',
  },
  'token-oversized': {
    severity: 'error', area: 'input', title: 'Token too large',
    meaning: 'The token is larger than 256,000 bytes, the cap Microsoft.IdentityModel applies. Entra access tokens are a few kilobytes; group overage uses _claim_names instead of growing the token.',
    fix: 'Check that the input is one access token and not a log or a concatenation.',
  },
  'duplicate-member': {
    severity: 'error', area: 'input', title: 'Duplicate JSON member',
    meaning: 'The header or payload repeats a member name. JSON.parse keeps the last value and other parsers the first, so two parties can read different claims from the same token. Entra never emits duplicates.',
    fix: 'Treat the token as forged.',
  },
  'header-key-ignored': {
    severity: 'warning', area: 'input', title: 'Key material in the header ignored',
    meaning: 'The header carries jku, x5u, jwk or x5c. A token must never choose its own verification key; ClaimCheck ignores these and uses only the tenant\'s published key set. Entra access tokens do not carry them.',
    fix: 'Treat a token that relies on these as forged.',
  },
  'header-crit-unsupported': {
    severity: 'error', area: 'input', title: 'Critical header extension',
    meaning: 'The header has crit (or b64:false). Entra tokens never use critical extensions; a verifier must refuse extensions it does not understand.',
    fix: 'Treat the token as forged.',
  },
  // lifetime
  'token-expired': {
    severity: 'error', area: 'lifetime', title: 'Expired',
    meaning: 'The token\'s exp is in the past, beyond the allowed clock skew. APIs answer 401.',
    fix: 'Acquire a new token. Cache tokens by their expires_in and refresh before they expire (MSAL does this for you).',
  },
  'token-not-yet-valid': {
    severity: 'error', area: 'lifetime', title: 'Not yet valid',
    meaning: 'The token\'s nbf is in the future, beyond the allowed clock skew: the clock of the machine that validates it and Entra\'s disagree.',
    fix: 'Synchronise the clock (NTP) of the machine that validates or inspects the token.',
  },
  'token-issued-in-future': {
    severity: 'error', area: 'lifetime', title: 'Issued in the future',
    meaning: 'The token\'s iat is in the future, beyond the allowed clock skew. Either a clock is wrong or the token was crafted.',
    fix: 'Synchronise clocks; if they agree, treat the token as forged.',
  },
  'lifetime-invalid': {
    severity: 'error', area: 'lifetime', title: 'Impossible lifetime',
    meaning: 'exp is missing, the times are not whole numbers of seconds or are absurd (negative, Infinity, beyond the year 3000), nbf is after exp, or the token lives longer than 28 hours (the longest Entra issues, for continuous-access-evaluation tokens).',
    fix: 'Treat the token as forged or corrupted; acquire a new one.',
  },
  'claim-type-invalid': {
    severity: 'error', area: 'lifetime', title: 'Claim has the wrong type',
    meaning: 'A claim has a JSON type Entra never uses for it (e.g. exp as a string, roles as a string, scp as an array).',
    fix: 'Treat the token as forged or hand-made; acquire a real one from Entra.',
  },
  // issuer & tenant
  'issuer-not-entra': {
    severity: 'error', area: 'issuer', title: 'Issuer is not Entra ID',
    meaning: 'iss does not have the exact form of an Entra ID issuer: https://sts.windows.net/{tid}/ (v1), https://login.microsoftonline.com/{tid}/v2.0 (v2), or their government and China equivalents.',
    fix: 'Request the token from your tenant\'s Entra ID endpoints (https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token).',
  },
  'issuer-tenant-mismatch': {
    severity: 'error', area: 'issuer', title: 'Issuer names another tenant',
    meaning: 'The tenant in iss is not the tid claim. Entra always issues both from the same tenant; a mismatch means a crafted token.',
    fix: 'Treat the token as forged.',
  },
  'tenant-missing': {
    severity: 'error', area: 'issuer', title: 'No tenant',
    meaning: 'The token has no tid claim, so no one can tell which tenant issued it or which keys sign it.',
    fix: 'Use an access token issued by an Entra ID work or school tenant.',
  },
  'tenant-invalid': {
    severity: 'error', area: 'issuer', title: 'Tenant is not a GUID',
    meaning: 'tid is present but is not a tenant GUID. Entra always writes the tenant\'s GUID.',
    fix: 'Treat the token as forged.',
  },
  'tenant-not-allowed': {
    severity: 'error', area: 'issuer', title: 'Tenant not allowed',
    meaning: 'The token comes from a tenant that is not in the allow-list. Multi-tenant apps receive valid tokens from every tenant that consented; only an allow-list stops tokens from other tenants.',
    fix: 'Request the token from the customer\'s tenant (https://login.microsoftonline.com/{customer-tenant-id}/...), or add the tenant to the allowed tenants.',
  },
  'tenants-any': {
    severity: 'warning', area: 'issuer', title: 'Any tenant accepted',
    meaning: 'The verifier was configured with tenants: \'any\'. Every Entra tenant in the world can obtain a valid token for a multi-tenant app, so the app must authorize on tid itself.',
    fix: 'Name the tenants you serve in the tenants option.',
  },
  'consumer-tenant': {
    severity: 'error', area: 'issuer', title: 'Personal Microsoft account',
    meaning: 'tid is the consumer (Microsoft account) tenant 9188040d-6c67-4c5b-b112-36a304b66dad. The Defender APIs and most organisational APIs serve only work or school tenants.',
    fix: 'Sign in with a work or school account of the tenant that owns the Defender subscription.',
  },
  'version-issuer-mismatch': {
    severity: 'error', area: 'issuer', title: 'Token version and issuer disagree',
    meaning: 'ver says 1.0 but iss has the v2 form (or the reverse). Entra issues the issuer form that matches the version; a verifier must pick the v1 or v2 metadata by it.',
    fix: 'Treat the token as forged or hand-made.',
  },
  'cloud-not-allowed': {
    severity: 'error', area: 'issuer', title: 'Token from another cloud',
    meaning: 'iss is an Entra issuer of a national cloud (public, US Government, China) that the verifier is not configured for, so its keys are not fetched. Each cloud has its own tenants, keys and endpoints.',
    fix: 'Request the token from the cloud your API runs in, or add that cloud to the verifier\'s cloud option.',
  },
  // audience & resource
  'audience-mismatch': {
    severity: 'error', area: 'audience', title: 'Wrong audience',
    meaning: 'aud is not the API that was expected. An API only accepts tokens issued for it; this is the commonest cause of a 401.',
    fix: 'Request the token with the API\'s scope, e.g. https://api.securitycenter.microsoft.com/.default for Defender for Endpoint.',
  },
  'audience-not-single': {
    severity: 'error', area: 'audience', title: 'Audience is not one string',
    meaning: 'aud is an array or missing. Entra writes exactly one audience as a string; an array lets a token pose as several APIs\' token.',
    fix: 'Treat the token as forged or hand-made.',
  },
  'graph-token': {
    severity: 'warning', area: 'audience', title: 'Microsoft Graph token',
    meaning: 'The token is for Microsoft Graph. Graph tokens carry a nonce header and their signature covers a hash of it, so no one but Graph can verify them. They are not forged, but they are for Graph only.',
    fix: 'Do not validate Graph tokens in your API; request a token for your API\'s own scope instead.',
  },
  'wrong-api': {
    severity: 'error', area: 'audience', title: 'Token for another API',
    meaning: 'The token is for a different API than the one being called (e.g. a Defender for Endpoint token sent to Microsoft 365 Defender). The API answers 401 or 403.',
    fix: 'Request a token with the called API\'s /.default scope.',
  },
  'id-token-as-access-token': {
    severity: 'error', area: 'audience', title: 'ID token used as access token',
    meaning: 'This is an ID token (it proves a sign-in to your app; aud is your client ID), not an access token for an API.',
    fix: 'Send the access_token from the token response, requested with the API\'s scope, not the id_token.',
  },
  // signature
  'signature-invalid': {
    severity: 'error', area: 'signature', title: 'Signature invalid',
    meaning: 'The signature does not verify with the tenant\'s key. The token was altered or forged (or truncated when copied).',
    fix: 'Copy the token again in full; if it still fails, treat it as forged.',
  },
  'algorithm-not-allowed': {
    severity: 'error', area: 'signature', title: 'Algorithm not allowed',
    meaning: 'Entra signs access tokens with RS256 only. Any other alg (HS256, PS256, ES256, none) is refused before any key is used.',
    fix: 'Treat the token as forged.',
  },
  'signing-key-not-found': {
    severity: 'error', area: 'signature', title: 'Signing key not found',
    meaning: 'No key in the tenant\'s key set has the token\'s kid. Causes: the app uses a custom signing key (configure its appId so the ?appid= key set is used), the token is from another cloud, the key rolled, or the token is forged.',
    fix: 'If your app has a custom signing key, pass its appId; check the cloud; otherwise acquire a new token.',
  },
  'signing-key-issuer-mismatch': {
    severity: 'error', area: 'signature', title: 'Signing key belongs to another issuer',
    meaning: 'The key that verified the token declares an issuer that is not the token\'s iss, so the token was signed with a key of another tenant or cloud.',
    fix: 'Treat the token as forged.',
  },
  'jwks-unavailable': {
    severity: 'error', area: 'signature', title: 'Key set unavailable',
    meaning: 'The discovery document or key set could not be fetched or was unusable, so the signature could not be checked.',
    fix: 'Check network access to the Entra login host; in the browser, paste the key set instead; in tests, pass a jwks option.',
  },
  'signature-not-checked': {
    severity: 'info', area: 'signature', title: 'Signature not checked',
    meaning: 'The signature was not verified (offline inspection). Everything else was checked.',
    fix: 'Verify online (claimcheck inspect without --offline) or with --jwks <file>.',
  },
  // caller
  'client-app-not-allowed': {
    severity: 'error', area: 'caller', title: 'Calling app not allowed',
    meaning: 'The client application (appid in v1, azp in v2) is not one of the allowed calling apps.',
    fix: 'Acquire the token with an allowed app registration, or add the app to the allowed client apps.',
  },
  // permissions
  'permission-missing': {
    severity: 'error', area: 'permissions', title: 'Permission missing',
    meaning: 'The token does not carry any permission that the operation requires. The API answers 403.',
    fix: 'Add the permission to the app registration (API permissions), grant admin consent, then acquire a new token.',
  },
  'app-only-no-roles': {
    severity: 'error', area: 'permissions', title: 'App-only token without roles',
    meaning: 'An app-only token carries no roles: the application permissions were not granted admin consent in this tenant, or were added after the token was issued.',
    fix: 'Have an admin of the token\'s tenant grant admin consent, then acquire a new token (tokens do not update).',
  },
  'permission-kind-mismatch': {
    severity: 'error', area: 'permissions', title: 'Delegated and application permissions confused',
    meaning: 'The token carries the delegated form of a permission but is app-only (or the reverse). Application permissions appear in roles of app-only tokens; delegated permissions in scp of user tokens.',
    fix: 'Add the permission of the kind your flow uses: application permission for client credentials, delegated for user sign-in.',
  },
  'delegated-needs-user-role': {
    severity: 'info', area: 'permissions', title: 'The user needs a Defender role too',
    meaning: 'A delegated token acts as the signed-in user: the API also checks the user\'s own Defender role and device-group scope, so a 403 is still possible with the right scope.',
    fix: 'Make sure the signed-in user can perform the action in the Defender portal.',
  },
  'permission-broader-than-needed': {
    severity: 'info', area: 'permissions', title: 'Broader permission than needed',
    meaning: 'The operation is granted by a permission that allows more than it needs (e.g. ReadWrite for a read).',
    fix: 'Grant the narrowest permission that serves the operation.',
  },
  'operation-unknown': {
    severity: 'warning', area: 'permissions', title: 'Operation not in the catalog',
    meaning: 'The operation (METHOD and path, or full URL) matches no operation of the API\'s permission catalog, or its host serves none of the known APIs, so its permissions could not be checked.',
    fix: 'List the known operations with claimcheck permissions; check the method and path, or describe the API in a custom catalog (--catalog).',
  },
  // consent & scopes
  'scope-malformed': {
    severity: 'error', area: 'consent', title: 'Scope malformed',
    meaning: 'The scope is not of the form {resource}/{permission} or {resource}/.default (for example a missing slash before .default).',
    fix: 'Use the corrected scope the finding gives.',
  },
  'scope-multiple-resources': {
    severity: 'error', area: 'consent', title: 'Scopes for several resources',
    meaning: 'One token request names scopes of more than one resource; Entra answers AADSTS700022/28000. A token has one audience.',
    fix: 'Request one token per resource.',
  },
  'consent-tenant-invalid': {
    severity: 'error', area: 'consent', title: 'Tenant unusable for consent',
    meaning: 'The tenant is not a GUID, a domain name or an allowed keyword for this consent endpoint (the v2 admin-consent endpoint refuses common).',
    fix: 'Use the customer\'s tenant ID (a GUID) or a verified domain.',
  },
  'client-id-invalid': {
    severity: 'error', area: 'consent', title: 'Client ID invalid',
    meaning: 'The client ID is not an application (client) ID GUID.',
    fix: 'Copy the Application (client) ID from the app registration\'s overview page.',
  },
  'scope-default-mixed': {
    severity: 'error', area: 'consent', title: '/.default mixed with other scopes',
    meaning: 'A request combines {resource}/.default with named scopes of the same resource (or, for client credentials, with any other scope). /.default already means "every permission configured for this resource"; Entra refuses the combination (AADSTS70011).',
    fix: 'Request either {resource}/.default alone (plus openid/profile/offline_access for a user sign-in), or only named scopes.',
  },
  'scope-needs-default': {
    severity: 'error', area: 'consent', title: 'Client credentials need /.default',
    meaning: 'A client-credentials (app-only) request must ask for exactly one {resource}/.default scope; application permissions cannot be requested by name. Entra answers AADSTS1002012.',
    fix: 'Use the corrected scope the finding gives, e.g. https://api.securitycenter.microsoft.com/.default.',
  },
  'scope-is-resource': {
    severity: 'error', area: 'consent', title: 'v1 resource passed as a v2 scope',
    meaning: 'The scope is a bare resource identifier (https://api.securitycenter.microsoft.com or an application ID): that is the v1 endpoint\'s resource parameter. The v2 endpoint wants {resource}/{permission} or {resource}/.default.',
    fix: 'Append /.default to the resource (the finding gives the corrected value), or call the v1 endpoint with resource=.',
  },
  'resource-is-scope': {
    severity: 'error', area: 'consent', title: 'v2 scope passed as a v1 resource',
    meaning: 'The v1 endpoint\'s resource parameter carries a v2 scope (…/.default or …/{permission}). Entra looks for a resource with that literal name and answers AADSTS500011.',
    fix: 'Pass the resource identifier without the /.default suffix (the finding gives it), or call the v2 endpoint with scope=.',
  },
  'api-not-in-cloud': {
    severity: 'error', area: 'consent', title: 'API not offered in this cloud',
    meaning: 'The chosen API has no documented endpoint in the chosen national cloud (for example Defender for Endpoint in the China cloud), so there is no resource to request or consent to there.',
    fix: 'Pick the cloud the customer\'s tenant lives in and an API offered there.',
  },
  'redirect-uri-invalid': {
    severity: 'error', area: 'consent', title: 'Redirect URI invalid',
    meaning: 'The redirect URI is not an absolute https URL (http is allowed only for localhost) or carries a fragment. Entra accepts only redirect URIs registered on the app, byte for byte (AADSTS50011).',
    fix: 'Use exactly one of the redirect URIs registered on the app registration (Authentication page).',
  },
  'redirect-uri-missing': {
    severity: 'warning', area: 'consent', title: 'No redirect URI',
    meaning: 'The v2 admin-consent endpoint documents redirect_uri as required. Without it Entra falls back to a reply URL registered on the app, or fails (AADSTS900971, AADSTS500113) when none is registered.',
    fix: 'Pass one of the redirect URIs registered on the app registration.',
  },
  'token-tenant-invalid': {
    severity: 'error', area: 'consent', title: 'Tenant unusable for a token request',
    meaning: 'An app-only (client-credentials) token must be requested from the customer\'s own tenant: a tenant GUID or verified domain. common, organizations and consumers name no tenant (AADSTS9001023, AADSTS90124).',
    fix: 'Use the customer\'s tenant ID (the tenant value the admin-consent redirect returned, once verified).',
  },
  'consent-redirect-invalid': {
    severity: 'error', area: 'consent', title: 'Not a consent redirect',
    meaning: 'The input is not an absolute URL, or carries neither admin_consent, error nor code: it is not what the consent endpoint sends back.',
    fix: 'Paste the whole address the browser was sent to after the admin approved or declined (your redirect URI with its query string).',
  },
  'consent-error': {
    severity: 'error', area: 'consent', title: 'Consent failed',
    meaning: 'The consent redirect carries an error: the admin declined, or Entra refused the request. The error explanation says which AADSTS code and what to do.',
    fix: 'Fix the cause the AADSTS explanation gives, then send the admin a new consent link.',
  },
  'consent-state-mismatch': {
    severity: 'error', area: 'consent', title: 'State mismatch',
    meaning: 'The state in the redirect is not the one the consent link was built with (or is missing). The response may belong to another request, or be forged (cross-site request forgery).',
    fix: 'Ignore this response; start again from a freshly built consent link and compare its state.',
  },
  'consent-tenant-untrusted': {
    severity: 'warning', area: 'consent', title: 'Returned tenant is not proof',
    meaning: 'The tenant parameter of a consent redirect is plain text in a URL: anyone can craft a redirect with any tenant. It tells you which tenant to try, never who your customer is.',
    fix: 'Keep the tenant ID, request a token from that tenant, and verify the token (signature, tid) before you associate the tenant with a customer.',
  },
  'consent-code-returned': {
    severity: 'info', area: 'consent', title: 'Authorization code returned',
    meaning: 'The redirect carries an authorization code (the Defender partner docs\' authorize link): sign-in and consent succeeded, but the response does not say whether consent was granted for the whole organization or which tenant it was.',
    fix: 'Your app redeems the code; to confirm organization-wide consent, request an app-only token from the customer\'s tenant and check its roles.',
  },
} as const satisfies Record<string, FindingDefinition>

export type FindingCode = keyof typeof FINDINGS

export const FINDING_CODES: readonly FindingCode[] = Object.freeze(Object.keys(FINDINGS) as FindingCode[])

export function isFindingCode(value: string): value is FindingCode {
  return Object.hasOwn(FINDINGS, value)
}
