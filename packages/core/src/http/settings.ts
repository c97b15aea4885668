import { assertKnownKeys } from '../lib/strict-options.js'
import type { GuardSettings } from './guard.js'

/** How answers are worded and where the protection sits. */
export interface AuthorizeOptions {
  /** The `realm` attribute of the challenges. Default: none. */
  realm?: string
  /** Where the handler is mounted (`/api`): 'from-request' matches the path after it. Default: the whole path. */
  mountPath?: string
  /** The Retry-After of a 503 (Entra's keys unavailable), in seconds. Default 30. */
  retryAfterSeconds?: number
}

export const DEFAULT_RETRY_AFTER_SECONDS = 30

/** The options authorize() and createAuthorizer() accept, in one list. */
export const AUTHORIZE_OPTION_KEYS: readonly (keyof AuthorizeOptions)[] = Object.freeze([
  'realm',
  'mountPath',
  'retryAfterSeconds',
])

/** Misuse throws TypeError once, where the protection is configured; an unknown key too (`where` names the call). */
export function resolveSettings(options: AuthorizeOptions = {}, where = 'authorize options'): GuardSettings {
  assertKnownKeys(where, options, AUTHORIZE_OPTION_KEYS)
  const { realm, mountPath = '', retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS } = options
  if (
    realm !== undefined &&
    (typeof realm !== 'string' || !/^[\x20-\x7e]*$/.test(realm) || /["\\]/.test(realm))
  ) {
    throw new TypeError('realm must be printable ASCII without quotes or backslashes')
  }
  if (typeof mountPath !== 'string' || (mountPath !== '' && !mountPath.startsWith('/')))
    throw new TypeError("mountPath must start with '/'")
  if (!Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 1)
    throw new TypeError('retryAfterSeconds must be a positive whole number')
  return { realm, mountPath, retryAfterSeconds }
}
