import { FINDINGS, type Report, type RequirementOptions } from '@claimcheck/core'

/** What the handler needs from `createVerifier(...)`: typed structurally, so the example shows the whole contract. */
export interface TokenVerifier {
  verify(raw: string, request?: RequirementOptions): Promise<Report>
}

export type Authorization = { ok: true; report: Report } | { ok: false; response: Response }

const REALM = 'defender-proxy-api'

function challenge(status: 401 | 403, attributes: Record<string, string>, body: unknown): Response {
  const params = [
    `realm="${REALM}"`,
    ...Object.entries(attributes).map(([k, v]) => `${k}="${v.replaceAll('"', "'")}"`),
  ]
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'www-authenticate': `Bearer ${params.join(', ')}`,
    },
  })
}

/**
 * RFC 6750: no credentials → 401 without an error code; a token that is not good (expired, forged, other
 * tenant, other API) → 401 invalid_token; a good token without the permission → 403 insufficient_scope.
 * The finding codes go back to the caller: they name what to fix and reveal nothing the caller's own token does not.
 */
export async function authorize(
  verifier: TokenVerifier,
  request: Request,
  operation: string,
): Promise<Authorization> {
  const header = request.headers.get('authorization')
  const match = header === null ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)
  if (match === null) {
    return {
      ok: false,
      response: challenge(
        401,
        {},
        { error: { code: 'Unauthorized', message: 'Send an access token: Authorization: Bearer <token>.' } },
      ),
    }
  }
  const report = await verifier.verify(match[1] as string, { api: 'mde', operation })
  const errors = report.findings.filter((f) => f.severity === 'error')
  const codes = errors.map((f) => f.code)
  if (report.ok && report.permissions.satisfied === true) return { ok: true, report }

  // Only when everything but the permission check passed is the answer "forbidden"; any other error means the token itself is refused.
  const permissionOnly =
    report.signature.status === 'valid' && errors.every((f) => FINDINGS[f.code].area === 'permissions')
  if (permissionOnly) {
    const needed = report.permissions.required.join(' ')
    return {
      ok: false,
      response: challenge(
        403,
        { error: 'insufficient_scope', ...(needed.length > 0 ? { scope: needed } : {}) },
        {
          error: {
            code: 'Forbidden',
            message: `${operation} needs one of: ${report.permissions.required.join(', ') || '(unknown)'}.`,
            findings: codes,
          },
        },
      ),
    }
  }
  return {
    ok: false,
    response: challenge(
      401,
      { error: 'invalid_token' },
      { error: { code: 'Unauthorized', message: 'The access token was refused.', findings: codes } },
    ),
  }
}
