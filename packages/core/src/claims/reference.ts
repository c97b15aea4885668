/** How a claim's value is written; lets a renderer show times as dates and split scopes without knowing claim names. */
export type ClaimFormat = 'guid' | 'epoch' | 'string' | 'string-array' | 'url' | 'space-separated' | 'number'

export type ClaimLocation = 'header' | 'payload'

export interface ClaimExplanation {
  name: string
  location: ClaimLocation
  /** A short label for tables and headings. */
  title: string
  /** What the claim means and what to do (or not do) with it. The first sentence stands on its own. */
  description: string
  /** The token versions that carry the claim, when only one does. Absent: both, or not version-specific. */
  versions?: ('1.0' | '2.0')[]
  format?: ClaimFormat
  /** Mutable or user-controlled: authorizing on it lets one account pose as another ("nOAuth"). */
  neverAuthorizeOn?: boolean
  /** Where the explanation comes from: a page of Microsoft's (or an RFC). Every entry has one (see sourceOf). */
  source?: string
}

/** Microsoft's pages the entries come from (checked 2026-12-08). */
export const CLAIM_SOURCES = {
  accessToken: 'https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference',
  optional: 'https://learn.microsoft.com/entra/identity-platform/optional-claims-reference',
  agent: 'https://learn.microsoft.com/entra/agent-id/identity-platform/agent-token-claims',
  idToken: 'https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference',
  jws: 'RFC 7515 §4.1 (JSON Web Signature header parameters)',
} as const

/** Optional claims (the resource app turns them on); the rest of the payload is in the access-token reference. */
const OPTIONAL_CLAIMS = new Set([
  'email',
  'verified_primary_email',
  'verified_secondary_email',
  'login_hint',
  'acct',
  'onprem_sid',
  'auth_time',
  'ctry',
  'tenant_ctry',
  'tenant_region_scope',
  'tenant_region_sub_scope',
  'fwd',
  'in_corp',
  'pwd_exp',
  'sid',
  'upn',
  'given_name',
  'family_name',
  'ipaddr',
  'groups',
  'xms_cc',
  'xms_edov',
  'xms_pdl',
  'xms_pl',
  'xms_tpl',
  'xms_tdbr',
  'xms_tcdt',
  'xms_idrel',
  'xms_ssm',
  'xms_ftd',
])

/** The source of an entry: its own, else the reference its location and name place it in. */
export function sourceOf(entry: Pick<ClaimExplanation, 'name' | 'location' | 'source'>): string {
  if (entry.source !== undefined) return entry.source
  if (entry.location === 'header') return CLAIM_SOURCES.jws
  return OPTIONAL_CLAIMS.has(entry.name) ? CLAIM_SOURCES.optional : CLAIM_SOURCES.accessToken
}

function freezeAll(entries: ClaimExplanation[]): readonly ClaimExplanation[] {
  for (const e of entries) {
    e.source = sourceOf(e)
    Object.freeze(e)
  }
  return Object.freeze(entries)
}

const NOAUTH =
  ' Never authorize on it: it is mutable and can be set to another person\'s value ("nOAuth"); use tid + oid to identify the principal.'

/**
 * What each header field and claim of an Entra ID token means. Sources: Microsoft's access-token and
 * optional-claims references (entra-docs) and RFC 7515/7519. Reviewed as data: no logic here.
 */
