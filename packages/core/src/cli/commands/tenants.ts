import { parseArgs } from 'node:util'
import { CLOUD_NAMES, isCloudName } from '../../entra/clouds.js'
import { resolveAuthority } from '../../tenants/authority.js'
import { checkTenants, type CheckTenantsOptions } from '../../tenants/check-tenants.js'
import type { ClientCredential } from '../../tenants/client-credential.js'
import type { TenantResult } from '../../tenants/result.js'
import { createTenantTally, summaryJsonLine, tenantJsonLine } from '../../tenants/summary.js'
import { readTenantList, type TenantEntry } from '../../tenants/tenant-list.js'
import { withUsageErrors } from '../args.js'
import { EXIT_FINDINGS, EXIT_OK, UsageError, readAll, readFileCapped, type CliIO } from '../io.js'
import { CLEAR_PROGRESS, renderProgress, tenantTableChunks } from '../output/tenants.js'
import { makeStyle, useColour } from '../output/style.js'
import { writeConstant } from '../output/writer.js'
import { resolveRequirementFlags } from '../requirement-flags.js'
import type { Command } from '../run.js'

const USAGE =
  'claimcheck tenants --client-id <guid> --tenants <file|-> [--api mde|m365d|graph] [--operation "<METHOD> <path>" | --require <permission>...] [--cloud public|usgov|china] [--certificate <pem> | --federated-token-file <file>] [--concurrency N] [--timeout <s>] [--authority <url>] [--redirect-uri <url>] [--json]'

/** The secret comes from the environment only: a flag would put it in shell history and process listings. */
export const SECRET_VARIABLE = 'CLAIMCHECK_CLIENT_SECRET'
/** A tenants file of 5,000 lines is ~200 KB; 16 MB leaves room without reading anything absurd. */
const LIST_LIMIT_BYTES = 16 * 1024 * 1024
/** A key and certificate PEM is a few KB. */
const PEM_LIMIT_BYTES = 1024 * 1024

