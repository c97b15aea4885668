import type { FindingCode } from './catalogue.js'

export type Severity = 'error' | 'warning' | 'info'

/** One diagnosis. `code` is stable and documented in docs/findings.md; `message` may improve over time. */
export interface Finding {
  code: FindingCode
  severity: Severity
  message: string
  fix?: string
  claim?: string
  expected?: unknown
  actual?: unknown
}