export const CLAIM_REFERENCE: readonly ClaimExplanation[] = freezeAll([
  // ── header ──────────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'typ',
    location: 'header',
    title: 'Token type',
    format: 'string',
    description:
      'The media type of the token; Entra writes "JWT". It does not say whether the token is an access token or an ID token.',
  },
  {
    name: 'alg',
    location: 'header',
    title: 'Signing algorithm',
    format: 'string',
    description:
      'The algorithm the token claims it was signed with; Entra signs access tokens with RS256 only. A verifier must fix the algorithm itself and never take it from the token ("none" and HS256 are classic forgeries).',
  },
  {
    name: 'kid',
    location: 'header',
    title: 'Signing key ID',
    format: 'string',
    description:
      "Names the key in the tenant's published key set (JWKS) that signed the token. Entra rolls keys without notice, so an unknown kid means: refetch the key set, or the app uses a custom signing key.",
  },
  {
    name: 'x5t',
    location: 'header',
    title: 'Certificate thumbprint',
    format: 'string',
    versions: ['1.0'],
    description:
      'The SHA-1 thumbprint of the signing certificate; v1 tokens carry it with the same value as kid. Use kid to pick the key.',
  },
  {
    name: 'nonce',
    location: 'header',
    title: 'Graph token nonce',
    format: 'string',
    description:
      'Only Microsoft Graph tokens have a nonce in the header; the signature covers a hash of it, so no one but Graph can verify such a token. It is not forged: it is simply not meant for your API.',
  },
  {
    name: 'jku',
    location: 'header',
    title: 'Key set URL (ignored)',
    format: 'url',
    description:
      'A URL from which the token asks to be verified. Entra tokens never carry it; a verifier must never fetch it, or an attacker chooses the key.',
  },
  {
    name: 'x5u',
    location: 'header',
    title: 'Certificate URL (ignored)',
    format: 'url',
    description:
      'A URL of a certificate chain the token asks to be verified with. Entra tokens never carry it; a verifier must never fetch it.',
  },
  {
    name: 'jwk',
    location: 'header',
    title: 'Embedded key (ignored)',
    description:
      'A public key embedded in the token itself. Entra tokens never carry it; trusting it lets anyone sign their own tokens (CVE-2018-0114).',
  },
  {
    name: 'x5c',
    location: 'header',
    title: 'Embedded certificate chain (ignored)',
    format: 'string-array',
    description:
      'A certificate chain embedded in the token. Entra access tokens do not carry it; a self-signed chain proves nothing, so it is ignored.',
  },
  {
    name: 'crit',
    location: 'header',
    title: 'Critical extensions',
    format: 'string-array',
    description: 'Header extensions the verifier must understand or reject. Entra tokens never use them.',
  },
  {
    name: 'b64',
    location: 'header',
    title: 'Unencoded payload flag',
    description:
      'RFC 7797: b64 false means the payload is not base64url-encoded. JWTs never use it; a token with b64 false is refused.',
  },
  {
    name: 'cty',
    location: 'header',
    title: 'Content type',
    format: 'string',
    description:
      'The type of the payload when it is itself a token (nested JWT). Entra access tokens do not use it.',
  },

  // ── payload: who issued it, for which API, when ────────────────────────────────────────────────────
  {
    name: 'aud',
    location: 'payload',
    title: 'Audience',
    format: 'url',
    description:
      'The API the token was issued for: its identifier URI (v1 tokens, e.g. https://api.securitycenter.microsoft.com) or its application ID (v2). An API must accept only its own audience; a token for another API is refused with 401.',
  },
  {
    name: 'iss',
    location: 'payload',
    title: 'Issuer',
    format: 'url',
    description:
      'The tenant and endpoint that issued the token: https://sts.windows.net/{tid}/ for v1, https://login.microsoftonline.com/{tid}/v2.0 for v2 (other hosts in national clouds). It must name the same tenant as tid.',
  },
  {
    name: 'idp',
    location: 'payload',
    title: 'Identity provider',
    format: 'url',
    description:
      'Who authenticated the subject; usually the same as iss. It differs for guests (their home tenant) and personal Microsoft accounts (live.com).',
  },
  {
    name: 'iat',
    location: 'payload',
    title: 'Issued at',
    format: 'epoch',
    description:
      'When the token was issued (seconds since 1970, UTC). A time in the future means a wrong clock or a crafted token.',
  },
  {
    name: 'nbf',
    location: 'payload',
    title: 'Not before',
    format: 'epoch',
    description:
      'The token is not valid before this time (seconds since 1970, UTC). Entra sets it to the issue time; APIs allow a few minutes of clock skew.',
  },
  {
    name: 'exp',
    location: 'payload',
    title: 'Expires',
    format: 'epoch',
    description:
      'The token is not valid after this time (seconds since 1970, UTC); APIs answer 401 afterwards. Access tokens live 60–90 minutes by default, up to 28 hours with continuous access evaluation.',
  },
  {
    name: 'ver',
    location: 'payload',
    title: 'Token version',
    format: 'string',
    description:
      'The access-token format, "1.0" or "2.0", chosen by the API (resource), not by the client. The Defender APIs receive v1 tokens; verifiers choose v1 or v2 metadata by it.',
  },
  {
    name: 'tid',
    location: 'payload',
    title: 'Tenant ID',
    format: 'guid',
    description:
      'The Entra tenant that issued the token and where the principal signed in. Together with oid it identifies the caller; multi-tenant APIs must check it against the tenants they serve.',
  },
  {
    name: 'aio',
    location: 'payload',
    title: 'Internal (aio)',
    format: 'string',
    description: 'An opaque value Entra uses internally to reuse tokens. Ignore it.',
  },
  {
    name: 'rh',
    location: 'payload',
    title: 'Internal (rh)',
    format: 'string',
    description: 'An opaque value Entra uses to revalidate tokens. Ignore it.',
  },
  {
    name: 'uti',
    location: 'payload',
    title: 'Token identifier',
    format: 'string',
    description:
      "An opaque, unique identifier of this token (Entra's counterpart of jti). Useful to correlate with sign-in logs; not for authorization.",
  },
  {
    name: 'jti',
    location: 'payload',
    title: 'JWT ID',
    format: 'string',
    description: 'A unique identifier of the token (RFC 7519). Entra access tokens use uti instead.',
  },

  // ── payload: the calling application ──────────────────────────────────────────────────────────────
  {
    name: 'appid',
    location: 'payload',
    title: 'Client application (v1)',
    format: 'guid',
    versions: ['1.0'],
    description:
      'The application (client) ID of the app that requested the token. Check it against the apps allowed to call your API.',
  },
  {
    name: 'appidacr',
    location: 'payload',
    title: 'Client authentication (v1)',
    format: 'string',
    versions: ['1.0'],
    description:
      'How the client app authenticated: "0" public client (no secret), "1" client secret, "2" certificate.',
  },
  {
    name: 'azp',
    location: 'payload',
    title: 'Client application (v2)',
    format: 'guid',
    versions: ['2.0'],
    description:
      'The application (client) ID of the app that requested the token (v2 counterpart of appid). Check it against the apps allowed to call your API.',
  },
  {
    name: 'azpacr',
    location: 'payload',
    title: 'Client authentication (v2)',
    format: 'string',
    versions: ['2.0'],
    description:
      'How the client app authenticated: "0" public client (no secret), "1" client secret, "2" certificate.',
  },
  {
    name: 'app_displayname',
    location: 'payload',
    title: 'Client application name',
    format: 'string',
    description:
      'The display name of the client app, when Entra includes it (Microsoft Graph tokens). Informational only: display names are not unique.',
  },
  {
    name: 'idtyp',
    location: 'payload',
    title: 'Identity type',
    format: 'string',
    description:
      '"app" for app-only tokens (client credentials), "user" for tokens issued to a signed-in user. An optional claim: when present it is the reliable way to tell the two apart.',
  },

  // ── payload: the principal ──────────────────────────────────────────────────────────────────────────
  {
    name: 'oid',
    location: 'payload',
    title: 'Object ID',
    format: 'guid',
    description:
      'The immutable ID of the user or service principal in this tenant. With tid, the key to identify a caller and store per-user data.',
  },
  {
    name: 'sub',
    location: 'payload',
    title: 'Subject',
    format: 'string',
    description:
      'The principal the token is about, pairwise: the same user has a different sub in every application. In app-only tokens it equals oid.',
  },
  {
    name: 'name',
    location: 'payload',
    title: 'Display name',
    format: 'string',
    neverAuthorizeOn: true,
    description: `The user's display name, for showing only.${NOAUTH}`,
  },
  {
    name: 'preferred_username',
    location: 'payload',
    title: 'Preferred username',
    format: 'string',
    versions: ['2.0'],
    neverAuthorizeOn: true,
    description: `The sign-in name the user prefers (often an email address or UPN), for display and as a login hint.${NOAUTH}`,
  },
  {
    name: 'unique_name',
    location: 'payload',
    title: 'Unique name',
    format: 'string',
    versions: ['1.0'],
    neverAuthorizeOn: true,
    description: `A human-readable name for the user, for display; not guaranteed unique across tenants.${NOAUTH}`,
  },
  {
    name: 'upn',
    location: 'payload',
    title: 'User principal name',
    format: 'string',
    versions: ['1.0'],
    neverAuthorizeOn: true,
    description: `The user's sign-in name (user@domain). Admins can change it and it can be reassigned.${NOAUTH}`,
  },
  {
    name: 'email',
    location: 'payload',
    title: 'Email address',
    format: 'string',
    neverAuthorizeOn: true,
    description: `An email address of the user, when the user has one (optional claim); it may be unverified.${NOAUTH}`,
  },
  {
    name: 'verified_primary_email',
    location: 'payload',
    title: 'Verified primary email',
    format: 'string-array',
    neverAuthorizeOn: true,
    description: `The user's primary email address as recorded by the tenant (optional claim).${NOAUTH}`,
  },
  {
    name: 'verified_secondary_email',
    location: 'payload',
    title: 'Verified secondary email',
    format: 'string-array',
    neverAuthorizeOn: true,
    description: `The user's secondary email addresses (optional claim).${NOAUTH}`,
  },
  {
    name: 'given_name',
    location: 'payload',
    title: 'Given name',
    format: 'string',
    versions: ['1.0'],
    neverAuthorizeOn: true,
    description: `The user's first name, for display.${NOAUTH}`,
  },
  {
    name: 'family_name',
    location: 'payload',
    title: 'Family name',
    format: 'string',
    versions: ['1.0'],
    neverAuthorizeOn: true,
    description: `The user's last name, for display.${NOAUTH}`,
  },
  {
    name: 'login_hint',
    location: 'payload',
    title: 'Login hint',
    format: 'string',
    description:
      'An opaque, reliable hint to sign the same user in again without a prompt (optional claim). Pass it back to Entra as is; do not parse or authorize on it.',
  },
  {
    name: 'acct',
    location: 'payload',
    title: 'Account status',
    format: 'number',
    description: "The user's relationship to the tenant (optional claim): 0 member, 1 guest.",
  },
  {
    name: 'onprem_sid',
    location: 'payload',
    title: 'On-premises SID',
    format: 'string',
    description:
      "The user's security identifier in on-premises Active Directory, for synchronised users (optional claim). For legacy authorization only.",
  },
  {
    name: 'deviceid',
    location: 'payload',
    title: 'Device ID',
    format: 'guid',
    description: 'The ID of the registered device the user signed in from, when Entra knows it.',
  },

  // ── payload: how the user signed in ─────────────────────────────────────────────────────────────────
  {
    name: 'amr',
    location: 'payload',
    title: 'Authentication methods',
    format: 'string-array',
    versions: ['1.0'],
    description:
      'How the subject authenticated, e.g. "pwd", "mfa", "rsa", "wia". Only in user tokens; use Conditional Access (acrs) rather than checking it yourself.',
  },
  {
    name: 'acr',
    location: 'payload',
    title: 'Authentication context class',
    format: 'string',
    versions: ['1.0'],
    description:
      '"0" means the user\'s authentication did not meet ISO/IEC 29115 requirements; "1" means it did. v1 user tokens only.',
  },
  {
    name: 'acrs',
    location: 'payload',
    title: 'Authentication contexts',
    format: 'string-array',
    description:
      'The Conditional Access authentication contexts (e.g. "c1") the user satisfied. An API can require one for sensitive operations and send a claims challenge when it is missing.',
  },
  {
    name: 'auth_time',
    location: 'payload',
    title: 'Authentication time',
    format: 'epoch',
    description:
      'When the user last entered credentials (seconds since 1970, UTC; optional claim). Tokens can be refreshed long after it.',
  },
  {
    name: 'ipaddr',
    location: 'payload',
    title: 'Client IP address',
    format: 'string',
    versions: ['1.0'],
    description:
      'The IP address the user authenticated from. Informational: the token can be used from elsewhere.',
  },
  {
    name: 'fwd',
    location: 'payload',
    title: 'Forwarded IP address',
    format: 'string',
    description:
      'The original client IP address when the request reached Entra through a virtual network or proxy (optional claim).',
  },
  {
    name: 'ctry',
    location: 'payload',
    title: 'Country',
    format: 'string',
    description: "The user's two-letter country or region code (optional claim).",
  },
  {
    name: 'tenant_ctry',
    location: 'payload',
    title: 'Tenant country',
    format: 'string',
    description: 'The two-letter country or region code of the tenant (optional claim).',
  },
  {
    name: 'tenant_region_scope',
    location: 'payload',
    title: 'Tenant region',
    format: 'string',
    description: 'The region of the tenant, e.g. "NA", "EU", "WW" (optional claim).',
  },
  {
    name: 'tenant_region_sub_scope',
    location: 'payload',
    title: 'Tenant region sub-scope',
    format: 'string',
    description: 'A sub-scope of the tenant\'s region, e.g. "GCC" for US Government Community Cloud tenants.',
  },
  {
    name: 'sid',
    location: 'payload',
    title: 'Session ID',
    format: 'string',
    description: "Identifies the user's sign-in session, for per-session sign-out. Not for authorization.",
  },
  {
    name: 'signin_state',
    location: 'payload',
    title: 'Sign-in state',
    format: 'string-array',
    description:
      'Facts about the sign-in (optional claim), e.g. "kmsi" (stay signed in), "dvc_mngd" (managed device), "dvc_cmp" (compliant device), "inknownntwk" (known network).',
  },
  {
    name: 'in_corp',
    location: 'payload',
    title: 'Inside corporate network',
    format: 'string',
    description:
      "Whether the client signed in from the corporate network, per the tenant's trusted IP ranges (optional claim).",
  },
  {
    name: 'pwd_exp',
    location: 'payload',
    title: 'Password expires in',
    format: 'number',
    description: "Seconds until the user's password expires (optional claim).",
  },

  // ── payload: what the token grants ──────────────────────────────────────────────────────────────────
  {
    name: 'scp',
    location: 'payload',
    title: 'Delegated permissions (scopes)',
    format: 'space-separated',
    description:
      'The delegated permissions the user consented to, separated by spaces; only in tokens for a signed-in user. Compare whole names, never substrings ("Files.ReadWrite" contains "Files.Read").',
  },
  {
    name: 'roles',
    location: 'payload',
    title: 'Application permissions or app roles',
    format: 'string-array',
    description:
      'The application permissions granted to the calling app by admin consent (app-only tokens), or the app roles assigned to the user (user tokens). An array of strings; tokens do not update after a grant, so acquire a new one.',
  },
  {
    name: 'wids',
    location: 'payload',
    title: 'Directory roles',
    format: 'string-array',
    description:
      'The template IDs of the tenant-wide Entra roles the user holds (e.g. 62e90394-69f5-4237-9190-012177145e10 Global Administrator). Not Defender roles.',
  },
  {
    name: 'groups',
    location: 'payload',
    title: 'Groups',
    format: 'string-array',
    description:
      'The object IDs of groups the principal belongs to, when the app asks for group claims. Above a limit (200 in JWTs) it is replaced by an overage indication (_claim_names / hasgroups).',
  },
  {
    name: 'hasgroups',
    location: 'payload',
    title: 'Group overage (implicit flow)',
    description:
      'true when the user is in too many groups to list in the token; query Microsoft Graph for them.',
  },
  {
    name: '_claim_names',
    location: 'payload',
    title: 'Distributed claims names',
    description:
      'Group overage: names claims (usually "groups") that were too large for the token and points to _claim_sources. Query Microsoft Graph for the groups instead.',
  },
  {
    name: '_claim_sources',
    location: 'payload',
    title: 'Distributed claims sources',
    description:
      "Group overage: where the claims named in _claim_names can be fetched (a Graph endpoint). Use Graph's documented API rather than this URL.",
  },
  {
    name: 'cnf',
    location: 'payload',
    title: 'Proof-of-possession key',
    description:
      'The key the caller must prove it holds (proof-of-possession tokens). A bearer-token API that ignores it accepts the token from anyone.',
  },

  // ── payload: ID-token claims (in an access token they mean the wrong token was sent) ───────────────
  {
    name: 'nonce',
    location: 'payload',
    title: 'Sign-in nonce',
    format: 'string',
    description:
      'A value the app chose at sign-in and Entra echoes in the ID token to stop replay. Access tokens do not carry it: a payload nonce means this is an ID token.',
  },
  {
    name: 'at_hash',
    location: 'payload',
    title: 'Access-token hash',
    format: 'string',
    description: 'In ID tokens: a hash binding the ID token to the access token issued with it.',
  },
  {
    name: 'c_hash',
    location: 'payload',
    title: 'Code hash',
    format: 'string',
    description: 'In ID tokens: a hash binding the ID token to the authorization code issued with it.',
  },

  // ── payload: Microsoft extension claims ─────────────────────────────────────────────────────────────
  {
    name: 'xms_cc',
    location: 'payload',
    title: 'Client capabilities',
    format: 'string-array',
    description:
      'Capabilities the client app declared; "cp1" means it can handle claims challenges, so Entra may issue it long-lived continuous-access-evaluation (CAE) tokens that can be revoked early.',
  },
  {
    name: 'xms_edov',
    location: 'payload',
    title: 'Email domain owner verified',
    description:
      'Whether the domain of the email claim is verified by the tenant that owns it (optional claim). Even when true, authorize on tid + oid, not on email.',
  },
  {
    name: 'xms_pdl',
    location: 'payload',
    title: 'Preferred data location',
    format: 'string',
    description: 'The user\'s preferred data location in Multi-Geo tenants (e.g. "EUR").',
  },
  {
    name: 'xms_pl',
    location: 'payload',
    title: 'User language',
    format: 'string',
    description: "The user's preferred language (optional claim).",
  },
  {
    name: 'xms_tpl',
    location: 'payload',
    title: 'Tenant language',
    format: 'string',
    description: "The tenant's preferred language (optional claim).",
  },
  {
    name: 'xms_tdbr',
    location: 'payload',
    title: 'Tenant data boundary',
    format: 'string',
    description: 'The data boundary of the tenant, e.g. "EU" for the EU Data Boundary (optional claim).',
  },
  {
    name: 'xms_mirid',
    location: 'payload',
    title: 'Managed identity resource ID',
    format: 'string',
    description:
      'For managed identities: the Azure resource ID of the identity (or of the resource it belongs to) that requested the token.',
  },
  {
    name: 'xms_tcdt',
    location: 'payload',
    title: 'Tenant creation time',
    format: 'epoch',
    description: 'When the tenant was created (seconds since 1970, UTC). Informational.',
  },
  // ── AI agents (Microsoft Entra Agent ID) and caller relation ─────────────────────────────────────────
  {
    name: 'xms_act_fct',
    location: 'payload',
    title: 'Actor facets (AI agents)',
    format: 'space-separated',
    source: CLAIM_SOURCES.agent,
    description:
      'Facets of the actor — who performs the call — as space-separated numbers in any order: 11 AgentIdentity (an AI agent), 13 AgentIDUser, 15 AgenticAppBuilder, 17 ServicePrincipalRequiredByAppOnlyClient. With 11, an AI agent is acting (for itself, or for the user the token names). Optional claim.',
  },
  {
    name: 'xms_sub_fct',
    location: 'payload',
    title: 'Subject facets (AI agents)',
    format: 'space-separated',
    source: CLAIM_SOURCES.agent,
    description:
      "Facets of the token's subject, as numbers in any order (the values of xms_act_fct). With 11 the subject is an agent identity, an agent acting as itself (app-only even without idtyp and with oid ≠ sub). With 13 the subject is an agent's own user account, which is not a person. Optional claim.",
  },
  {
    name: 'xms_tnt_fct',
    location: 'payload',
    title: 'Tenant facets',
    format: 'space-separated',
    source: CLAIM_SOURCES.agent,
    description:
      'Facets of the tenant the token is for, as numbers. Microsoft documents them for agent tokens; ClaimCheck shows them and judges nothing on them. Optional claim.',
  },
  {
    name: 'xms_par_app_azp',
    location: 'payload',
    title: "Agent's blueprint (parent app)",
    format: 'guid',
    source: CLAIM_SOURCES.agent,
    neverAuthorizeOn: true,
    description:
      "The application ID of the agent identity blueprint the acting agent was created from. Log it; never authorize on it — the calling app is appid (v1) or azp (v2), which clientApps compares. Its presence marks an agent's token. Optional claim.",
  },
  {
    name: 'xms_idrel',
    location: 'payload',
    title: 'Relation to the tenant',
    format: 'space-separated',
    description:
      'How the caller relates to the tenant, as space-separated numbers. Values: 1 member, 5 guest, 7 service principal, 11 GDAP (partner) user, 13 application without a service principal, 27 multitenant-organization member, 29 multitenant-organization user, 31 DAP user, 33 federated managed identity. Other values are not documented and are ignored. The callers.guests policy reads it. Optional claim.',
  },
  {
    name: 'xms_ftd',
    location: 'payload',
    title: 'Microsoft-internal value',
    format: 'string',
    description:
      "An opaque value that appears in Microsoft's sample agent token. Microsoft documents no use for it by a resource server: do not parse it or authorize on it.",
  },
  {
    name: 'xms_ssm',
    location: 'payload',
    title: 'Microsoft-internal value',
    format: 'string',
    description:
      'A Microsoft extension claim listed in the optional-claims reference with no use for a resource server that ClaimCheck can confirm: do not authorize on it.',
  },
])
