import { buildAdminConsentUrl } from '../consent/consent-url.js'
import { buildClientCredentialsRequest } from '../consent/token-request.js'
import { CLOUDS, isCloudName } from '../entra/clouds.js'
import { readClock } from '../token/options.js'
import { classifyErrorAnswer, networkError, timeoutError } from './classify-error.js'
import type { PreparedCredential } from './client-credential.js'
import { judgeToken } from './judge-token.js'
import type { ResolvedOptions } from './options.js'
import type { TenantError, TenantResult } from './result.js'
import { backoffMs, retryAfterMs } from './retry.js'
import type { Scrubber } from './scrub.js'
import type { TenantEntry } from './tenant-list.js'
import { postTokenRequest } from './token-response.js'

/** What one tenant's check needs from the run. */
export interface TenantContext extends ResolvedOptions {
  credential: PreparedCredential
  scrub: Scrubber
  countRequest: () => void
}

/**
 * One tenant, start to end: its consent link, the token request (with retries within the run's budget), and an
 * outcome. Never throws: every failure is an outcome.
 */
export async function checkTenant(
  entry: TenantEntry,
  ctx: TenantContext,
  signal: AbortSignal,
): Promise<TenantResult> {
  const tenant = entry.tenant.trim()
  const cloud = entry.cloud ?? ctx.cloud
  const consentUrl = isCloudName(cloud)
    ? buildAdminConsentUrl({
        clientId: ctx.clientId,
        tenant,
        cloud,
        api: ctx.requirement.api,
        form: 'v2',
        ...(ctx.consent.redirectUri !== undefined ? { redirectUri: ctx.consent.redirectUri } : {}),
        ...(ctx.consent.random !== undefined ? { random: ctx.consent.random } : {}),
      }).url
    : null
  const none = { roles: [], required: [], missing: [], token: null, consentUrl }
  if (!isCloudName(cloud)) {
    return {
      ...none,
      tenant,
      cloud: ctx.cloud,
      outcome: 'tenant-not-found',
      reason: `"${String(cloud)}" is not a cloud ClaimCheck knows.`,
      error: inputError(`Unknown cloud "${String(cloud)}".`),
      attempts: 0,
    }
  }
  const request = buildClientCredentialsRequest({
    tenant,
    clientId: ctx.clientId,
    api: ctx.requirement.api,
    cloud,
    version: 'v2',
  })
  if (!request.ok) {
    const first = request.findings.find((f) => f.severity === 'error')
    const noApi = first?.code === 'api-not-in-cloud'
    return {
      ...none,
      tenant,
      cloud,
      outcome: noApi ? 'api-not-in-tenant' : 'tenant-not-found',
      reason: first?.message ?? 'The tenant cannot be asked for an app-only token.',
      error: inputError(first?.message ?? 'Invalid tenant.'),
      attempts: 0,
    }
  }
  const url =
    ctx.authority === null
      ? request.url
      : `${ctx.authority}${request.url.slice(CLOUDS[cloud].authority.length)}`

  let lastError: TenantError = networkError()
  for (let attempt = 1; ; attempt++) {
    let fields: Record<string, string>
    try {
      fields = await ctx.credential.fields(
        { tenant, clientId: ctx.clientId, tokenUrl: url },
        readClock(ctx.now),
      )
    } catch {
      return {
        ...none,
        tenant,
        cloud,
        outcome: 'credential-problem',
        attempts: attempt - 1,
        reason: 'No client assertion could be had from the federated credential; nothing was sent.',
        error: {
          source: 'credential',
          code: null,
          httpStatus: null,
          oauthError: null,
          meaning: 'The federated credential function failed or returned no assertion.',
          fix: 'Check the workload identity that supplies the assertion.',
          description: null,
          lookupUrl: null,
          findings: [],
        },
      }
    }
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: ctx.clientId,
      scope: request.scope,
      ...fields,
    })
    ctx.countRequest()
    const answer = await postTokenRequest({ fetch: ctx.fetch, url, body, timeoutMs: ctx.timeoutMs, signal })
    // A per-request assertion (a certificate's, a federated function's) is hidden like the secret known up front.
    const perRequest = [fields.client_secret, fields.client_assertion].filter(
      (v): v is string => v !== undefined,
    )
    if (answer.kind === 'token') {
      const judged = judgeToken(
        answer.accessToken,
        tenant,
        ctx.requirement,
        ctx.now ?? (() => new Date()),
        ctx.clientId,
      )
      return { ...judged, tenant, cloud, consentUrl, attempts: attempt }
    }
    let retryAfter: number | null = null
    if (answer.kind === 'error') {
      const verdict = classifyErrorAnswer(answer.status, answer.body, ctx.scrub.with(perRequest))
      if (verdict.settle) {
        return {
          ...none,
          tenant,
          cloud,
          outcome: verdict.outcome,
          reason: reasonFor(verdict.error),
          error: verdict.error,
          attempts: attempt,
        }
      }
      lastError = verdict.error
      if (verdict.retry === 'throttled') retryAfter = retryAfterMs(answer.retryAfter, readClock(ctx.now))
    } else {
      lastError = answer.kind === 'timeout' ? timeoutError(ctx.timeoutMs) : networkError()
    }
    const giveUp = (why: string): TenantResult => ({
      ...none,
      tenant,
      cloud,
      outcome: 'unavailable',
      reason: `${lastError.meaning} ${why}`,
      error: lastError,
      attempts: attempt,
    })
    if (signal.aborted) return giveUp('The run was abandoned.')
    if (retryAfter !== null && retryAfter > ctx.retry.maxRetryAfterMs)
      return giveUp(`Entra asked to wait ${Math.ceil(retryAfter / 1000)} s, longer than this run waits.`)
    if (attempt >= ctx.retry.maxAttempts) return giveUp(`Gave up after ${attempt} attempts.`)
    if (!ctx.retry.take()) return giveUp("The run's retry budget is spent.")
    await ctx.sleep(retryAfter ?? backoffMs(attempt, ctx.retry, ctx.random), signal)
  }
}

function inputError(meaning: string): TenantError {
  return {
    source: 'input',
    code: null,
    httpStatus: null,
    oauthError: null,
    meaning,
    fix: "Give the customer's tenant ID (GUID) or a verified domain, and its cloud.",
    description: null,
    lookupUrl: null,
    findings: [],
  }
}

function reasonFor(error: TenantError): string {
  return error.code === null ? error.meaning : `${error.code}: ${error.meaning}`
}
