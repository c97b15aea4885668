import type { AadstsSourceId } from './aadsts-sources.js'

/**
 * One Entra (AADSTS) error code, explained for an app that onboards customer tenants and calls the Defender APIs.
 * `meaning` says what Entra reports, `cause` what usually produced it in this setting, `fix` what to do.
 * Texts are ClaimCheck's own words; `sources` names where each fact was checked.
 */
export interface AadstsEntry {
  /** The number without the AADSTS prefix. */
  code: number
  /** Entra's internal name where it publishes one, otherwise a short title. */
  name: string
  meaning: string
  cause: string
  fix: string
  sources: readonly AadstsSourceId[]
}

const REF: readonly AadstsSourceId[] = ['entra-error-codes']
const REF_AND_PROJECT: readonly AadstsSourceId[] = ['entra-error-codes', 'project-reference']

export const AADSTS_CATALOGUE: readonly AadstsEntry[] = [
  // --- consent --------------------------------------------------------------------------------------------------
  {
    code: 65001,
    name: 'DelegationDoesNotExist',
    meaning: 'No one has consented to this application using this resource in this tenant.',
    cause:
      "The customer's admin has not yet granted admin consent, or granted it before the permission was added to the app registration.",
    fix: "Send the customer's Global Administrator an admin-consent link (claimcheck consent --client-id … --tenant …), then request a new token.",
    sources: REF_AND_PROJECT,
  },
  {
    code: 65004,
    name: 'UserDeclinedConsent',
    meaning: 'The user or administrator declined the consent prompt (the resource owner denied the request).',
    cause:
      'The admin pressed Cancel on the consent screen, or is not allowed to grant the requested permissions.',
    fix: 'Explain to the admin which permissions the app needs and why, then send a new consent link; the person approving must be a Global Administrator (or Privileged Role Administrator for app roles).',
    sources: ['entra-error-codes', 'entra-admin-consent', 'project-reference'],
  },
  {
    code: 65005,
    name: 'MisconfiguredApplication',
    meaning:
      'The app asked for access to a resource it does not list in its required permissions, or the resource cannot be found.',
    cause:
      'The Defender API permission was never added to the app registration, or the token request names a different resource than the one configured.',
    fix: 'Add the API permission (APIs my organization uses → WindowsDefenderATP or Microsoft Threat Protection) to the app registration, request that same resource, and consent again.',
    sources: REF_AND_PROJECT,
  },
  {
    code: 650052,
    name: 'ServiceNotSubscribed',
    meaning:
      'The app needs a service that the organization has not subscribed to or enabled: the tenant has no service principal for it.',
    cause:
      "The customer's tenant has no Defender for Endpoint / Microsoft 365 Defender subscription, or the service was never provisioned there.",
    fix: 'Check that the customer has the Defender product licensed and provisioned (the Defender portal opens for them); only then can the app be consented and call the API.',
    sources: REF_AND_PROJECT,
  },
  {
    code: 650054,
    name: 'ResourceRemoved',
    meaning:
      'The app asks for permissions to a resource that was removed or is no longer available in the tenant.',
    cause: 'The app registration still lists a permission for an API the tenant no longer has.',
    fix: 'Remove the stale permission from the app registration, or have the tenant restore the service, then consent again.',
    sources: REF,
  },
  {
    code: 650056,
    name: 'MisconfiguredApplication',
    meaning:
      'Misconfigured application: the client lists no permissions for the requested resource, or the admin has not consented in this tenant, or the client ID or certificate does not match.',
    cause:
      'The app registration has no permission for the Defender API being called, or the customer has not granted admin consent yet.',
    fix: "Add the Defender API permissions to the app registration, have the customer's admin consent, and check the client ID in the request.",
    sources: REF_AND_PROJECT,
  },
  {
    code: 650057,
    name: 'InvalidResource',
    meaning:
      'The client requested a resource that is not in the requested permissions of its app registration.',
    cause:
      'The scope names a Defender resource (or a Graph permission) that the app registration does not list; the error text lists the valid resources.',
    fix: 'Add a permission for that resource to the app registration (or request one of the listed resources), then consent again.',
    sources: REF_AND_PROJECT,
  },
  {
    code: 90094,
    name: 'AdminConsentRequired',
    meaning: 'Administrator consent is required.',
    cause:
      'The app requests application permissions (or delegated permissions that need an admin), and the person signing in cannot grant them.',
    fix: "Send the admin-consent link to a Global Administrator of the customer's tenant.",
    sources: REF_AND_PROJECT,
  },
  {
    code: 90095,
    name: 'AdminConsentRequiredRequestAccess',
    meaning: 'The admin-consent workflow is on: the user is told to ask an administrator to approve the app.',
    cause: 'A non-admin opened the consent link in a tenant that routes consent requests to admins.',
    fix: 'Have a Global Administrator approve the pending request (Enterprise applications → Admin consent requests) or open the admin-consent link themselves.',
    sources: REF_AND_PROJECT,
  },
  {
    code: 90099,
    name: 'ApplicationNotAuthorizedForPartner',
    meaning:
      "The application has not been authorized in the customer tenant, so a partner's delegated administrators cannot use it there.",
    cause:
      'A partner (GDAP/DAP) admin signs in to the customer tenant with an app that was never consented there.',
    fix: 'Pre-consent the app in the customer tenant (admin consent by a customer admin, or the Partner Center consent API), then retry.',
    sources: REF,
  },
  {
    code: 90008,
    name: 'TokenForItselfRequiresGraphPermission',
    meaning:
      'The app has not been consented; at minimum it must request sign-in and read-user-profile access to Entra.',
    cause: 'A user-sign-in app registration without the Microsoft Graph User.Read (sign in) permission.',
    fix: 'Add Microsoft Graph User.Read (delegated) to the app registration and consent again.',
    sources: REF,
  },
  // --- application, tenant and endpoint -----------------------------------------------------------------------------
  {
    code: 700016,
    name: 'UnauthorizedClient_DoesNotMatchRequest',
    meaning: 'No application with this identifier exists in the directory (tenant) the request was sent to.',
    cause:
      'The customer never consented (so the app has no service principal there), the app is single-tenant, the client ID is wrong, or the request went to the wrong tenant or cloud.',
    fix: 'Check the client ID; make the app multi-tenant ("Accounts in any organizational directory"); have the customer\'s admin consent; request the token from the customer\'s tenant ID.',
    sources: REF_AND_PROJECT,
  },
  {
    code: 700011,
    name: 'UnauthorizedClientAppNotFoundInOrgIdTenant',
    meaning: 'A client application requested a token from a tenant in which it does not exist.',
    cause: 'As AADSTS700016: no consent in that tenant, a wrong client ID, or the wrong tenant.',
    fix: "Check the client ID and tenant, and have the customer's admin consent to the app.",
    sources: REF,
  },
  {
    code: 70001,
    name: 'UnauthorizedClient',
    meaning: 'The application is disabled (or not found in the directory).',
    cause: "The customer disabled the app's enterprise application, or the client ID is wrong.",
    fix: 'Ask the customer to enable the enterprise application ("Enabled for users to sign in") or check the client ID.',
    sources: REF,
  },
  {
    code: 7000112,
    name: 'UnauthorizedClientApplicationDisabled',
    meaning: 'The application is disabled.',
    cause: "The customer (or Microsoft) disabled the app's service principal in that tenant.",
    fix: "Ask the customer's admin to re-enable the enterprise application.",
    sources: REF,
  },
  {
    code: 500011,
    name: 'InvalidResourceServicePrincipalNotFound',
    meaning: 'The resource principal named in the request was not found in the tenant.',
    cause:
      'The tenant has no Defender service principal (not licensed or not provisioned), the resource URI is misspelt (e.g. a v2 "…/.default" passed as a v1 resource), or the request went to the wrong tenant.',
    fix: "Use the exact resource (https://api.securitycenter.microsoft.com or https://api.security.microsoft.com), request it from the customer's tenant, and check the customer has the product.",
    sources: ['entra-error-codes', 'support-aadsts500011', 'project-reference'],
  },
  {
    code: 500014,
    name: 'ServicePrincipalDisabled',
    meaning: 'The service principal for the resource is disabled in the tenant.',
    cause:
      "The subscription for that service lapsed, or an admin disabled the resource's enterprise application.",
    fix: "Have the customer renew the subscription or re-enable the resource's enterprise application.",
    sources: ['support-forms-500014'],
  },
  {
    code: 50194,
    name: 'NotMultiTenantOnCommon',
    meaning:
      'The application is not configured as multi-tenant, so the /common endpoint cannot be used with it.',
    cause: 'A partner app registered as single-tenant, used with a /common consent link or authority.',
    fix: "Make the app multi-tenant (Authentication → Supported account types → any organizational directory), or use the customer's tenant ID instead of common.",
    sources: REF_AND_PROJECT,
  },
  {
    code: 90002,
    name: 'InvalidTenantName',
    meaning: 'The tenant was not found.',
    cause:
      'A typo in the tenant ID or domain, a domain that is not verified in any tenant, or the tenant lives in another cloud (e.g. a US Government tenant asked at login.microsoftonline.com).',
    fix: "Use the customer's tenant ID (GUID) and the sign-in host of their cloud (claimcheck consent --cloud usgov for GCC High/DoD).",
    sources: REF_AND_PROJECT,
  },
  {
    code: 900023,
    name: 'InvalidTenantIdentifier',
    meaning: 'The tenant identifier is neither a GUID nor a valid domain name.',
    cause: 'An empty or placeholder tenant value, a URL or an e-mail address in place of the tenant.',
    fix: 'Pass the tenant ID (GUID) or a verified domain such as contoso.onmicrosoft.com.',
    sources: ['observed-responses'],
  },
  {
    code: 90038,
    name: 'NationalCloudTenantRedirection',
    meaning: 'The tenant belongs to a national cloud that the current cloud does not federate with.',
    cause: "A GCC High, DoD or China tenant was sent to the public cloud's sign-in host (or the reverse).",
    fix: "Use the customer's cloud: login.microsoftonline.us for US Government, login.partner.microsoftonline.cn for China.",
    sources: REF,
  },
  {
    code: 50059,
    name: 'MissingTenantRealmAndNoUserInformationProvided',
    meaning: 'No tenant could be found in the request or inferred from credentials.',
    cause:
      'An app-only request sent to /common or /organizations, where no user sign-in tells Entra the tenant.',
    fix: "Put the customer's tenant ID in the URL: https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token.",
    sources: REF,
  },
  {
    code: 50128,
    name: 'InvalidDomainName',
    meaning: 'No tenant-identifying information was found in the request or credentials.',
    cause: 'As AADSTS50059: the tenant segment is missing or names no tenant.',
    fix: "Use the customer's tenant ID in the authority URL.",
    sources: REF,
  },
  {
    code: 9001023,
    name: 'GrantTypeNotSupportedOnCommon',
    meaning: 'The grant type is not supported over the /common or /consumers endpoints.',
    cause:
      'A client-credentials token requested from /common: an app-only token must come from one named tenant.',
    fix: 'Request the token from https://login.microsoftonline.com/{customer tenant ID}/oauth2/v2.0/token.',
    sources: REF_AND_PROJECT,
  },
  {
    code: 90124,
    name: 'V1ResourceV2GlobalEndpointNotSupported',
    meaning: 'The resource is not supported over the /common or /consumers endpoints.',
    cause: 'A v1 resource such as the Defender APIs requested through /common on the v2 endpoint.',
    fix: "Use /organizations or, better, the customer's tenant ID.",
    sources: REF_AND_PROJECT,
  },
  {
    code: 90130,
    name: 'NonConvergedAppV2GlobalEndpointNotSupported',
    meaning: 'The application is not supported over the /common or /consumers endpoints.',
    cause: 'An app that only serves work or school accounts used with /common.',
    fix: "Use /organizations or the customer's tenant ID.",
    sources: REF_AND_PROJECT,
  },
  {
    code: 700005,
    name: 'InvalidGrantRedeemAgainstWrongTenant',
    meaning: 'The authorization code was issued for another tenant than the one it is redeemed at.',
    cause: 'The code came from /common or tenant A and the token request went to tenant B.',
    fix: 'Redeem the code at the same authority (same tenant segment) that issued it.',
    sources: REF,
  },
  // --- client credentials -------------------------------------------------------------------------------------------
  {
    code: 7000215,
    name: 'InvalidClientSecret',
    meaning: 'The client secret is invalid.',
    cause:
      "The secret's ID was sent instead of its value, the value was copied incompletely, or it belongs to another app registration.",
    fix: 'Create a new secret and copy its Value (shown only once), not the Secret ID; better still, use a certificate.',
    sources: REF_AND_PROJECT,
  },
  {
    code: 7000222,
    name: 'InvalidClientSecretExpiredKeysProvided',
    meaning: 'The client secret has expired.',
    cause: 'The secret reached its end date (secrets last at most two years).',
    fix: 'Create a new secret (or a certificate) on the app registration, deploy it, and delete the expired one.',
    sources: REF_AND_PROJECT,
  },
  {
    code: 7000218,
    name: 'MissingClientCredential',
    meaning: 'The request body must contain client_assertion or client_secret.',
    cause:
      'A confidential-client request (client credentials, code redemption) sent no credential, e.g. an empty secret variable.',
    fix: "Send client_secret (or a client_assertion signed with the app's certificate) in the form body.",
    sources: ['entra-error-codes', 'support-aadsts7000218', 'project-reference'],
  },
  {
    code: 70002,
    name: 'InvalidClient',
    meaning: 'Error validating the client credentials: the client_secret does not match.',
    cause: 'A wrong secret or a secret of another app registration.',
    fix: 'Use a current secret value of this app registration.',
    sources: REF,
  },
  {
    code: 700027,
    name: 'InvalidClientAssertionSignature',
    meaning: 'The client assertion failed signature validation.',
    cause:
      'The assertion was signed with a certificate that is not uploaded to the app registration, or with the wrong x5t/kid.',
    fix: "Upload the certificate's public part to the app registration and sign with its private key.",
    sources: REF,
  },
  {
    code: 700025,
    name: 'InvalidClientPublicClientWithCredential',
    meaning: 'The client is public, so neither client_assertion nor client_secret may be sent.',
    cause:
      'The app registration has "Allow public client flows" on, or the redirect is registered as a mobile/desktop platform, while the request sends a secret.',
    fix: 'Use a web-platform (confidential) app registration for client credentials.',
    sources: REF,
  },
  {
    code: 50146,
    name: 'MissingCustomSigningKey',
    meaning:
      'The app must be configured with an app-specific signing key, and it has none, or the key has expired.',
    cause: 'Claims mapping requires a custom signing key on the resource app.',
    fix: 'Configure (or renew) the app-specific signing key, and validate tokens with the ?appid= key set.',
    sources: REF_AND_PROJECT,
  },
  // --- scopes and resources -----------------------------------------------------------------------------------------
  {
    code: 70011,
    name: 'InvalidScope',
    meaning: 'The scope requested by the app is invalid.',
    cause:
      'A malformed scope (e.g. "https://api.security.microsoft.com.default" without the slash), a named application permission in client credentials, or /.default mixed with other scopes.',
    fix: 'Request "{resource}/.default" for app-only tokens; run claimcheck\'s scope lint on the value.',
    sources: REF_AND_PROJECT,
  },
  {
    code: 1002012,
    name: 'ClientCredentialsNeedDefaultScope',
    meaning:
      'The scope is not valid: client-credentials flows must use a scope ending in /.default after the resource identifier.',
    cause:
      'Application permissions requested by name (e.g. Machine.Read.All) in a client-credentials request.',
    fix: "Request https://api.securitycenter.microsoft.com/.default (or the API's resource + /.default); the token carries every application permission the admin granted.",
    sources: ['azure-docs-issue-99862', 'project-reference'],
  },
  {
    code: 700022,
    name: 'InvalidMultipleResourcesScope',
    meaning: 'The scope is not valid because it contains more than one resource.',
    cause:
      'Scopes of two APIs in one request (e.g. Defender for Endpoint and Microsoft 365 Defender, or Graph and Defender).',
    fix: 'Request one token per resource.',
    sources: REF_AND_PROJECT,
  },
  {
    code: 28000,
    name: 'InvalidMultipleResourcesScope',
    meaning: 'The scope is not valid because it contains more than one resource.',
    cause: 'Scopes of two APIs in one token request.',
    fix: 'Request one token per resource (MSAL: one acquireToken call per API).',
    sources: ['observed-responses'],
  },
  {
    code: 28002,
    name: 'InvalidScopeForToken',
    meaning: 'The scope is not valid when requesting an access token.',
    cause:
      'Only OIDC scopes (openid, profile, offline_access) or an unknown scope were requested when redeeming a code.',
    fix: 'Include the API scope (e.g. https://api.security.microsoft.com/Incident.Read) in the token request.',
    sources: REF,
  },
  {
    code: 28003,
    name: 'EmptyScope',
    meaning: 'The scope cannot be empty when requesting an access token with an authorization code.',
    cause: 'The code redemption sent no scope parameter.',
    fix: 'Send the same API scope that the authorize request used.',
    sources: REF,
  },
  {
    code: 700023,
    name: 'InvalidResourcelessScope',
    meaning: 'The scope is not valid when requesting an access token: it names no resource.',
    cause: 'A bare ".default" or permission name without its resource in a request that cannot infer one.',
    fix: 'Prefix the resource: https://api.securitycenter.microsoft.com/.default.',
    sources: REF,
  },
  {
    code: 901002,
    name: 'ResourceParameterNotSupported',
    meaning: "The 'resource' request parameter is not supported (on the v2 endpoint).",
    cause:
      'A v1-style request (resource=…) sent to the v2 endpoints /oauth2/v2.0/authorize or /oauth2/v2.0/token: an ADAL-era sample, a hand-built request, or an MCP client adding the RFC 8707 resource indicator.',
    fix: "On the v2 endpoint send scope={resource}/.default (or {resource}/{permission}) and no resource parameter; or call the v1 endpoint /oauth2/token with resource=. An MCP client that cannot drop resource needs the API's App ID URI to equal that resource (see AADSTS9010010).",
    sources: ['entra-error-codes', 'observed-responses'],
  },
  {
    code: 9010010,
    name: 'ResourceDoesNotMatchScopes',
    meaning: "The resource parameter provided in the request doesn't match the requested scopes.",
    cause:
      "A v2 request that carries both resource and scope for different resources. Typical with MCP clients: they send the server's URL as the RFC 8707 resource (from its protected-resource metadata) while the scope names the API's App ID URI (api://{client id}/…).",
    fix: "Make both name the same resource: set the API's App ID URI to exactly the resource the client sends (the MCP server's URL as its metadata's resource advertises it) and request scopes under it ({App ID URI}/{scope}); or make the client send no resource parameter.",
    sources: ['observed-responses'],
  },
  {
    code: 900382,
    name: 'CrossCloudConfidentialClient',
    meaning: 'Confidential Client is not supported in Cross Cloud request.',
    cause:
      "A token request with a client secret or certificate sent to another cloud's sign-in host than the app's and tenant's own: e.g. a US Government (GCC High, DoD) tenant asked through login.microsoftonline.com, or a public-cloud app registration used against login.microsoftonline.us. It is a token-request error: nothing is wrong with consent.",
    fix: "Send the token request to the tenant's own cloud (login.microsoftonline.us for GCC High and DoD, login.partner.microsoftonline.cn for China; GCC stays on login.microsoftonline.com), with an app registered in that cloud, and request that cloud's resource (claimcheck consent --cloud usgov|china shows the hosts).",
    sources: ['entra-error-codes', 'observed-responses'],
  },
  {
    code: 50001,
    name: 'InvalidResource',
    meaning: 'The resource is disabled or does not exist.',
    cause: 'A misspelt resource URI or one of another cloud.',
    fix: "Use the exact resource identifier of the API in the customer's cloud.",
    sources: REF,
  },
  {
    code: 90009,
    name: 'TokenForItselfMissingIdenticalAppIdentifier',
    meaning:
      "The app is requesting a token for itself; that works only when the resource is given as the app's GUID.",
    cause: "The scope or resource is the app's own identifier URI rather than its client ID.",
    fix: 'Use {client ID}/.default, or request a token for the API you call instead.',
    sources: REF,
  },
  // --- redirect URIs -----------------------------------------------------------------------------------------------
  {
    code: 50011,
    name: 'InvalidReplyTo',
    meaning:
      'The reply address (redirect URI) is missing, misconfigured or does not match one registered for the app.',
    cause:
      "The consent link's redirect_uri differs from the registered one (scheme, host, path, trailing slash or case).",
    fix: 'Register the exact redirect URI on the app registration (Authentication → Web), or use one that is registered.',
    sources: REF_AND_PROJECT,
  },
  {
    code: 900971,
    name: 'NoReplyAddress',
    meaning: 'No reply address was provided.',
    cause:
      'A consent or authorize request without redirect_uri for an app that has no usable registered reply URL.',
    fix: 'Pass redirect_uri in the link and register it on the app.',
    sources: REF,
  },
  {
    code: 500113,
    name: 'NoReplyAddressRegistered',
    meaning: 'No reply address is registered for the application.',
    cause: 'A daemon-style app registration with no redirect URI used for admin consent.',
    fix: 'Add a Web redirect URI to the app registration and use it in the consent link.',
    sources: ['ms-answers-500113'],
  },
  // --- users, sign-in and policy ------------------------------------------------------------------------------------
  {
    code: 50020,
    name: 'UserUnauthorized',
    meaning:
      "The user's account from this identity provider does not exist in the tenant and cannot access the app there.",
    cause:
      'The admin signed in with an account of another tenant (or a personal account) than the one in the link, or the app is single-tenant.',
    fix: "Have the customer's admin sign in with their own work account, use the customer's tenant in the link, or make the app multi-tenant.",
    sources: REF_AND_PROJECT,
  },
  {
    code: 50105,
    name: 'EntitlementGrantsNotFound',
    meaning: 'The signed-in user is not assigned to a role for the app.',
    cause: "The app's enterprise application requires assignment and the user is not assigned.",
    fix: 'Assign the user (or a group) to the enterprise application, or turn off "Assignment required".',
    sources: REF_AND_PROJECT,
  },
  {
    code: 53003,
    name: 'BlockedByConditionalAccess',
    meaning: 'Access was blocked by Conditional Access policies.',
    cause: "A policy in the customer's tenant blocks this app, location, device or workload identity.",
    fix: 'Ask the customer to check the sign-in log entry for this request and the Conditional Access policy that applied.',
    sources: REF_AND_PROJECT,
  },
  {
    code: 530032,
    name: 'BlockedByConditionalAccessOnSecurityPolicy',
    meaning: 'A tenant security policy blocks this request.',
    cause: 'A tenant-level security policy (for example for workload identities) rejects the request.',
    fix: "Ask the customer's admin to review the tenant's security policies for this app.",
    sources: REF,
  },
  {
    code: 50076,
    name: 'UserStrongAuthClientAuthNRequired',
    meaning: 'Multi-factor authentication is required to access the resource.',
    cause: 'A Conditional Access policy or per-user MFA applies to the signing-in admin or user.',
    fix: 'Retry interactively so the user can complete MFA (MSAL: acquire the token interactively).',
    sources: REF_AND_PROJECT,
  },
  {
    code: 50079,
    name: 'UserStrongAuthEnrollmentRequired',
    meaning: 'The user must register for multi-factor authentication.',
    cause: 'A policy requires MFA and the user has no method registered.',
    fix: 'Have the user register security info, then retry.',
    sources: REF,
  },
  {
    code: 50126,
    name: 'InvalidUserNameOrPassword',
    meaning: 'Invalid username or password.',
    cause: 'The person signing in mistyped their credentials.',
    fix: 'Sign in again with the right credentials.',
    sources: REF,
  },
  {
    code: 50034,
    name: 'UserAccountNotFound',
    meaning: 'The user account does not exist in the directory.',
    cause: 'A mistyped username, or an account of another tenant than the one in the link.',
    fix: "Sign in with an account of the customer's tenant, or correct the tenant in the link.",
    sources: REF,
  },
  {
    code: 50057,
    name: 'UserDisabled',
    meaning: 'The user account is disabled.',
    cause: 'The admin account used for consent is disabled in its tenant.',
    fix: 'Use an enabled administrator account.',
    sources: REF,
  },
  {
    code: 50053,
    name: 'IdsLocked',
    meaning:
      'The account is locked after too many failed sign-ins, or sign-in came from an IP address with malicious activity.',
    cause: 'Repeated failed sign-ins or a blocked IP address.',
    fix: "Wait or have an admin unblock the user; check the sign-in log's failure reason.",
    sources: REF,
  },
  {
    code: 500021,
    name: 'TenantRestrictionDenied',
    meaning: 'Access to the tenant is denied by tenant restrictions.',
    cause:
      "The admin's network proxy allows sign-in only to listed tenants (Restrict-Access-To-Tenant header).",
    fix: "Consent from a network that allows the customer's tenant, or ask the network admin to allow it.",
    sources: REF,
  },
  {
    code: 50058,
    name: 'UserInformationNotProvided',
    meaning: 'No signed-in session: the user is not signed in.',
    cause: 'A silent request (prompt=none) with no usable session.',
    fix: 'Fall back to an interactive sign-in.',
    sources: REF,
  },
  // --- grants, requests and service ---------------------------------------------------------------------------------
  {
    code: 54005,
    name: 'AuthCodeAlreadyRedeemed',
    meaning: 'The authorization code was already redeemed.',
    cause: 'The same code was sent to the token endpoint twice (a retry or a page reload).',
    fix: 'Start a new authorization request; redeem each code once.',
    sources: REF,
  },
  {
    code: 70008,
    name: 'ExpiredOrRevokedGrant',
    meaning: 'The refresh token or code has expired or was revoked.',
    cause: 'A long-unused refresh token, or an old authorization code.',
    fix: 'Sign the user in again.',
    sources: REF,
  },
  {
    code: 50173,
    name: 'FreshTokenNeeded',
    meaning: 'The grant was revoked and a fresh sign-in is needed.',
    cause: 'An admin or the user revoked sessions (password change, sign-out everywhere).',
    fix: 'Sign the user in again.',
    sources: REF,
  },
  {
    code: 900144,
    name: 'MissingRequiredParameter',
    meaning: 'The request body is missing a required parameter (named in the message).',
    cause:
      'A hand-written token request without grant_type, client_id or scope, or a body not sent as application/x-www-form-urlencoded.',
    fix: 'Send every required parameter form-encoded (claimcheck builds the request: buildClientCredentialsRequest).',
    sources: REF,
  },
  {
    code: 90014,
    name: 'MissingRequiredField',
    meaning: 'An expected field is missing from the request or credential.',
    cause: 'A token request missing a parameter, or a client assertion missing a claim.',
    fix: 'Compare the request with the documented parameters and send the missing one.',
    sources: REF,
  },
  {
    code: 50196,
    name: 'LoopDetected',
    meaning: 'A client loop was detected: the app made too many identical requests in a short time.',
    cause: 'No token cache: the app requests a new token for every API call.',
    fix: 'Cache tokens until shortly before they expire (MSAL does this for you).',
    sources: REF,
  },
  {
    code: 90055,
    name: 'TenantThrottlingError',
    meaning: 'Too many incoming requests for the tenant.',
    cause: 'Token requests far beyond need, often from a missing token cache across many workers.',
    fix: 'Cache tokens and back off before retrying.',
    sources: REF,
  },
  {
    code: 50000,
    name: 'TokenIssuanceError',
    meaning: 'There is an issue with the sign-in service.',
    cause: 'An Entra-side failure, or an app manifest configuration Entra cannot process.',
    fix: 'Retry; if it persists, open a support request with the correlation ID and timestamp.',
    sources: REF,
  },
]
