import { FINDINGS, isFindingCode } from '../../findings/catalogue.js'
import { parseArgs } from 'node:util'
import { withUsageErrors } from '../args.js'
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from '../io.js'
import type { Command } from '../run.js'
import { explainAadstsCli, isAadstsArgument } from './explain-aadsts.js'

export const explainCommand: Command = {
  summary: 'Explain a finding code',
  usage: 'claimcheck explain <finding code | AADSTS code> [--json]',
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = withUsageErrors(() => parseArgs({ args, allowPositionals: true, strict: true, options: { json: { type: 'boolean' } } }))
    const code = positionals[0]
    if (code === undefined || positionals.length > 1) throw new UsageError('give one finding code, e.g. token-expired')
    if (isAadstsArgument(code)) return explainAadstsCli(code, values.json === true, io)
    if (!isFindingCode(code)) {
      io.stderr(`claimcheck explain: "${code}" is not a known finding code. Known codes: ${Object.keys(FINDINGS).join(', ')}\n`)
      return EXIT_USAGE
    }
    const d: { severity: string; title: string; meaning: string; fix?: string } = FINDINGS[code]
    if (values.json) io.stdout(`${JSON.stringify({ code, meaning: d.meaning, fix: d.fix ?? null, severity: d.severity, title: d.title }, null, 2)}\n`)
    else io.stdout(`${code} (${d.severity}): ${d.title}\n\n${d.meaning}\n${d.fix ? `\nFix: ${d.fix}\n` : ''}`)
    return EXIT_OK
  },
}
