import {
  BrowserCacheLocation,
  InteractionRequiredAuthError,
  LogLevel,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
} from '@azure/msal-browser'
import { CLOUDS, type CloudName } from '@claimcheck/core'
import type { AuthClient, TokenCacheChoice, TokenRequest, TokenResult } from './auth-client.js'
import { describeAuthFailure, isPopupBlocked } from './auth-errors.js'
import { MsalLog } from './msal-log.js'
import { redirectBridgeUri } from './redirect-uri.js'

// The only module that imports MSAL. It is reached through createLazyAuthClient's import() alone, so MSAL is a
// chunk of its own that loads when the person first presses "Sign in".

export function authorityFor(cloud: CloudName, tenant: string): string {
  return `${CLOUDS[cloud].authority}/${tenant}`
}

export interface MsalSettings {
  clientId: string
  authority: string
  cache: TokenCacheChoice
  redirectUri: string
  log: MsalLog
}

/** MSAL's configuration: tokens in memory unless the person chose session storage; a logger that takes no PII. */
export function msalConfiguration(s: MsalSettings): Configuration {
  return {
    auth: {
      clientId: s.clientId,
      authority: s.authority,
      redirectUri: s.redirectUri,
      postLogoutRedirectUri: null,
    },
    cache: {
      cacheLocation:
        s.cache === 'session' ? BrowserCacheLocation.SessionStorage : BrowserCacheLocation.MemoryStorage,
    },
    system: {
      loggerOptions: { loggerCallback: s.log.callback, piiLoggingEnabled: false, logLevel: LogLevel.Warning },
    },
  }
}

interface Instance {
  /** One client at a time, for one app registration and cache choice; tenant and cloud vary per request. */
  key: string
  app: PublicClientApplication
  /** initialize() then handleRedirectPromise(), once: the result of a redirect sign-in that brought the page back. */
  started: Promise<AuthenticationResult | null>
}

function success(result: AuthenticationResult, interactive: boolean): TokenResult {
  const account: AccountInfo | null = result.account
  return {
    ok: true,
    accessToken: result.accessToken,
    scopes: result.scopes,
    interactive,
    account: {
      name: account?.name ?? null,
      username: account?.username ?? null,
      tenantId: result.tenantId || account?.tenantId || null,
    },
  }
}

export interface MsalAuthClientOptions {
  /** The page's URL, for the redirect bridge's address (default: this document's). */
  pageUrl?: string
}

/**
 * Sign-in with MSAL done by the book: one PublicClientApplication, initialised and its redirect promise handled
 * once; silent first, a popup only when Entra requires interaction, a redirect only when no popup can open and
 * the person chose session storage (MSAL refuses redirects with an in-memory cache).
 */
export function createMsalAuthClient(options: MsalAuthClientOptions = {}): AuthClient & { log: MsalLog } {
  const log = new MsalLog()
  const pageUrl = options.pageUrl ?? document.baseURI
  let current: Instance | null = null

  async function instanceFor(request: TokenRequest, authority: string): Promise<Instance> {
    const cache = request.cache ?? 'memory'
    const key = `${request.clientId}|${cache}`
    if (current !== null && current.key === key) return current
    // Another app registration or cache choice: the old client's tokens are dropped before the new one exists.
    if (current !== null) await forget(current)
    const app = new PublicClientApplication(
      msalConfiguration({
        clientId: request.clientId,
        authority,
        cache,
        redirectUri: redirectBridgeUri(pageUrl),
        log,
      }),
    )
    const started = app.initialize().then(() => app.handleRedirectPromise())
    current = { key, app, started }
    return current
  }

  async function forget(instance: Instance): Promise<void> {
    await instance.started.catch(() => null)
    instance.app.setActiveAccount(null)
    await instance.app.clearCache()
  }

  async function acquire(request: TokenRequest): Promise<TokenResult> {
    const authority = authorityFor(request.cloud, request.tenant)
    const { app, started } = await instanceFor(request, authority)
    const redirected = await started
    if (redirected !== null) {
      app.setActiveAccount(redirected.account)
      return success(redirected, true)
    }
    const scopes = [...request.scopes]
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0] ?? null
    if (account !== null) {
      try {
        return success(await app.acquireTokenSilent({ scopes, authority, account }), false)
      } catch (e) {
        if (!(e instanceof InteractionRequiredAuthError)) throw e
      }
    }
    try {
      const result = await app.acquireTokenPopup({
        scopes,
        authority,
        ...(account === null ? { prompt: 'select_account' } : { account }),
      })
      app.setActiveAccount(result.account)
      return success(result, true)
    } catch (e) {
      if (!isPopupBlocked(e)) throw e
      if ((request.cache ?? 'memory') !== 'session') {
        return {
          ok: false,
          code: 'popups-blocked',
          message:
            'The browser blocked the sign-in window. Allow pop-ups for this page, or choose session storage for the token cache to sign in by redirect instead.',
        }
      }
      await app.acquireTokenRedirect({
        scopes,
        authority,
        ...(account === null ? { prompt: 'select_account' } : { account }),
      })
      return { ok: false, code: 'redirecting', message: 'Continuing the sign-in in this tab…' }
    }
  }

  return {
    log,
    async acquireToken(request: TokenRequest): Promise<TokenResult> {
      log.take()
      try {
        return await acquire(request)
      } catch (e) {
        return {
          ok: false,
          ...describeAuthFailure(e),
          log: log.take().map((l) => `${l.level}: ${l.message}`),
        }
      }
    },
    async signOut(): Promise<void> {
      if (current === null) return
      const instance = current
      current = null
      // Local sign-out: the tokens and accounts this page holds are dropped; the Entra session is left alone.
      await forget(instance).catch(() => undefined)
      log.take()
    },
  }
}
