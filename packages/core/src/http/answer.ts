/** The JSON body of every refusal: small, stable, and never carrying anything from the token. */
export interface RefusalBody {
  /**
   * `unauthorized` (no credentials), `invalid_request` (a malformed Authorization header), `invalid_token`,
   * `insufficient_scope`, `insufficient_claims`, `temporarily_unavailable`, `server_error` (the verifier could not
   * finish).
   */
  error: RefusalError
  /**
   * The finding code that decided (docs/findings.md, or `auth-context-missing`), null when no token was sent. Every
   * refusal before the signature is proven reads `token-not-verified`; the Report keeps the detail.
   */
  finding: string | null
  /** What the caller can do about it. */
  fix: string
}

export type RefusalError =
  | 'unauthorized'
  | 'invalid_request'
  | 'invalid_token'
  | 'insufficient_scope'
  | 'insufficient_claims'
  | 'temporarily_unavailable'
  | 'server_error'

/** A refusal as plain data: each adapter writes it with its framework's own response API. */
export interface Refusal {
  status: 400 | 401 | 403 | 500 | 503
  headers: Readonly<Record<string, string>>
  body: RefusalBody
}

/** The refusal as a Fetch API Response (Workers, Deno, Bun, Next.js route handlers). */
export function toResponse(refusal: Refusal): Response {
  return new Response(JSON.stringify(refusal.body), { status: refusal.status, headers: refusal.headers })
}
