import { parseArgs } from 'node:util'
import { BUILTIN_CATALOG_IDS, BUILTIN_CATALOGS } from '../../permissions/builtin.js'
import { formatLifecycle, formatRateLimit } from '../../permissions/lifecycle/describe.js'
import { findPermissions } from '../../permissions/names.js'
import { formatOperation } from '../../permissions/operation.js'
import type { CatalogOperation, PermissionCatalog, PermissionKind } from '../../permissions/types.js'
import { withUsageErrors } from '../args.js'
import { escapeForTerminal } from '../output/escape.js'
import { EXIT_OK, UsageError, type CliIO } from '../io.js'
import { compileRequirementFlags } from '../requirement-flags.js'
import type { Command } from '../run.js'
import { toJsonText } from '../output/escape.js'

/** The width of the table when standard output is not a terminal (a pipe, a file). */
const NOT_A_TERMINAL_COLUMNS = 80

const USAGE = `claimcheck permissions [--api ${BUILTIN_CATALOG_IDS.join('|')} | --catalog <file>] [--operation "<METHOD> <path or URL>"] [--json]`

function defaultScope(catalog: PermissionCatalog): string | null {
  const resource = catalog.resourceByCloud?.public ?? catalog.identifierUris[0]
  return resource === undefined ? null : `${resource.replace(/(?<!\/)\/+$/, '')}/.default`
}

function permissionDetails(catalog: PermissionCatalog, names: readonly string[], kind: PermissionKind) {
  return names.map((n) => {
    const p = findPermissions(catalog, n, kind)[0]
    // Per-cloud IDs where a sovereign cloud's service principal differs (GCC High / DoD for some Graph roles).
    return {
      value: p?.value ?? n,
      id: p?.id ?? null,
      ...(p?.idByCloud !== undefined ? { idByCloud: p.idByCloud } : {}),
      displayName: p?.displayName ?? null,
    }
  })
}

function operationJson(catalog: PermissionCatalog, op: CatalogOperation) {
  return {
    api: catalog.id,
    apiName: catalog.name,
    operation: formatOperation(op),
    ...op,
    permissions: {
      application: permissionDetails(catalog, op.application, 'application'),
      delegated: permissionDetails(catalog, op.delegated, 'delegated'),
    },
    defaultScope: defaultScope(catalog),
    delegatedNeedsUserRole: catalog.delegatedNeedsUserRole === true,
  }
}

/**
 * What an operation needs of one kind, every group shown: "Machine.StopAndQuarantine + one of Machine.Read.All,
 * Machine.ReadWrite.All" (the first part is "any one"; each "+" group is needed together with it).
 */
export function permissionText(
  names: readonly string[],
  groups: readonly (readonly string[])[] = [],
): string {
  if (names.length === 0) return '—'
  const oneOf = (list: readonly string[]) => (list.length > 1 ? `one of ${list.join(', ')}` : (list[0] ?? ''))
  return [oneOf(names), ...groups.filter((g) => g.length > 0).map((g) => `+ ${oneOf(g)}`)].join(' ')
}

/** Lines of `text` wrapped at spaces to `width`; a word longer than the width stays whole on its own line. */
function fill(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line === '') line = word
    else if (line.length + 1 + word.length <= width) line += ` ${word}`
    else {
      lines.push(line)
      line = word
    }
  }
  lines.push(line)
  return lines
}

/** `METHOD /path`, a path longer than the line broken after a slash and continued, indented, below. */
function requestLine(method: string, path: string, width: number): string[] {
  const lines: string[] = []
  let line = `  ${method} `
  for (const part of path.split(/(?<=\/)/)) {
    if (line.trim() !== method && line.length + part.length > width) {
      lines.push(line)
      line = '      '
    }
    line += part
  }
  lines.push(line)
  return lines
}

/**
 * The catalog, one operation per block that fits `columns`: the request line, then what each kind of permission
 * needs, wrapped under its label (a table of four columns was 393 to 597 characters wide and could not wrap).
 */
