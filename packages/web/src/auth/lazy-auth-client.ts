import type { AuthClient, TokenRequest, TokenResult } from './auth-client.js'

/**
 * An AuthClient that loads its implementation on first use: pass `() => import('./msal-auth-client.js')…` and the
 * bundler splits MSAL into its own chunk, fetched only when the user asks to sign in.
 */
export function createLazyAuthClient(load: () => Promise<AuthClient>): AuthClient {
  let loaded: Promise<AuthClient> | null = null
  const client = (): Promise<AuthClient> => (loaded ??= load())
  return {
    async acquireToken(request: TokenRequest): Promise<TokenResult> {
      return (await client()).acquireToken(request)
    },
    async signOut(): Promise<void> {
      // Nothing to sign out of when the implementation was never loaded.
      if (loaded !== null) await (await loaded).signOut()
    },
  }
}
