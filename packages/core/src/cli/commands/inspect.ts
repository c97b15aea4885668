import { inspectToken } from '../../token/inspect.js'
import { MAX_TOKEN_BYTES } from '../../token/decode.js'
import { parseArgs } from 'node:util'
import { withUsageErrors, parseNow, parseSeconds } from '../args.js'
import { EXIT_FINDINGS, EXIT_OK, UsageError, readAll, type CliIO } from '../io.js'
import type { Command } from '../run.js'
import { renderReport } from '../output/report.js'
import { makeStyle, useColour } from '../output/style.js'
// permissions: --api/--operation/--require/--catalog and the verdict line
import { resolveRequirementFlags } from '../requirement-flags.js'
import { renderPermissionVerdict } from '../output/permission-verdict.js'

const USAGE = 'claimcheck inspect [TOKEN | -] [--json] [--now <ISO|epoch>] [--offline] [--audience <aud>]... [--tenant <tid>]... [--client-app <appid>]... [--clock-skew <s>] [--api mde|m365d | --catalog <file>] [--operation "<METHOD> <path>"] [--require <permission>]...'

// Flags of the contract whose features land with later issues: refuse them clearly rather than ignore them.
const NOT_YET: Record<string, string> = {
  jwks: 'signature verification',
}

export const inspectCommand: Command = {
  summary: 'Diagnose an access token',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = withUsageErrors(() => parseArgs({ args, allowPositionals: true, strict: true, options: {
      json: { type: 'boolean' },
      now: { type: 'string' },
      offline: { type: 'boolean' },
      jwks: { type: 'string' },
      audience: { type: 'string', multiple: true },
      tenant: { type: 'string', multiple: true },
      'client-app': { type: 'string', multiple: true },
      api: { type: 'string' },
      operation: { type: 'string' },
      require: { type: 'string', multiple: true },
      catalog: { type: 'string' },
      'clock-skew': { type: 'string' },
    } }))
    for (const [flag, feature] of Object.entries(NOT_YET)) {
      if (Object.hasOwn(values, flag)) throw new UsageError(`--${flag} is not supported yet (${feature} land in a later release)`)
    }
    if (positionals.length > 1) throw new UsageError('give one token (or - to read standard input)')
    const requirement = await resolveRequirementFlags({ api: values.api, operation: values.operation, require: values.require, catalog: values.catalog })
    const source = positionals[0]
    const raw = source === undefined || source === '-' ? await readAll(io.stdin, MAX_TOKEN_BYTES * 4) : source
    const now = parseNow(values.now)
    const clockSkew = parseSeconds('--clock-skew', values['clock-skew'])
    const report = inspectToken(raw, {
      ...(now !== undefined ? { now } : {}),
      ...(clockSkew !== undefined ? { clockSkew } : {}),
      ...(values.audience ? { audience: values.audience } : {}),
      ...(values.tenant ? { tenants: values.tenant } : {}),
      ...(values['client-app'] ? { clientApps: values['client-app'] } : {}),
      ...requirement,
    })
    if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`)
    else io.stdout(renderPermissionVerdict(report, makeStyle(useColour(io))) + renderReport(report, { colour: useColour(io), now: now ?? new Date() }))
    return report.ok ? EXIT_OK : EXIT_FINDINGS
  },
}
