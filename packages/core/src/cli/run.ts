import { EXIT_USAGE, UsageError, type CliIO } from './io.js'
import { escapingIO } from './output/writer.js'

export interface Command {
  summary: string
  usage: string
  run: (args: string[], io: CliIO) => Promise<number>
}

// Commands load lazily so that `inspect --offline` never pays for the modules other commands need.
const COMMANDS: Record<string, () => Promise<Command>> = {
  inspect: async () => (await import('./commands/inspect.js')).inspectCommand,
  explain: async () => (await import('./commands/explain.js')).explainCommand,
  consent: async () => (await import('./commands/consent.js')).consentCommand,
  'consent-result': async () => (await import('./commands/consent-result.js')).consentResultCommand,
  permissions: async () => (await import('./commands/permissions.js')).permissionsCommand,
  tenants: async () => (await import('./commands/tenants.js')).tenantsCommand,
  kit: async () => (await import('./commands/kit.js')).kitCommand,
  migrate: async () => (await import('./commands/migrate.js')).migrateCommand,
}

/** Every command name, for tests that must cover each one (the escape test feeds hostile text to all). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS)

function help(): string {
  return [
    'claimcheck — will this Entra ID token work against the API it is sent to?',
    '',
    'Usage:',
    '  claimcheck inspect [TOKEN | -] [--json] [--now <time>] [--offline] [--jwks <file>] [--audience <aud>] [--tenant <tid>] [--client-app <appid>] [--clock-skew <s>]',
    '                     [--api mde|m365d|graph | --catalog <file>] [--operation "<METHOD> <path>"] [--require <permission>]...',
    '  claimcheck permissions [--api mde|m365d|graph | --catalog <file>] [--operation "<METHOD> <path>"] [--json]',
    '  claimcheck consent --client-id <guid> [--tenant <guid|domain|organizations>] [--cloud public|usgov|china] [--api mde|m365d|graph] [--redirect-uri <url>] [--state <s>] [--form v2|adminconsent|authorize] [--json]',
    '  claimcheck migrate <file | -> [--within <days>] [--now <time>] [--client-id <guid>] [--tenant <tid>] [--cloud …] [--token <jwt>] [--json | --jsonl]',
    "  claimcheck consent-result '<redirect URL>' [--expected-state <s>] [--json]",
    '  claimcheck explain <finding code | AADSTS code | claim name> [--json]',
    '  claimcheck tenants --client-id <guid> --tenants <file|-> [--api mde|m365d|graph] [--operation "<METHOD> <path>" | --require <p>...] [--cloud …] [--certificate <pem> | --federated-token-file <f>] [--concurrency N] [--json]   (secret: $CLAIMCHECK_CLIENT_SECRET)',
    '  claimcheck kit serve [--keys <file>] [--port <n>] [--tenant <guid>] [--roles <a,b>] [--json]      (a test tenant on 127.0.0.1)',
    '  claimcheck kit mint --audience <aud> (--roles <a,b> | --scopes <a,b>) [--keys <file>] [--version 1.0|2.0] [--lifetime <s>]',
    '',
    'Exit codes: 0 no error findings, 1 at least one error finding, 2 usage error.',
    '',
  ].join('\n')
}

/**
 * Runs one command. Every string a command prints goes through the escaping writer (output/writer.ts): a flag's
 * value echoed in a usage error, an error body quoted by `explain`, a tenants file's line — none reaches the
 * terminal raw, whatever the command forgot.
 */
export async function runCli(argv: string[], sink: CliIO): Promise<number> {
  const io = escapingIO(sink)
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help())
    return name === undefined ? EXIT_USAGE : 0
  }
  const load = COMMANDS[name]
  if (!load) {
    io.stderr(`claimcheck: unknown command '${name}'.\n\n${help()}`)
    return EXIT_USAGE
  }
  const command = await load()
  try {
    return await command.run(rest, io)
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`claimcheck ${name}: ${err.message}\n\nUsage: ${command.usage}\n`)
      return EXIT_USAGE
    }
    throw err
  }
}
