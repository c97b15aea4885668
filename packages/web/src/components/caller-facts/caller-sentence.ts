import type { TokenFacts } from '@claimcheck/core'

/**
 * Who calls, in words, for the banner (issue 23): "AI agent <id> acting for user <upn>", "AI agent <id> acting as
 * itself", a guest, a partner administrator, a managed identity, an External ID or B2C token. null when the token says
 * nothing beyond its kind. The sentence is core's (report.token.caller.summary), so the page and the CLI agree.
 */
export function callerSentence(facts: TokenFacts): string | null {
  const c = facts.caller
  const parts: string[] = []
  if (c.agent !== null || c.relation === 'guest' || c.relation === 'gdap-user' || c.relation === 'dap-user')
    parts.push(c.summary)
  else if (c.credential === 'managed-identity') parts.push('A managed identity')
  if (facts.issuerType === 'external-id') parts.push('Microsoft Entra External ID tenant (ciamlogin.com)')
  if (facts.issuerType === 'b2c') parts.push('Azure AD B2C token: ClaimCheck does not verify B2C tokens')
  return parts.length > 0 ? parts.join(' · ') : null
}
