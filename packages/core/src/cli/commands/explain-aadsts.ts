import { explainAadsts } from '../../consent/explain-aadsts.js'
import { EXIT_OK, EXIT_USAGE, type CliIO } from '../io.js'
import { renderAadsts } from '../output/consent.js'
import { toJsonText } from '../output/escape.js'
import { useColour } from '../output/style.js'

/**
 * Whether `claimcheck explain` should read its argument as an Entra error: AADSTS70011, a bare number, or a pasted
 * error text, token endpoint JSON or redirect URL that contains an AADSTS code.
 */
export function isAadstsArgument(arg: string): boolean {
  const text = arg.trim()
  return /^(?:AADSTS)?\d+$/i.test(text) || /AADSTS\d{3,}/i.test(text) || /"error_codes"\s*:/.test(text)
}

export function explainAadstsCli(arg: string, json: boolean, io: CliIO): number {
  const e = explainAadsts(arg)
  if (e === null) {
    io.stderr('claimcheck explain: no AADSTS code found in the input.\n')
    return EXIT_USAGE
  }
  if (json) {
    io.stdout(
      toJsonText({
        code: e.code,
        meaning: e.meaning,
        fix: e.fix,
        cause: e.cause,
        name: e.name,
        known: e.known,
        description: e.description,
        otherCodes: e.otherCodes,
        lookupUrl: e.lookupUrl,
        sources: e.sources,
      }),
    )
  } else {
    io.stdout(renderAadsts(e, useColour(io)))
  }
  if (!e.known) {
    io.stderr(`claimcheck explain: ${e.code} is an unknown AADSTS code; see ${e.lookupUrl}\n`)
    return EXIT_USAGE
  }
  return EXIT_OK
}
