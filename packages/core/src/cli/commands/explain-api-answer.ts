import {
  explainApiResponse,
  type ApiResponseExplanation,
} from '../../permissions/api-answer/explain-api-response.js'
import { API_RESOURCES, isKnownApiId } from '../../entra/apis.js'
import { EXIT_OK, type CliIO } from '../io.js'
import { makeStyle, useColour } from '../output/style.js'
import { escapeForTerminal as safeText, toJsonText } from '../output/escape.js'

function render(e: ApiResponseExplanation, colour: boolean): string {
  const st = makeStyle(colour)
  // The answer names its API; when only the token could tell, say so (the answer itself did not).
  const who =
    e.api === null
      ? 'the API'
      : `${API_RESOURCES[e.api].name}${e.apiFrom === 'token' ? " (the token's API; the answer does not say)" : ''}`
  const lines = [
    `${st.bold(`${e.status ?? ''} answer from ${who}`)} (${e.form ?? 'unknown form'}${e.errorCode !== null ? `, ${safeText(e.errorCode)}` : ''})`,
  ]
  if (e.tokenForAnotherApi && e.tokenApi !== null)
    lines.push(
      `  your token is for: ${isKnownApiId(e.tokenApi) ? API_RESOURCES[e.tokenApi].name : 'another API'}, not ${who}`,
    )
  if (e.message !== null) lines.push(`  message: ${safeText(e.message)}`)
  if (e.claimsChallenge !== null) {
    const c = e.claimsChallenge
    lines.push(
      `  claims challenge: ${c.kind === 'revoked' ? 'token revoked by continuous access evaluation' : c.kind === 'auth-context' ? `authentication context ${safeText(c.authContext.join(', '))}` : 'claims the token lacks'}`,
    )
    if (c.claims !== null) lines.push(`  claims: ${safeText(c.claims)}`)
  }
  if (e.form === 'too-many-requests') {
    lines.push(`  retry after: ${e.retryAfterSeconds === null ? 'not given' : `${e.retryAfterSeconds} s`}`)
    for (const limit of e.rateLimits) lines.push(`  documented limit: ${limit}`)
  }
  if (e.required.length > 0)
    lines.push(
      `  the API needs (any one${e.kind !== null ? `, ${e.kind}` : ''}): ${safeText(e.required.join(', '))}`,
    )
  if (e.tokenHad !== null)
    lines.push(`  the token had: ${e.tokenHad.length === 0 ? 'none' : safeText(e.tokenHad.join(', '))}`)
  if (e.add !== null) {
    lines.push(
      `  ${st.bold('add:')} ${safeText(e.add.permission)} (${e.add.kind} permission${isKnownApiId(e.add.api) ? `, ${API_RESOURCES[e.add.api].name}` : ''})${e.add.alreadyInToken ? ' — the token already holds a required permission' : ''}`,
    )
    if (e.add.consentLink !== null) lines.push(`  admin consent: ${e.add.consentLink}`)
  }
  lines.push('', ...e.advice.map((a) => `${st.bold('Fix:')} ${safeText(a)}`))
  return `${lines.join('\n')}\n`
}

/**
 * `claimcheck explain '<401/403 body or WWW-Authenticate header>' [--token <jwt>]`: null when the text is not an
 * API answer ClaimCheck recognises (explain then tries finding codes, AADSTS codes and claims), else the exit code.
 */
export function explainApiAnswerCli(
  text: string,
  options: { token?: string; now?: Date; json: boolean },
  io: CliIO,
): number | null {
  const e = explainApiResponse(text, {
    ...(options.token !== undefined ? { token: options.token } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
  })
  // An Entra error keeps explain's own AADSTS answer (its --json shape and exit code).
  if (!e.recognized || e.form === 'aadsts') return null
  io.stdout(
    options.json
      ? toJsonText({ code: e.form, meaning: e.message, fix: e.advice[0] ?? null, ...e })
      : render(e, useColour(io)),
  )
  return EXIT_OK
}
