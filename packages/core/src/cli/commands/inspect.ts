import { parseArgs } from 'node:util'
import { inspectToken } from '../../token/inspect.js'
import { verdictOf } from '../../token/verdict.js'
import type { JsonWebKeySetInput } from '../../token/verify/options.js'
import type { InspectOptions, RequirementOptions } from '../../token/options.js'
import type { Report } from '../../report/report.js'
import { MAX_TOKEN_BYTES } from '../../token/decode.js'
import { withUsageErrors, parseNow, parseSeconds } from '../args.js'
import { EXIT_FINDINGS, EXIT_OK, UsageError, readAll, readFileCapped, type CliIO } from '../io.js'

/** Entra's key sets are under 20 KiB; the key-set layer reads at most 128 KiB from the network, a file 1 MiB. */
const MAX_KEY_SET_FILE_BYTES = 1024 * 1024
import type { Command } from '../run.js'
import { toJsonText } from '../output/escape.js'
import { renderReport } from '../output/report.js'
import { useColour } from '../output/style.js'
import type { ResolvedRequirement } from '../requirement-flags.js'
import type { KeySetText } from '../../token/verify/diagnose.js'
import type { Capabilities } from '../../permissions/capabilities.js'

const USAGE =
  'claimcheck inspect [TOKEN | -] [--json] [--now <ISO|epoch>] [--offline] [--jwks <file>] [--audience <aud>]... [--tenant <tid>]... [--client-app <appid>]... [--clock-skew <s>] [--api mde|m365d|graph | --catalog <file>] [--operation "<METHOD> <path>"] [--require <permission>]...'

/** Room for an Authorization header line, quotes and whitespace around a token of the maximum size. */
const STDIN_LIMIT_BYTES = MAX_TOKEN_BYTES * 4

function stdinIsTerminal(io: CliIO): boolean {
  return 'isTTY' in io.stdin && io.stdin.isTTY === true
}

/** The permission flags, resolved only when one is given: the catalogs are not loaded otherwise. */
async function requirementFrom(flags: {
  api?: string
  operation?: string
  require?: string[]
  catalog?: string
}): Promise<ResolvedRequirement> {
  if (
    flags.api === undefined &&
    flags.operation === undefined &&
    flags.require === undefined &&
    flags.catalog === undefined
  )
    return {}
  const { resolveRequirementFlags } = await import('../requirement-flags.js')
  return resolveRequirementFlags(flags)
}

export const inspectCommand: Command = {
  summary: 'Diagnose an access token',
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
        },
      }),
    )
    if (values.help === true) {
      io.stdout(`Usage: ${USAGE}\n`)
      return EXIT_OK
    }
    if (positionals.length > 1)
      throw new UsageError('give one token (or - to read standard input); quote a header line')
    // Parse every flag before reading input, so a typo fails fast instead of waiting on stdin.
    const requirement = await requirementFrom({
      api: values.api,
      operation: values.operation,
      require: values.require,
      catalog: values.catalog,
    })
    const now = parseNow(values.now) ?? new Date()
    const clockSkew = parseSeconds('--clock-skew', values['clock-skew'])
    const source = positionals[0]
    if (source === undefined && stdinIsTerminal(io)) {
      throw new UsageError(
        'no token given: pass it as an argument, pipe it in, or use - to type it on standard input',
      )
    }
    const raw = source === undefined || source === '-' ? await readAll(io.stdin, STDIN_LIMIT_BYTES) : source
    const checks = {
      now,
      ...(clockSkew !== undefined ? { clockSkew } : {}),
      ...(values.audience ? { audience: values.audience } : {}),
      ...(values.tenant ? { tenants: values.tenant } : {}),
      ...(values['client-app'] ? { clientApps: values['client-app'] } : {}),
    }
    // Online by default (the token's own tenant's keys); --jwks <file> without network; --offline: no signature.
    const report =
      values.offline && values.jwks === undefined
        ? inspectToken(raw, { ...checks, ...requirement })
        : await verifyForCli(raw, checks, requirement, values.jwks)
    if (values.json) {
      io.stdout(toJsonText(report))
    } else {
      const capabilities = report.token === null ? null : await capabilitiesFor(report)
      io.stdout(
        renderReport(report, {
          colour: useColour(io),
          now,
          capabilities,
          ...(io.columns !== undefined ? { columns: io.columns } : {}),
        }),
      )
    }
    // architecture.md, Verdicts: refused → 1; works and undetermined → 0 (the first line says which, and why).
    return verdictOf(report) === 'refused' ? EXIT_FINDINGS : EXIT_OK
  },
}

/** What the token can do with its own API (the page's "Can call N of M"); null for an API without a catalog. */
async function capabilitiesFor(report: Report): Promise<Capabilities | null> {
  const token = report.token
  if (token === null) return null
  const { capabilitiesOf, catalogForToken } = await import('../../permissions/capabilities.js')
  const catalog = catalogForToken(token)
  return catalog === null ? null : capabilitiesOf(token, catalog)
}

/** The --jwks file, read with core's key-set reader so the CLI and the page say the same about a bad file. */
async function readJwksFile(
  path: string,
  readKeySetText: (text: string) => KeySetText,
): Promise<JsonWebKeySetInput> {
  const text = (await readFileCapped(path, '--jwks', MAX_KEY_SET_FILE_BYTES)).toString('utf8')
  const read = readKeySetText(text)
  if (!read.ok) throw new UsageError(`--jwks: ${path}: ${read.problem}`)
  return read.jwks
}

/**
 * Online by default: diagnoseToken checks the signature against the token's own tenant's published keys (unless
 * --tenant names others), in every cloud; --jwks checks against the file with no network.
 */
async function verifyForCli(
  raw: string,
  checks: InspectOptions & { tenants?: readonly string[] },
  requirement: RequirementOptions,
  jwksFile: string | undefined,
): Promise<Report> {
  // Loaded here, not at the top: the verifier, which `inspect --offline` must never load.
  const { diagnoseToken, readKeySetText } = await import('../../token/verify/diagnose.js')
  const jwks = jwksFile === undefined ? undefined : await readJwksFile(jwksFile, readKeySetText)
  try {
    return await diagnoseToken(raw, { ...checks, ...requirement, ...(jwks !== undefined ? { jwks } : {}) })
  } catch (err) {
    // diagnoseToken throws TypeError only for options it cannot use (a bad tenant, an unusable key set).
    if (err instanceof TypeError) throw new UsageError(err.message)
    throw err
  }
}
