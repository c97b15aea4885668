import process from 'node:process'
import { parseArgs } from 'node:util'
import { withUsageErrors } from '../args.js'
import { EXIT_OK, UsageError, type CliIO } from '../io.js'
import type { Command } from '../run.js'
import { startKitServer } from './kit-server.js'
import { DEFAULT_KIT_FILE, loadOrCreateState, tenantFromState } from './kit-state.js'

const USAGE = [
  'claimcheck kit serve [--keys <file>] [--port <n>] [--tenant <guid>] [--roles <a,b>] [--json]',
  '       claimcheck kit mint --audience <aud> (--roles <a,b> | --scopes <a,b>) [--keys <file>] [--version 1.0|2.0] [--lifetime <s>]',
].join('\n')

/** `--roles a,b --roles c` → [a, b, c]: permission names never contain commas or spaces. */
function list(flag: string, values: readonly string[] | undefined): string[] {
  const names = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim())
  for (const name of names)
    if (name === '' || /\s/.test(name)) throw new UsageError(`${flag}: "${name}" is not a permission name`)
  return names
}

async function serve(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = withUsageErrors(() =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        keys: { type: 'string' },
        port: { type: 'string' },
        tenant: { type: 'string' },
        roles: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
    }),
  )
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`)
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) throw new UsageError('--port must be 0 to 65535')
  const file = values.keys ?? DEFAULT_KIT_FILE
  const { state, created } = await loadOrCreateState(file, values.tenant)
  const tenant = await tenantFromState(state)
  const { server, origin } = await startKitServer({
    state,
    tenant,
    roles: list('--roles', values.roles),
    port,
  })
  const facts = {
    authority: origin,
    tenantId: state.tenantId,
    issuer: tenant.issuer('2.0'),
    discovery: `${origin}/${state.tenantId}/v2.0/.well-known/openid-configuration`,
    jwksUri: `${origin}/${state.tenantId}/discovery/v2.0/keys`,
    tokenEndpoint: `${origin}/${state.tenantId}/oauth2/v2.0/token`,
    clientId: state.clientId,
    keys: file,
    keysCreated: created,
  }
  if (values.json === true) io.stdout(`${JSON.stringify(facts)}\n`)
  else
    io.stdout(
      [
        `Test tenant ${state.tenantId} on ${origin} (keys ${created ? 'created in' : 'loaded from'} ${file}).`,
        `  discovery       ${facts.discovery}`,
        `  keys            ${facts.jwksUri}`,
        `  token endpoint  ${facts.tokenEndpoint}  (client_credentials: client_id ${state.clientId}, client_secret in ${file})`,
        '',
        'Point the verifier at it:',
        `  createVerifier({ audience, tenants: ['${state.tenantId}'], authority: '${origin}', keySets: { allowLoopbackHttp: true } })`,
        `Mint a token: claimcheck kit mint --keys ${file} --audience <aud> --roles <a,b>`,
        'Ctrl-C stops it.',
        '',
      ].join('\n'),
    )
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      server.close(() => resolve())
      server.closeAllConnections()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return EXIT_OK
}

async function mint(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = withUsageErrors(() =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        keys: { type: 'string' },
        audience: { type: 'string' },
        roles: { type: 'string', multiple: true },
        scopes: { type: 'string', multiple: true },
        version: { type: 'string' },
        lifetime: { type: 'string' },
      },
    }),
  )
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`)
  const audience = values.audience
  if (audience === undefined || audience.trim() === '') throw new UsageError('--audience is required')
  const roles = list('--roles', values.roles)
  const scopes = list('--scopes', values.scopes)
  if (roles.length > 0 === scopes.length > 0)
    throw new UsageError('pass --roles (an app-only token) or --scopes (a delegated token), one of them')
  const version = values.version ?? '2.0'
  if (version !== '1.0' && version !== '2.0') throw new UsageError('--version must be 1.0 or 2.0')
  const lifetime = values.lifetime === undefined ? 3600 : Number(values.lifetime)
  if (!/^\d+$/.test(values.lifetime ?? '1') || lifetime < 1)
    throw new UsageError('--lifetime must be whole seconds')
  const { state } = await loadOrCreateState(values.keys ?? DEFAULT_KIT_FILE, undefined)
  const tenant = await tenantFromState(state)
  const token = await tenant.issueToken({
    api: { audience },
    version,
    lifetimeSeconds: lifetime,
    ...(scopes.length > 0 ? { kind: 'delegated' as const, scopes, roles } : { roles }),
  })
  io.stdout(`${token}\n`)
  return EXIT_OK
}

export const kitCommand: Command = {
  summary: 'A test tenant for curl, Postman or another language: serve its keys, mint its tokens',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const [sub, ...rest] = args
    if (sub === 'serve') return serve(rest, io)
    if (sub === 'mint') return mint(rest, io)
    throw new UsageError(sub === undefined ? 'serve or mint?' : `unknown subcommand "${sub}" (serve or mint)`)
  },
}
