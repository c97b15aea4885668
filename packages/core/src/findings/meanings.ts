import type { FindingCode } from './catalogue.js'

/** What each condition means, independent of any one token: for explain, the docs and the web's explanations. */
export const FINDING_MEANINGS: Readonly<Record<FindingCode, string>> = {
  'input-normalized':
    'The input carried something around the token (a "Bearer " prefix, an Authorization header name, quotes or surrounding whitespace) that was removed before decoding.',
  'token-malformed':
    'The input is not a strict compact JWS: wrong number of segments, characters outside base64url, non-canonical base64url, invalid UTF-8, or a header or payload that is not a JSON object.',
  'authorization-header-invalid':
    "An API refused the request's Authorization header before reading any token (400 invalid_request): it must be Bearer, one or more spaces and one token (RFC 6750 section 2.1). Quotes, a second token, a repeated scheme, an empty token, a tab, characters a bearer token cannot have, or two Authorization headers are refused rather than guessed at.",
  'token-encrypted':
    'The token has five segments: it is an encrypted JWE. Entra encrypts tokens only for apps that configured a token-encryption key; no one else can read them, and the Defender APIs never receive them.',
  'token-opaque':
    'The input has no dots, so it is not a JWT. Refresh tokens, authorization codes and Microsoft-account (consumer) access tokens are opaque by design and cannot be decoded.',
  'token-unsigned':
    'The header says alg "none" (or has no usable alg), or the signature segment is empty. Entra always signs its tokens; an unsigned token is forged or truncated.',
  'token-oversized':
    'The token is larger than 256,000 bytes, the cap Microsoft.IdentityModel applies. Entra access tokens are a few kilobytes; group overage uses _claim_names instead of growing the token.',
  'duplicate-member':
    'The header or payload repeats a member name. JSON.parse keeps the last value and other parsers the first, so two parties can read different claims from the same token. Entra never emits duplicates.',
  'header-key-ignored':
    "The header carries jku, x5u, jwk or x5c. A token must never choose its own verification key; ClaimCheck ignores these and uses only the tenant's published key set. Entra access tokens do not carry them.",
  'header-crit-unsupported':
    'The header has crit (or b64:false). Entra tokens never use critical extensions; a verifier must refuse extensions it does not understand.',
  'token-expired': "The token's exp is in the past, beyond the allowed clock skew. APIs answer 401.",
  'token-not-yet-valid':
    "The token's nbf is in the future, beyond the allowed clock skew: the clock of the machine that validates it and Entra's disagree.",
  'token-issued-in-future':
    "The token's iat is in the future, beyond the allowed clock skew. Either a clock is wrong or the token was crafted.",
  'lifetime-invalid':
    'exp is missing, the times are not whole numbers of seconds or are absurd (negative, Infinity, beyond the year 3000), nbf is after exp, or the token lives longer than 28 hours (the longest Entra issues, for continuous-access-evaluation tokens).',
  'claim-type-invalid':
    'A claim has a JSON type Entra never uses for it (e.g. exp as a string, roles as a string, scp as an array).',
  'issuer-not-entra':
    'iss does not have the exact form of an Entra ID issuer: https://sts.windows.net/{tid}/ (v1), https://login.microsoftonline.com/{tid}/v2.0 (v2), or their government and China equivalents.',
  'issuer-tenant-mismatch':
    'The tenant in iss is not the tid claim. Entra always issues both from the same tenant; a mismatch means a crafted token.',
  'tenant-missing':
    'The token has no tid claim, so no one can tell which tenant issued it or which keys sign it.',
  'tenant-invalid': "tid is present but is not a tenant GUID. Entra always writes the tenant's GUID.",
  'tenant-not-allowed':
    'The token comes from a tenant that is not in the allow-list. Multi-tenant apps receive valid tokens from every tenant that consented; only an allow-list stops tokens from other tenants.',
  'tenants-any':
    "The verifier was configured with tenants: 'any'. Every Entra tenant in the world can obtain a valid token for a multi-tenant app, so the app must authorize on tid itself.",
  'consumer-tenant':
    'tid is the consumer (Microsoft account) tenant 9188040d-6c67-4c5b-b112-36a304b66dad. The Defender APIs and most organisational APIs serve only work or school tenants.',
  'version-issuer-mismatch':
    'ver says 1.0 but iss has the v2 form (or the reverse). Entra issues the issuer form that matches the version; a verifier must pick the v1 or v2 metadata by it.',
  'cloud-not-allowed':
    'iss is an Entra issuer of a national cloud (public, US Government, China) that the verifier is not configured for, so its keys are not fetched. Each cloud has its own tenants, keys and endpoints.',
  'audience-mismatch':
    'aud is not the API that was expected. An API only accepts tokens issued for it; this is the commonest cause of a 401.',
  'audience-not-single':
    "aud is an array or missing. Entra writes exactly one audience as a string; an array lets a token pose as several APIs' token.",
  'graph-token':
    'The token is for Microsoft Graph. Graph tokens carry a nonce header and their signature covers a hash of it, so no one but Graph can verify them. They are not forged, but they are for Graph only.',
  'audience-refused-by-api':
    "The token's aud is an identifier URI of the called API's own resource that Entra writes when asked for it (for example https://userrequestsgraphapi-prd.trafficmanager.net for Defender for Endpoint), but the API itself refuses it with 403. Only the documented resource (https://api.securitycenter.microsoft.com) works.",
  'wrong-api':
    'The token is for a different API than the one being called (e.g. a Defender for Endpoint token sent to Microsoft 365 Defender). The API answers 401 or 403.',
  'cloud-mismatch':
    "The token was issued by one cloud's sign-in authority but is sent to an API host of another cloud (e.g. a commercial token to api-gov.securitycenter.microsoft.us). National clouds do not accept each other's tokens; GCC is the exception that signs in at the public cloud.",
  'id-token-as-access-token':
    'This is an ID token (it proves a sign-in to your app; aud is your client ID), not an access token for an API.',
  'signature-invalid':
    "The signature does not verify with the tenant's key. The token was altered or forged (or truncated when copied).",
  'algorithm-not-allowed':
    'Entra signs access tokens with RS256 only. Any other alg (HS256, PS256, ES256, none) is refused before any key is used.',
  'signing-key-not-found':
    "No key in the tenant's key set has the token's kid. Causes: the app uses a custom signing key (configure its appId so the ?appid= key set is used), the token is from another cloud, the key rolled, or the token is forged.",
  'signing-key-issuer-mismatch':
    "The key that verified the token declares an issuer that is not the token's iss, so the token was signed with a key of another tenant or cloud.",
  'jwks-unavailable':
    'The discovery document or key set could not be fetched or was unusable, so the signature could not be checked.',
  'signature-not-checked':
    'The signature was not verified (offline inspection). Everything else was checked.',
  'token-not-verified':
    "An API's answer for every refusal before the token's signature is proven: the tenant or calling app is not allowed, the signature is invalid, or no signing key was found. The answer is the same for each, so that it tells no one which tenants or apps the API serves; the API's own Report (its logs) keeps the precise finding.",
  'request-invalid':
    'The request given to verify cannot be read as asked: it is not an object, or its api, operation, require or catalog is an accessor, inherited, or throws when read. A requirement that cannot be read cannot be met, so the token is refused.',
  'request-member-ignored':
    'The request given to verify sets members other than api, operation, require and catalog (for example audience, tenants or now, or a misspelt "opration"). They have no effect, and the token is refused: a misspelt requirement would otherwise ask nothing, and the configuration decides everything else.',
  'verification-failed':
    'The verifier met a condition it could not handle while checking the token (a defect, or a hostile input it did not foresee). It fails closed: the token is refused.',
  'client-app-not-allowed':
    'The client application (appid in v1, azp in v2) is not one of the allowed calling apps.',
  'caller-guest-refused':
    'The caller is a guest in the tenant (xms_idrel 5) and the verifier refuses guests (callers.guests: false). The API answers 403.',
  'caller-agent-refused':
    'The caller is an AI agent (Microsoft Entra Agent ID: xms_sub_fct/xms_act_fct facet 11 or 13, or xms_par_app_azp) of a kind the verifier refuses (callers.agents). The API answers 403.',
  'caller-credential-refused':
    'The calling app authenticated with a credential type the verifier refuses (appidacr/azpacr: 0 public client, 1 client secret, 2 certificate or managed identity; callers.credentials). The API answers 403.',
  'caller-claim-missing':
    "A caller policy needs an optional claim (xms_idrel, xms_sub_fct/xms_act_fct, appidacr/azpacr) that the token does not carry, so the policy cannot be judged. An error with callers.onMissingClaim 'refuse' (the default, answered 403), a warning with 'allow'.",
  'issuer-b2c':
    "The issuer is an Azure AD B2C one (b2clogin.com, a user-flow or custom-policy issuer). B2C tokens are signed with keys of the policy, found through the policy's own metadata; ClaimCheck does not verify them, rather than report a misleading issuer or signature failure.",
  'permission-missing':
    'The token does not carry any permission that the operation requires. The API answers 403.',
  'app-only-no-roles':
    'An app-only token carries no roles: the application permissions were not granted admin consent in this tenant, or were added after the token was issued.',
  'permission-kind-mismatch':
    'The token carries the delegated form of a permission but is app-only (or the reverse). Application permissions appear in roles of app-only tokens; delegated permissions in scp of user tokens.',
  'delegated-needs-user-role':
    "A delegated token acts as the signed-in user: the API also checks the user's own Defender role and device-group scope, so a 403 is still possible with the right scope.",
  'permission-broader-than-needed':
    'The operation is granted by a permission that allows more than it needs (e.g. ReadWrite for a read).',
  'operation-unknown':
    "The operation (METHOD and path, or full URL) matches no operation of the API's permission catalog, its path has an empty segment (//), or its host serves none of the known APIs. Its permissions cannot be checked, so the token is refused for it: a typo must never open an API.",
  'operation-retiring':
    'The operation (or the API the token is for) works today, but its catalog lifecycle says it stops working on a date: the finding gives the ISO date, the days left, the replacement, the permission to add on the replacement API and the admin-consent link. Computed on every call from the injected clock, never cached.',
  'operation-retired':
    'The operation (or the API the token is for: Azure AD Graph, graph.windows.net) is past its retirement date, so the API no longer serves it and the token is refused for it. Computed on every call from the injected clock.',
  'requirement-invalid':
    'What was asked cannot be checked: the operation is not "METHOD /path" or "METHOD https://host/path", the api names no catalog, the catalog is invalid, or require is not a list of permission names (1-200 printable ASCII characters without spaces; a lookalike letter such as U+212A KELVIN SIGN is not a permission name). The token is refused.',
  'permission-context-unknown':
    'The token could not be classified as app-only or delegated (for example it has no oid and no idtyp), so it satisfies no permission.',
  'delegated-no-scopes':
    "A delegated token for a known API (Defender for Endpoint, Defender XDR, Microsoft Graph) carries no scp: the user consented to no delegated permission of the API. Any roles it carries are the user's app-role assignments, which never stand in for permissions. The API refuses every call.",
  'scope-malformed':
    'The scope is not of the form {resource}/{permission} or {resource}/.default (for example a missing slash before .default).',
  'scope-multiple-resources':
    'One token request names scopes of more than one resource; Entra answers AADSTS700022/28000. A token has one audience.',
  'consent-tenant-invalid':
    'The tenant is not a GUID, a domain name or an allowed keyword for this consent endpoint (the v2 admin-consent endpoint refuses common).',
  'client-id-invalid': 'The client ID is not an application (client) ID GUID.',
  'scope-default-mixed':
    'A request combines {resource}/.default with named scopes of the same resource (or, for client credentials, with any other scope). /.default already means "every permission configured for this resource"; Entra refuses the combination (AADSTS70011).',
  'scope-needs-default':
    'A client-credentials (app-only) request must ask for exactly one {resource}/.default scope; application permissions cannot be requested by name. Entra answers AADSTS1002012.',
  'scope-is-resource':
    "The scope is a bare resource identifier (https://api.securitycenter.microsoft.com or an application ID): that is the v1 endpoint's resource parameter. The v2 endpoint wants {resource}/{permission} or {resource}/.default.",
  'resource-is-scope':
    "The v1 endpoint's resource parameter carries a v2 scope (…/.default or …/{permission}). Entra looks for a resource with that literal name and answers AADSTS500011.",
  'api-not-in-cloud':
    'The chosen API has no documented endpoint in the chosen national cloud (for example Defender for Endpoint in the China cloud), so there is no resource to request or consent to there.',
  'redirect-uri-invalid':
    'The redirect URI is not an absolute https URL (http is allowed only for localhost) or carries a fragment. Entra accepts only redirect URIs registered on the app, byte for byte (AADSTS50011).',
  'redirect-uri-missing':
    'The v2 admin-consent endpoint documents redirect_uri as required. Without it Entra falls back to a reply URL registered on the app, or fails (AADSTS900971, AADSTS500113) when none is registered.',
  'token-tenant-invalid':
    "An app-only (client-credentials) token must be requested from the customer's own tenant: a tenant GUID or verified domain. common, organizations and consumers name no tenant (AADSTS9001023, AADSTS90124).",
  'consent-redirect-invalid':
    'The input is not an absolute URL, or carries neither admin_consent, error nor code: it is not what the consent endpoint sends back.',
  'consent-error':
    'The consent redirect carries an error: the admin declined, or Entra refused the request. The error explanation says which AADSTS code and what to do.',
  'consent-state-mismatch':
    'The state in the redirect is not the one the consent link was built with (or is missing). The response may belong to another request, or be forged (cross-site request forgery).',
  'consent-tenant-untrusted':
    'The tenant parameter of a consent redirect is plain text in a URL: anyone can craft a redirect with any tenant. It tells you which tenant to try, never who your customer is.',
  'consent-code-returned':
    "The redirect carries an authorization code (the Defender partner docs' authorize link): sign-in and consent succeeded, but the response does not say whether consent was granted for the whole organization or which tenant it was.",
}
