import type { Finding } from '../../findings/finding.js'
import { makeFinding } from '../../findings/make-finding.js'
import type { TokenFacts } from '../../report/report.js'

export function checkClientApp(facts: TokenFacts, clientApps: readonly string[] | undefined): Finding[] {
  if (clientApps === undefined) return []
  const client = facts.appId
  if (client !== null && clientApps.some((c) => c.toLowerCase() === client.toLowerCase())) return []
  const claim = facts.version === '2.0' ? 'azp' : 'appid'
  return [
    makeFinding(
      'client-app-not-allowed',
      client === null
        ? `The token names no calling app (no appid or azp); allowed: ${clientApps.join(', ')}.`
        : `The token was requested by app ${client}, which is not allowed (allowed: ${clientApps.join(', ') || 'none'}).`,
      { claim, expected: [...clientApps], actual: client },
    ),
  ]
}
