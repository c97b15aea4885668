import { parseArgs } from 'node:util'
import { inspectToken } from '../../token/inspect.js'
import { MAX_TOKEN_BYTES } from '../../token/decode.js'
import { withUsageErrors, parseNow, parseSeconds } from '../args.js'
import { EXIT_FINDINGS, EXIT_OK, UsageError, readAll, type CliIO } from '../io.js'
import type { Command } from '../run.js'
import { renderReport } from '../output/report.js'
import { useColour } from '../output/style.js'

const USAGE = 'claimcheck inspect [TOKEN | -] [--json] [--now <ISO|epoch>] [--offline] [--audience <aud>]... [--tenant <tid>]... [--client-app <appid>]... [--clock-skew <s>]'

// Flags of the contract whose features land with later issues: refuse them clearly rather than ignore them.
const NOT_YET: Record<string, string> = {
  jwks: 'signature verification',
  api: 'permission checks',
  operation: 'permission checks',
  require: 'permission checks',
}

/** Room for an Authorization header line, quotes and whitespace around a token of the maximum size. */
const STDIN_LIMIT_BYTES = MAX_TOKEN_BYTES * 4

function stdinIsTerminal(io: CliIO): boolean {
  return 'isTTY' in io.stdin && io.stdin.isTTY === true
}

export const inspectCommand: Command = {
  summary: 'Diagnose an access token',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = withUsageErrors(() => parseArgs({ args, allowPositionals: true, strict: true, options: {
      help: { type: 'boolean', short: 'h' },
      json: { type: 'boolean' },
      now: { type: 'string' },
      // Accepted now and a no-op: inspection is offline until signature verification lands and makes online the default.
      offline: { type: 'boolean' },
      jwks: { type: 'string' },
      audience: { type: 'string', multiple: true },
      tenant: { type: 'string', multiple: true },
      'client-app': { type: 'string', multiple: true },
      api: { type: 'string' },
      operation: { type: 'string' },
      require: { type: 'string', multiple: true },
      'clock-skew': { type: 'string' },
    } }))
    if (values.help === true) {
      io.stdout(`Usage: ${USAGE}\n`)
      return EXIT_OK
    }
    for (const [flag, feature] of Object.entries(NOT_YET)) {
      if (Object.hasOwn(values, flag)) throw new UsageError(`--${flag} is not supported yet (${feature} land in a later release)`)
    }
    if (positionals.length > 1) throw new UsageError('give one token (or - to read standard input); quote a header line')
    const source = positionals[0]
    // Parse every flag before reading input, so a typo fails fast instead of waiting on stdin.
    const now = parseNow(values.now) ?? new Date()
    const clockSkew = parseSeconds('--clock-skew', values['clock-skew'])
    if (source === undefined && stdinIsTerminal(io)) {
      throw new UsageError('no token given: pass it as an argument, pipe it in, or use - to type it on standard input')
    }
    const raw = source === undefined || source === '-' ? await readAll(io.stdin, STDIN_LIMIT_BYTES) : source
    const report = inspectToken(raw, {
      now,
      ...(clockSkew !== undefined ? { clockSkew } : {}),
      ...(values.audience ? { audience: values.audience } : {}),
      ...(values.tenant ? { tenants: values.tenant } : {}),
      ...(values['client-app'] ? { clientApps: values['client-app'] } : {}),
    })
    if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`)
    else io.stdout(renderReport(report, { colour: useColour(io), now }))
    return report.ok ? EXIT_OK : EXIT_FINDINGS
  },
}
