import type { Report } from '../report/report.js'

/**
 * Thrown by the kit's assertions. `code` is stable; `report` is the Report the verdict was drawn from,
 * so a test framework (or a person) can look further than the message.
 */
export class TokenAssertionError extends Error {
  readonly code = 'ERR_CLAIMCHECK_ASSERTION'
  readonly report: Report

  constructor(message: string, report: Report) {
    super(message)
    this.name = 'TokenAssertionError'
    this.report = report
  }
}
