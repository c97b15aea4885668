import { parseArgs } from 'node:util'
import { parseNow, withUsageErrors } from '../args.js'
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from '../io.js'
import { makeStyle, useColour } from '../output/style.js'
import { escapeForTerminal } from '../output/escape.js'
import { toJsonText } from '../output/escape.js'
import type { Command } from '../run.js'
import { explainAadstsCli, isAadstsArgument } from './explain-aadsts.js'
import { explainApiAnswerCli } from './explain-api-answer.js'
import { EXPLAIN_TOPICS, type Explanation } from './explain-topics.js'

const USAGE =
  "claimcheck explain <finding code | AADSTS code | claim name | an API's 401/403 body or WWW-Authenticate header> [--token <jwt>] [--now <ISO|epoch>] [--json]"

/** What explain reads, in the order it tries them (the first that recognises the argument answers). */
const READS = [
  'Reads, in this order (the first that recognises the argument answers):',
  "  an API's answer   a 401, 403 or 429 body from Microsoft Graph, Defender for Endpoint or Defender XDR (JSON or",
  '                    the message alone), its WWW-Authenticate header (claims challenges decoded: CAE revocation,',
  "                    authentication context), or a status line such as 'HTTP/1.1 401 Unauthorized'. The answer",
  '                    names its API; --token <jwt> compares the token that got it and names the permission to add.',
  '  an Entra error    AADSTS65001, a bare number, an error text, a token endpoint JSON body or a redirect URL',
  "  a finding code    one of claimcheck's own (token-expired, wrong-api, …)",
  '  a claim name      a token claim or header field (aud, roles, xms_cc, kid, …)',
  '',
].join('\n')

function render(e: Explanation, colour: boolean): string {
  const st = makeStyle(colour)
  const severity = e.severity !== undefined ? ` (${e.severity})` : ''
  const lines = [`${st.bold(e.code)}${severity}: ${e.title}`, '', e.meaning]
  if (e.fix !== null) lines.push('', `${st.bold('Fix:')} ${e.fix}`)
  if (e.notes !== undefined && e.notes.length > 0) lines.push('', ...e.notes)
  return `${lines.join('\n')}\n`
}

export const explainCommand: Command = {
  summary: 'Explain a finding code, an AADSTS error code or a claim',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = withUsageErrors(() =>
      parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          help: { type: 'boolean', short: 'h' },
          json: { type: 'boolean' },
          token: { type: 'string' },
          now: { type: 'string' },
        },
      }),
    )
    if (values.help === true) {
      io.stdout(`Usage: ${USAGE}\n\n${READS}`)
      return EXIT_OK
    }
    const raw = positionals[0]
    const arg = raw?.trim()
    if (raw === undefined || arg === undefined || arg === '' || positionals.length > 1)
      throw new UsageError('give one code, e.g. token-expired, AADSTS65001 or aud')
    // An API's own 401/403 answer (its body or WWW-Authenticate header) first: it is the most specific form, and
    // the --token given with it turns the answer into the exact permission to add.
    const now = values.now !== undefined ? parseNow(values.now) : undefined
    const answered = explainApiAnswerCli(
      raw,
      {
        json: values.json === true,
        ...(values.token !== undefined ? { token: values.token } : {}),
        ...(now !== undefined ? { now } : {}),
      },
      io,
    )
    if (answered !== null) return answered
    if (values.token !== undefined)
      throw new UsageError(
        "--token goes with an API's 401/403 answer; the argument is not one ClaimCheck recognises",
      )
    // Entra errors next: their argument may be a whole pasted error text or redirect URL.
    if (isAadstsArgument(raw)) return explainAadstsCli(raw, values.json === true, io)
    const topic = EXPLAIN_TOPICS.find((t) => t.matches(arg))
    const result = topic?.explain(arg) ?? { status: 'unknown' as const, message: `nothing explains "${arg}"` }
    if (result.status === 'unknown') {
      io.stderr(`claimcheck explain: ${escapeForTerminal(result.message)}.\n`)
      return EXIT_USAGE
    }
    const e = result.explanation
    if (values.json) {
      const { notes: _notes, ...json } = e
      io.stdout(toJsonText(json))
    } else {
      io.stdout(render(e, useColour(io)))
    }
    return EXIT_OK
  },
}
