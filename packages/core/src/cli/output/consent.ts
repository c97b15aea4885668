import type { AdminConsentLink } from '../../consent/consent-url.js'
import type { ConsentRedirectResult } from '../../consent/consent-redirect.js'
import type { AadstsExplanation } from '../../consent/explain-aadsts.js'
import type { Finding } from '../../findings/finding.js'
import { CLOUDS } from '../../entra/clouds.js'
import { makeStyle, type Style } from './style.js'
import { escapeForTerminal } from './escape.js'

function renderFindings(findings: readonly Finding[], st: Style): string[] {
  const out: string[] = []
  for (const [sev, label, colour] of [
    ['error', 'Errors', st.red],
    ['warning', 'Warnings', st.yellow],
    ['info', 'Notes', st.dim],
  ] as const) {
    const list = findings.filter((f) => f.severity === sev)
    if (list.length === 0) continue
    out.push('', st.bold(`${label} (${list.length})`))
    for (const f of list) {
      out.push(`  ${colour(f.code)}: ${escapeForTerminal(f.message)}`)
      if (f.fix) out.push(`    fix: ${escapeForTerminal(f.fix)}`)
    }
  }
  return out
}

export function renderConsentLink(link: AdminConsentLink, colour: boolean): string {
  const st = makeStyle(colour)
  const out = [
    st.bold(`Admin-consent link (${link.form}, ${CLOUDS[link.cloud].label}):`),
    '',
    `  ${link.url === null ? '(none)' : escapeForTerminal(link.url)}`,
    '',
    st.bold('What the administrator will approve:'),
    `  ${link.description}`,
  ]
  if (link.state !== null) {
    out.push(
      '',
      `State: ${escapeForTerminal(link.state)}`,
      st.dim(
        `  Check what comes back: claimcheck consent-result '<redirect URL>' --expected-state ${escapeForTerminal(link.state)}`,
      ),
    )
  }
  out.push(...renderFindings(link.findings, st))
  return `${out.join('\n')}\n`
}

export function renderConsentResult(result: ConsentRedirectResult, colour: boolean): string {
  const st = makeStyle(colour)
  const out: string[] = []
  if (result.error) {
    out.push(`${st.red(st.bold('CONSENT FAILED'))}: ${escapeForTerminal(result.error.code)}`)
    if (result.error.description) out.push(`  Entra said: ${escapeForTerminal(result.error.description)}`)
    out.push(`  meaning: ${result.error.meaning}`)
    if (result.error.cause) out.push(`  likely cause: ${result.error.cause}`)
    out.push(`  fix: ${result.error.fix}`)
  } else if (result.adminConsent) {
    out.push(
      `${result.ok ? st.green(st.bold('CONSENT GRANTED')) : st.red(st.bold('CONSENT GRANTED, BUT'))}: admin_consent=True${result.tenant ? ` for tenant ${escapeForTerminal(result.tenant)}` : ''}`,
    )
  } else if (result.codeReturned) {
    out.push(
      `${st.green(st.bold('CODE RETURNED'))}: sign-in and consent succeeded (organization-wide consent not stated)`,
    )
  } else {
    out.push(`${st.red(st.bold('NOT A CONSENT RESULT'))}`)
  }
  if (result.scope !== null) out.push(`  scope: ${escapeForTerminal(result.scope)}`)
  if (result.state !== null) out.push(`  state: ${escapeForTerminal(result.state)}`)
  out.push(...renderFindings(result.findings, st))
  return `${out.join('\n')}\n`
}

export function renderAadsts(e: AadstsExplanation, colour: boolean): string {
  const st = makeStyle(colour)
  const out = [
    `${st.bold(escapeForTerminal(e.code))}${e.name ? ` (${e.name})` : ''}${e.known ? '' : ` — ${st.yellow('unknown code')}`}`,
    '',
  ]
  if (e.description) out.push(`Entra said: ${escapeForTerminal(e.description)}`, '')
  out.push(e.meaning)
  if (e.cause) out.push('', `Likely cause: ${e.cause}`)
  out.push('', `Fix: ${e.fix}`)
  if (e.otherCodes.length > 0)
    out.push('', `Also in the input: ${escapeForTerminal(e.otherCodes.join(', '))}`)
  out.push('', st.dim(`Lookup: ${escapeForTerminal(e.lookupUrl)}`))
  if (e.sources.length > 0) out.push(st.dim(`Sources: ${e.sources.map((s) => s.url ?? s.title).join('; ')}`))
  return `${out.join('\n')}\n`
}
