import type { FindingCode } from '../findings/catalogue.js'
import type { RequirementOptions } from '../token/options.js'
import type { AgentMode } from '../token/caller.js'
import type { GrantOptions, ReportVerifier } from '../testing/verdicts.js'
import './matchers.js'

/** The matchers `import '@claimcheck/core/vitest'` adds to `expect`. */
export interface ClaimCheckMatchers<R = unknown> {
  /** The token's permissions allow the operation on the API: `await expect(token).toGrant('GET /api/alerts', { api: 'mde' })`. */
  toGrant(operation: string, options?: GrantOptions): Promise<R>
  /** The verifier accepts the token (and it grants the operation, if named): `await expect(token).toBeAcceptedBy(verifier)`. */
  toBeAcceptedBy(verifier: ReportVerifier, options?: RequirementOptions): Promise<R>
  /** The Report (from inspectToken or verify) carries this finding code. */
  toHaveFinding(code: FindingCode): R
  /** The token (or Report) is an AI agent's, optionally of one mode: `expect(token).toBeAgent('autonomous')`. */
  toBeAgent(mode?: AgentMode): R
}

declare module 'vitest' {
  // vitest's public extension point (vitest.dev/guide/extending-matchers): `Matchers<T>` is merged into every
  // `expect(...)` Assertion and into `expect` itself (asymmetric `expect.toHaveFinding(code)`). Augmenting `Assertion` itself did not reach consumers (TS2339 'toGrant' does not exist on
  // 'Assertion<string>'), as the declarations must repeat vitest's own type parameters exactly, default included.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars, @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends ClaimCheckMatchers<void> {}
}

export { claimcheckMatchers } from './matchers.js'
