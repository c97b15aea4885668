import { parseArgs } from 'node:util'
import { parseConsentRedirect } from '../../consent/consent-redirect.js'
import { withUsageErrors } from '../args.js'
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, readAll, type CliIO } from '../io.js'
import { renderConsentResult } from '../output/consent.js'
import { toJsonText } from '../output/escape.js'
import { useColour } from '../output/style.js'
import type { Command } from '../run.js'

const USAGE = "claimcheck consent-result '<redirect URL>' | - [--expected-state <s>] [--json]"
const MAX_INPUT_BYTES = 64 * 1024

export const consentResultCommand: Command = {
  summary: 'Read what the admin-consent redirect brought back',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = withUsageErrors(() =>
      parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          'expected-state': { type: 'string' },
          json: { type: 'boolean' },
        },
      }),
    )
    if (positionals.length > 1) throw new UsageError('give one redirect URL (quote it: it contains &)')
    const source = positionals[0]
    const raw =
      source === undefined || source === '-' ? (await readAll(io.stdin, MAX_INPUT_BYTES)).trim() : source
    if (raw === '') throw new UsageError('give the redirect URL the browser was sent to after consent')

    const result = parseConsentRedirect(
      raw,
      values['expected-state'] !== undefined ? { expectedState: values['expected-state'] } : {},
    )
    if (values.json) io.stdout(toJsonText(result))
    const notARedirect = result.findings.find((f) => f.code === 'consent-redirect-invalid')
    if (notARedirect && result.error === null) {
      io.stderr(`claimcheck consent-result: ${notARedirect.code}: ${notARedirect.message}\n`)
      return EXIT_USAGE
    }
    if (!values.json) io.stdout(renderConsentResult(result, useColour(io)))
    return result.ok ? EXIT_OK : EXIT_FINDINGS
  },
}