function renderCatalog(catalog: PermissionCatalog, columns: number): string {
  const width = Math.max(columns, 40)
  const labelled = (label: string, text: string) =>
    fill(text, width - 19).map((l, k) => `${k === 0 ? `      ${label.padEnd(13)}` : ' '.repeat(19)}${l}`)
  const out = [
    `${catalog.name} (${catalog.id}): ${catalog.operations.length} operations`,
    ...fill(
      `resource appId ${catalog.appId ?? '—'}; request tokens with ${defaultScope(catalog) ?? '—'}`,
      width - 2,
    ).map((l) => `  ${l}`),
  ]
  for (const o of catalog.operations) {
    out.push(
      '',
      ...requestLine(o.method, o.path, width),
      ...labelled('application:', permissionText(o.application, o.alsoRequires?.application)),
      ...labelled('delegated:', permissionText(o.delegated, o.alsoRequires?.delegated)),
    )
  }
  return `${out.join('\n')}\n`
}

function renderOperation(catalog: PermissionCatalog, op: CatalogOperation): string {
  const line = (kind: PermissionKind, names: readonly string[]) =>
    names.length === 0
      ? `  ${kind} (any one): none — cannot be called with ${kind} permissions`
      : `  ${kind} (any one): ${permissionDetails(catalog, names, kind)
          .map(
            (p) =>
              `${p.value} [id ${p.id ?? 'unknown'}${
                p.idByCloud !== undefined
                  ? `; ${Object.entries(p.idByCloud)
                      .map(([c, id]) => `${c} ${id}`)
                      .join(', ')}`
                  : ''
              }]`,
          )
          .join(', ')}`
  const out = [
    `${formatOperation(op)}${op.summary ? ` — ${op.summary}` : ''} (${catalog.name})`,
    line('application', op.application),
    ...(['application', 'delegated'] as const).flatMap((kind) =>
      (op.alsoRequires?.[kind] ?? []).map(
        (group) =>
          `  ${kind}, together with it: ${group.length > 1 ? `one of ${group.join(', ')}` : group.join('')}`,
      ),
    ),
    line('delegated', op.delegated),
    `  token: request ${defaultScope(catalog) ?? 'a token for the API'}`,
  ]
  if (catalog.delegatedNeedsUserRole)
    out.push(
      `  delegated calls also need the user's own role${op.userRole ? ` (${op.userRole})` : ''} and device-group access`,
    )
  if (op.source) out.push(`  source: ${op.source}`)
  if (op.correction) out.push(`  note: ${op.correction}`)
  if (op.legacy)
    out.push(`  legacy: use ${op.legacy.replacement} instead${op.legacy.note ? ` (${op.legacy.note})` : ''}`)
  if (op.lifecycle) out.push(escapeForTerminal(`  lifecycle: ${formatLifecycle(op.lifecycle)}`))
  if (op.rateLimits?.length)
    out.push(escapeForTerminal(`  rate limits: ${op.rateLimits.map(formatRateLimit).join(', ')}`))
  if (op.checked) out.push(`  checked: ${op.checked}`)
  return `${out.join('\n')}\n`
}

export const permissionsCommand: Command = {
  summary: 'List what each API operation needs',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = withUsageErrors(() =>
      parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          json: { type: 'boolean' },
          api: { type: 'string' },
          catalog: { type: 'string' },
          operation: { type: 'string' },
        },
      }),
    )
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] as string}"`)
    const { requirement: req, compiled } = await compileRequirementFlags({
      api: values.api,
      catalog: values.catalog,
      operation: values.operation,
    })
    const catalogs = req.catalog
      ? [req.catalog]
      : req.api
        ? [BUILTIN_CATALOGS[req.api]]
        : Object.values(BUILTIN_CATALOGS)
    if (req.operation !== undefined) {
      // resolveRequirementFlags has established that the operation parses and exists.
      const match = compiled.resolve(null)
      if (match.operation === null || match.index === null)
        throw new UsageError(`--operation: ${req.operation} is not in the catalog`)
      io.stdout(
        values.json
          ? toJsonText(operationJson(match.index.catalog, match.operation))
          : renderOperation(match.index.catalog, match.operation),
      )
      return EXIT_OK
    }
    io.stdout(
      values.json
        ? toJsonText({ catalogs })
        : catalogs.map((c) => renderCatalog(c, io.columns ?? NOT_A_TERMINAL_COLUMNS)).join('\n'),
    )
    return EXIT_OK
  },
}
