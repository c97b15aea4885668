import { createContext } from '@lit/context'
import type { AuthClient } from './auth-client.js'

/** null: this build has no sign-in, and the Inspect view shows no sign-in control. */
export const authClientContext = createContext<AuthClient | null>(Symbol('claimcheck-auth-client'))
