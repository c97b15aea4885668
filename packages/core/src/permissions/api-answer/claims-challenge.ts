/**
 * What an `insufficient_claims` challenge asks for (Entra's claims-challenge doc): the `claims` value is base64 of a
 * claims request. Two kinds matter: Conditional Access authentication context (`acrs`: the user must satisfy a
 * policy, e.g. step-up MFA) and continuous access evaluation (CAE) revocation (`nbf` essential: the token was
 * revoked before it expired — the session was revoked or the request came from a location or IP the policy does
 * not allow).
 */
export interface ClaimsChallenge {
  kind: 'auth-context' | 'revoked' | 'other'
  /** The decoded claims request (JSON text, at most 2,000 characters), or null when it could not be decoded. */
  claims: string | null
  /** The authentication context value(s) asked for (`c1`…), for `auth-context`. */
  authContext: string[]
}

const MAX_CLAIMS = 4096

function base64Text(value: string): string | null {
  const b64 = value.replace(/-/g, '+').replace(/_/g, '/')
  try {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

function record(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null
}

/** Decodes a challenge's `claims` parameter; never throws. */
export function readClaimsChallenge(claims: string | undefined): ClaimsChallenge {
  const text = claims === undefined || claims.length > MAX_CLAIMS ? null : base64Text(claims.trim())
  let parsed: Record<string, unknown> | null = null
  if (text !== null) {
    try {
      parsed = record(JSON.parse(text))
    } catch {
      parsed = null
    }
  }
  const shown = text === null ? null : text.length > 2000 ? `${text.slice(0, 2000)}…` : text
  const access = record(parsed?.access_token)
  const acrs = record(access?.acrs)
  if (acrs !== null) {
    const value = acrs.value ?? acrs.values
    const list = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')
    return { kind: 'auth-context', claims: shown, authContext: list.slice(0, 16) }
  }
  const nbf = record(access?.nbf)
  if (nbf?.essential === true) return { kind: 'revoked', claims: shown, authContext: [] }
  return { kind: 'other', claims: shown, authContext: [] }
}

/** The advice for a claims challenge: what happened and what the client must do. */
export function claimsChallengeAdvice(c: ClaimsChallenge): string[] {
  const msal =
    'The client must request a new token passing this claims value to MSAL (the claims request parameter: WithClaims / claims), which it can do only if it declares the client capability "cp1" (MSAL clientCapabilities: ["cp1"]); the user may have to sign in again.'
  switch (c.kind) {
    case 'revoked':
      return [
        "Continuous access evaluation revoked this token before it expired: the user's session was revoked (password change or reset, account disabled, sign-out everywhere, high user risk) or the call came from a location or IP address the Conditional Access policy does not allow. A new token from the same session will not do.",
        msal,
      ]
    case 'auth-context':
      return [
        `The API needs the Conditional Access authentication context ${c.authContext.map((v) => `"${v}"`).join(', ') || '(unnamed)'}: the user must satisfy that policy (for example step-up MFA).`,
        msal,
      ]
    case 'other':
      return [
        'The API sent a claims challenge (Conditional Access or continuous access evaluation): the token lacks claims the API requires.',
        msal,
      ]
  }
}
