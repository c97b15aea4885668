import { parseArgs } from 'node:util'
import { BUILTIN_CATALOG_IDS, BUILTIN_CATALOGS } from '../../permissions/builtin.js'
import { findPermissions } from '../../permissions/names.js'
import { formatOperation, parseOperation, resolveOperation } from '../../permissions/operation.js'
import type { CatalogOperation, PermissionCatalog, PermissionKind } from '../../permissions/types.js'
import { withUsageErrors } from '../args.js'
import { EXIT_OK, UsageError, type CliIO } from '../io.js'
import { resolveRequirementFlags } from '../requirement-flags.js'
import type { Command } from '../run.js'
import { toJsonText } from '../output/escape.js'

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

function pad(s: string, n: number): string {
  return s.padEnd(n)
}

function renderCatalog(catalog: PermissionCatalog): string {
  const rows = catalog.operations.map(
    (o) => [o.method, o.path, o.application.join(' | ') || '—', o.delegated.join(' | ') || '—'] as const,
  )
  const w = [6, Math.max(4, ...rows.map((r) => r[1].length)), Math.max(21, ...rows.map((r) => r[2].length))]
  const out = [
    `${catalog.name} (${catalog.id}): ${catalog.operations.length} operations`,
    `  resource appId ${catalog.appId ?? '—'}; request tokens with ${defaultScope(catalog) ?? '—'}`,
    '',
    `  ${pad('METHOD', w[0] as number)} ${pad('PATH', w[1] as number)} ${pad('APPLICATION (any one)', w[2] as number)} DELEGATED (any one)`,
    ...rows.map(
      (r) =>
        `  ${pad(r[0], w[0] as number)} ${pad(r[1], w[1] as number)} ${pad(r[2], w[2] as number)} ${r[3]}`,
    ),
  ]
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
    const req = await resolveRequirementFlags({
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
      const match = resolveOperation(
        parseOperation(req.operation) as NonNullable<ReturnType<typeof parseOperation>>,
        catalogs,
      )
      if (!match) throw new UsageError(`--operation: ${req.operation} is not in the catalog`)
      io.stdout(
        values.json
          ? toJsonText(operationJson(match.catalog, match.operation))
          : renderOperation(match.catalog, match.operation),
      )
      return EXIT_OK
    }
    io.stdout(values.json ? toJsonText({ catalogs }) : catalogs.map(renderCatalog).join('\n'))
    return EXIT_OK
  },
}
