/** The parts of an MSAL AuthError (or any thrown value) a failure is explained from. */
interface ErrorLike {
  errorCode?: unknown
  errorMessage?: unknown
  subError?: unknown
  message?: unknown
  /** Entra's error number, which MSAL keeps from the token endpoint's error_codes. */
  errorNo?: unknown
}

/** MSAL's error codes for "no popup could be opened" (blocked, or window.open refused). */
export const POPUP_BLOCKED_CODES: readonly string[] = ['empty_window_error', 'popup_window_error']

const AADSTS = /AADSTS\d{3,9}/

function text(v: unknown): string {
  return typeof v === 'string' ? v : ''
}

/** Entra's descriptions end with trace and correlation IDs and a timestamp: noise for the person reading. */
function firstLine(message: string): string {
  const cut = message.search(/(?<!\s)\s*(?:Trace ID|Correlation ID|Timestamp):/i)
  return (cut >= 0 ? message.slice(0, cut) : message).trim()
}

/**
 * The code and message of a sign-in failure: the AADSTS code when Entra sent one (MSAL puts Entra's
 * error_description into its message), otherwise MSAL's own error code. Never throws.
 */
export function describeAuthFailure(error: unknown): { code: string; message: string } {
  const e: ErrorLike = typeof error === 'object' && error !== null ? (error as ErrorLike) : {}
  const message = text(e.errorMessage) || text(e.message) || String(error)
  const errorNo = text(e.errorNo)
  const aadsts = AADSTS.exec(message)?.[0] ?? (/^\d{3,9}$/.test(errorNo) ? `AADSTS${errorNo}` : undefined)
  const code = aadsts ?? (text(e.errorCode) || 'unknown_error')
  const sub = text(e.subError)
  return { code, message: firstLine(message) + (sub !== '' && aadsts === undefined ? ` (${sub})` : '') }
}

/** Is this failure "no popup window could be opened"? */
export function isPopupBlocked(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as ErrorLike).errorCode : undefined
  return typeof code === 'string' && POPUP_BLOCKED_CODES.includes(code)
}
