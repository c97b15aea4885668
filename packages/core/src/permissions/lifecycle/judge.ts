import { API_RESOURCES, isKnownApiId } from '../../entra/apis.js'
import type { Finding } from '../../findings/finding.js'
import { makeFinding } from '../../findings/make-finding.js'
import type { PermissionReport, TokenFacts } from '../../report/report.js'
import { adminConsentLink } from '../admin-consent-link.js'
import type { LifecycleReplacement, OperationLifecycle, PermissionKind } from '../types.js'
import { retiredApiForAudience } from './retired-apis.js'
import { lifecycleStateAt } from './state.js'

/** The permissions the replacement needs in this token's context (application unless the token is delegated). */
export function replacementPermissions(
  replacement: LifecycleReplacement | undefined,
  context: PermissionKind,
): readonly string[] {
  if (!replacement) return []
  return (context === 'delegated' ? replacement.delegated : replacement.application) ?? []
}

function apiName(api: string): string {
  return isKnownApiId(api) ? API_RESOURCES[api].name : api
}

/** "Microsoft Graph POST /security/runHuntingQuery (application permission ThreatHunting.Read.All)". */
export function describeReplacement(replacement: LifecycleReplacement, context: PermissionKind): string {
  const perms = replacementPermissions(replacement, context)
  const what = replacement.operation ?? replacement.note ?? 'its successor'
  const needs = perms.length > 0 ? ` (${context} permission ${perms.join(' or ')})` : ''
  return `${apiName(replacement.api)} ${what}${needs}`
}

interface Subject {
  what: string
  lifecycle: OperationLifecycle
}

function subjectsOf(facts: TokenFacts | null, permissions: PermissionReport | null): Subject[] {
  const out: Subject[] = []
  const retired = retiredApiForAudience(facts?.audience)
  if (retired) out.push({ what: `A token for ${retired.name}`, lifecycle: retired.lifecycle })
  if (permissions?.lifecycle && permissions.operation)
    out.push({ what: permissions.operation, lifecycle: permissions.lifecycle })
  return out
}

/**
 * The lifecycle verdicts for one call, at `nowMs`: `operation-retiring` (a warning: it works today) before the date,
 * `operation-retired` (an error: refused) from it on. Applied after the permission decision and outside every cache:
 * the decision carries the operation's lifecycle as data; only this function reads the clock for it.
 */
export function lifecycleFindings(
  facts: TokenFacts | null,
  permissions: PermissionReport | null,
  nowMs: number,
): Finding[] {
  const findings: Finding[] = []
  const context: PermissionKind =
    permissions?.context === 'delegated' || facts?.kind === 'delegated' ? 'delegated' : 'application'
  for (const { what, lifecycle } of subjectsOf(facts, permissions)) {
    const at = lifecycleStateAt(lifecycle, nowMs)
    if (at.state !== 'retiring' && at.state !== 'retired') continue
    const replacement = lifecycle.replacement
    const toAdd = replacementPermissions(replacement, context)
    const resource =
      replacement && isKnownApiId(replacement.api)
        ? API_RESOURCES[replacement.api].resourceByCloud[facts?.cloud ?? 'public']
        : undefined
    const link = adminConsentLink(facts?.tenantId, facts?.appId, facts?.cloud)
    const move = replacement
      ? `Move to ${describeReplacement(replacement, context)}${
          toAdd.length > 0
            ? `: add ${toAdd[0]} (${apiName(replacement.api)}, ${context}) to the app${link ? `, have an admin grant consent (${link})` : ', have an admin grant consent'}`
            : ''
        }${resource ? `, and request tokens for ${resource}/.default` : ''}.`
      : 'Move off it before the date.'
    const source = lifecycle.announced
      ? ` Source: ${lifecycle.announced.source}${lifecycle.announced.verified === false ? ' (date not publicly verifiable)' : ''}, checked ${lifecycle.announced.checked}.`
      : ''
    const details = {
      fix: move,
      expected: replacement?.operation ?? replacement?.note ?? null,
      actual: {
        date: at.date,
        ...(at.state === 'retiring' ? { daysLeft: at.daysLeft } : {}),
        permissionsToAdd: [...toAdd],
        adminConsentLink: link,
      },
    }
    findings.push(
      at.state === 'retiring'
        ? makeFinding(
            'operation-retiring',
            `${what} works today but stops working on ${at.date} (${at.daysLeft} day${at.daysLeft === 1 ? '' : 's'} left).${source}`,
            details,
          )
        : makeFinding(
            'operation-retired',
            `${what} was retired${at.date ? ` on ${at.date}` : ''}: the call is refused.${source}`,
            details,
          ),
    )
  }
  return findings
}
