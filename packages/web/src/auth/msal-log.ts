/** One line MSAL logged, kept in this page's memory only (never the console, never storage). */
export interface MsalLogEntry {
  level: 'error' | 'warning'
  message: string
}

/** A JWT's first segment anywhere in a line: such a line is dropped whole. */
const TOKEN_LIKE = /eyJ[A-Za-z0-9_-]{8,}/

/**
 * The sink for MSAL's logger. MSAL flags messages that carry personal data (`containsPii`); those are dropped
 * before anything else happens, and so is any line that looks like it carries a token, should MSAL ever slip.
 * Only errors and warnings are kept (MSAL's levels: 0 error, 1 warning, higher is more detail), at most `limit`.
 */
export class MsalLog {
  private entries: MsalLogEntry[] = []

  constructor(private readonly limit = 20) {}

  /** MSAL's `loggerCallback`. */
  readonly callback = (level: number, message: string, containsPii: boolean): void => {
    if (containsPii) return
    if (level > 1 || TOKEN_LIKE.test(message)) return
    this.entries.push({ level: level === 0 ? 'error' : 'warning', message })
    if (this.entries.length > this.limit) this.entries.shift()
  }

  /** What was logged since the last take, oldest first; the log is empty afterwards. */
  take(): MsalLogEntry[] {
    const taken = this.entries
    this.entries = []
    return taken
  }
}