export const tenantsCommand: Command = {
  summary: "Check a multi-tenant app's consent in every customer tenant",
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = withUsageErrors(() =>
      parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          'client-id': { type: 'string' },
          tenants: { type: 'string' },
          api: { type: 'string' },
          operation: { type: 'string' },
          require: { type: 'string', multiple: true },
          cloud: { type: 'string' },
          certificate: { type: 'string' },
          'federated-token-file': { type: 'string' },
          concurrency: { type: 'string' },
          timeout: { type: 'string' },
          authority: { type: 'string' },
          'redirect-uri': { type: 'string' },
          json: { type: 'boolean' },
        },
      }),
    )
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`)
    const clientId = values['client-id']
    if (clientId === undefined) throw new UsageError('--client-id is required')
    if (values.tenants === undefined)
      throw new UsageError(
        '--tenants <file|-> is required (one tenant ID or domain per line, optionally ",<cloud>")',
      )
    const cloud = values.cloud ?? 'public'
    if (!isCloudName(cloud))
      throw new UsageError(`--cloud: "${cloud}" is not one of ${CLOUD_NAMES.join(', ')}`)
    const requirement = await resolveRequirementFlags({
      api: values.api ?? 'mde',
      ...(values.operation !== undefined ? { operation: values.operation } : {}),
      ...(values.require !== undefined ? { require: values.require } : {}),
    })
    const concurrency = wholeNumber('--concurrency', values.concurrency, 8, 1, 256)
    const timeoutMs = wholeNumber('--timeout', values.timeout, 30, 1, 600) * 1000
    if (values.authority !== undefined) usage(() => resolveAuthority(values.authority as string))
    const credential = await readCredential(values.certificate, values['federated-token-file'], io)
    const entries = await readTenants(values.tenants, io)

    const options: CheckTenantsOptions = {
      clientId,
      credential,
      tenants: entries,
      api: requirement.api ?? 'mde',
      cloud,
      concurrency,
      timeoutMs,
      ...(requirement.operation !== undefined ? { operation: requirement.operation } : {}),
      ...(requirement.require !== undefined ? { require: requirement.require } : {}),
      ...(values.authority !== undefined ? { authority: values.authority } : {}),
      ...(values['redirect-uri'] !== undefined ? { consent: { redirectUri: values['redirect-uri'] } } : {}),
    }
    const run = usage(() => checkTenants(options))
    const json = values.json === true
    // The live line goes to stderr, only on a terminal and never with --json: piped output stays clean.
    const live = io.isTTY && !json
    const tally = createTenantTally()
    const results: TenantResult[] = []
    try {
      for await (const result of run) {
        tally.add(result)
        if (json) io.stdout(tenantJsonLine(result))
        else results.push(result)
        // Numbers and constant text only: the one place the CLI drives the terminal (carriage return, erase line).
        if (live) writeConstant(io, 'stderr', renderProgress(tally.total, entries.length, tally.counts))
      }
    } catch (err) {
      // A certificate that cannot be read surfaces on the first step; it is the caller's input, not a tenant's answer.
      if (err instanceof TypeError) throw new UsageError(err.message)
      throw err
    } finally {
      if (live) writeConstant(io, 'stderr', CLEAR_PROGRESS)
    }
    const summary = tally.summary(run)
    if (json) io.stdout(summaryJsonLine(summary))
    else for (const chunk of tenantTableChunks(results, summary, makeStyle(useColour(io)))) io.stdout(chunk)
    return summary.allReady ? EXIT_OK : EXIT_FINDINGS
  },
}

function usage<T>(work: () => T): T {
  try {
    return work()
  } catch (err) {
    if (err instanceof TypeError) throw new UsageError(err.message)
    throw err
  }
}

function wholeNumber(
  flag: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(`${flag}: "${value}" is not a whole number from ${min} to ${max}`)
  return Number(value)
}

async function readCredential(
  certificatePath: string | undefined,
  tokenFile: string | undefined,
  io: CliIO,
): Promise<ClientCredential> {
  const secret = io.env[SECRET_VARIABLE]
  const hasSecret = secret !== undefined && secret !== ''
  const given = [certificatePath !== undefined, tokenFile !== undefined, hasSecret].filter(Boolean).length
  if (given > 1)
    throw new UsageError(`give one of --certificate, --federated-token-file or ${SECRET_VARIABLE}, not both`)
  if (tokenFile !== undefined) {
    await readText(tokenFile, PEM_LIMIT_BYTES, '--federated-token-file')
    // Read per request: a workload identity's projected token (AZURE_FEDERATED_TOKEN_FILE) is rotated in place.
    return {
      assertion: async () =>
        (await readFileCapped(tokenFile, '--federated-token-file', 64 * 1024)).toString('utf8').trim(),
    }
  }
  if (certificatePath !== undefined) {
    const pem = await readText(certificatePath, PEM_LIMIT_BYTES, '--certificate')
    return { certificate: { privateKeyPem: pem, certificatePem: pem } }
  }
  if (hasSecret) return { secret }
  throw new UsageError(
    `no credential: set ${SECRET_VARIABLE} to the client secret's value, or give --certificate <pem with key and certificate> or --federated-token-file <file>`,
  )
}

async function readTenants(source: string, io: CliIO): Promise<TenantEntry[]> {
  const text =
    source === '-'
      ? await readAll(io.stdin, LIST_LIMIT_BYTES)
      : await readText(source, LIST_LIMIT_BYTES, '--tenants')
  const entries: TenantEntry[] = []
  const problems: string[] = []
  // A tenant listed twice is asked once: a second request would only cost Entra's patience.
  const seen = new Set<string>()
  let duplicates = 0
  for (const line of readTenantList(text)) {
    if (!line.ok) {
      problems.push(`line ${line.line}: ${line.problem}`)
      continue
    }
    const key = `${line.entry.tenant.toLowerCase()},${line.entry.cloud ?? ''}`
    if (seen.has(key)) duplicates++
    else {
      seen.add(key)
      entries.push(line.entry)
    }
  }
  if (duplicates > 0) io.stderr(`claimcheck tenants: ${duplicates} duplicate line(s) skipped.\n`)
  if (problems.length > 0)
    throw new UsageError(
      `--tenants: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`,
    )
  if (entries.length === 0) throw new UsageError('--tenants: the list names no tenant')
  return entries
}

async function readText(path: string, limit: number, flag: string): Promise<string> {
  return (await readFileCapped(path, flag, limit)).toString('utf8')
}
