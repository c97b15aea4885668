import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { inspectToken } from '../../token/inspect.js'
import type { JsonWebKeySetInput } from '../../token/verify/options.js'
import type { InspectOptions, RequirementOptions } from '../../token/options.js'
import type { Report } from '../../token/report.js'
import { CLOUD_NAMES, isGuid } from '../../entra/clouds.js'
import { MAX_TOKEN_BYTES } from '../../token/decode.js'
import { withUsageErrors, parseNow, parseSeconds } from '../args.js'
import { EXIT_FINDINGS, EXIT_OK, UsageError, readAll, type CliIO } from '../io.js'
import type { Command } from '../run.js'
import { renderReport } from '../output/report.js'
import { makeStyle, useColour } from '../output/style.js'
// permissions: --api/--operation/--require/--catalog and the verdict line
import type { ResolvedRequirement } from '../requirement-flags.js'
import { renderPermissionVerdict } from '../output/permission-verdict.js'

const USAGE = 'claimcheck inspect [TOKEN | -] [--json] [--now <ISO|epoch>] [--offline] [--jwks <file>] [--audience <aud>]... [--tenant <tid>]... [--client-app <appid>]... [--clock-skew <s>] [--api mde|m365d | --catalog <file>] [--operation "<METHOD> <path>"] [--require <permission>]...'

/** Room for an Authorization header line, quotes and whitespace around a token of the maximum size. */
const STDIN_LIMIT_BYTES = MAX_TOKEN_BYTES * 4

function stdinIsTerminal(io: CliIO): boolean {
  return 'isTTY' in io.stdin && io.stdin.isTTY === true
}

/** The permission flags, resolved only when one is given: the catalogs are not loaded otherwise. */
async function requirementFrom(flags: { api?: string; operation?: string; require?: string[]; catalog?: string }): Promise<ResolvedRequirement> {
  if (flags.api === undefined && flags.operation === undefined && flags.require === undefined && flags.catalog === undefined) return {}
  const { resolveRequirementFlags } = await import('../requirement-flags.js')
  return resolveRequirementFlags(flags)
}

export const inspectCommand: Command = {
  summary: 'Diagnose an access token',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = withUsageErrors(() => parseArgs({ args, allowPositionals: true, strict: true, options: {
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
    } }))
    if (values.help === true) {
      io.stdout(`Usage: ${USAGE}\n`)
      return EXIT_OK
    }
    if (positionals.length > 1) throw new UsageError('give one token (or - to read standard input); quote a header line')
    // Parse every flag before reading input, so a typo fails fast instead of waiting on stdin.
    const requirement = await requirementFrom({ api: values.api, operation: values.operation, require: values.require, catalog: values.catalog })
    const now = parseNow(values.now) ?? new Date()
    const clockSkew = parseSeconds('--clock-skew', values['clock-skew'])
    const source = positionals[0]
    if (source === undefined && stdinIsTerminal(io)) {
      throw new UsageError('no token given: pass it as an argument, pipe it in, or use - to type it on standard input')
    }
    const raw = source === undefined || source === '-' ? await readAll(io.stdin, STDIN_LIMIT_BYTES) : source
    const checks = {
      now,
      ...(clockSkew !== undefined ? { clockSkew } : {}),
      ...(values.audience ? { audience: values.audience } : {}),
      ...(values.tenant ? { tenants: values.tenant } : {}),
      ...(values['client-app'] ? { clientApps: values['client-app'] } : {}),
    }
    // ---- verification (issue 3): online by default, --jwks <file>, --offline ------------------------------
    const report = values.offline && values.jwks === undefined
      ? inspectToken(raw, { ...checks, ...requirement })
      : await verifyForCli(raw, checks, requirement, { jwksFile: values.jwks, now })
    // ---- end verification ----------------------------------------------------------------------------------
    if (values.json) {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`)
    } else {
      const colour = useColour(io)
      io.stdout(renderPermissionVerdict(report, makeStyle(colour)) + renderReport(report, { colour, now }))
    }
    return report.ok ? EXIT_OK : EXIT_FINDINGS
  },
}

// ---- verification (issue 3) -------------------------------------------------------------------------------------

function usageErrors<R>(build: () => R): R {
  try {
    return build()
  } catch (err) {
    if (err instanceof TypeError) throw new UsageError(err.message)
    throw err
  }
}

async function readJwksFile(path: string): Promise<JsonWebKeySetInput> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    throw new UsageError(`--jwks: cannot read ${path} (${err instanceof Error ? err.message : String(err)})`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new UsageError(`--jwks: ${path} is not JSON`)
  }
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { keys?: unknown }).keys)) {
    throw new UsageError(`--jwks: ${path} is not a key set (no "keys" array)`)
  }
  return value as JsonWebKeySetInput
}

/**
 * The CLI diagnoses any token: every cloud, and (unless --tenant names others) the token's own tenant is the one
 * whose keys are fetched. Online by default through the global fetch; --jwks uses the file and no network.
 */
async function verifyForCli(raw: string, checks: InspectOptions & { tenants?: readonly string[] }, requirement: RequirementOptions, options: { jwksFile: string | undefined; now: Date }): Promise<Report> {
  const jwks = options.jwksFile === undefined ? undefined : await readJwksFile(options.jwksFile)
  const ownTenant = inspectToken(raw, { now: options.now }).token?.tenantId ?? null
  const tenants = checks.tenants ?? (isGuid(ownTenant) ? [ownTenant] : [])
  // Loaded here, not at the top: the verifier pulls in jose, which `inspect --offline` must never load.
  const { createDiagnosticVerifier } = await import('../../token/verify/create-verifier.js')
  const verifier = usageErrors(() => createDiagnosticVerifier({
    ...(checks.audience !== undefined ? { audience: checks.audience } : {}),
    tenants,
    cloud: CLOUD_NAMES,
    now: options.now,
    ...(checks.clientApps !== undefined ? { clientApps: checks.clientApps } : {}),
    ...(checks.clockSkew !== undefined ? { clockSkew: checks.clockSkew } : {}),
    ...(jwks !== undefined ? { jwks } : {}),
    resultCache: false,
  }))
  return verifier.verify(raw, requirement)
}
