#!/usr/bin/env node
import process from 'node:process'
import { runCli } from './run.js'
import { escapeForTerminal } from './output/escape.js'

// A reader that stops early (`claimcheck permissions | head -2`) closes the pipe: that is the reader's choice, not
// a failure. End quietly with 0 instead of Node's EPIPE stack trace; anything else is still an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0)
    throw err
  })
}

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    ...(process.stdout.isTTY === true && process.stdout.columns > 0
      ? { columns: process.stdout.columns }
      : {}),
  })
} catch (err) {
  // Not a usage error and not a finding: a defect. Its message may quote input, so it is escaped like the rest.
  const text = err instanceof Error ? (err.stack ?? err.message) : String(err)
  process.stderr.write(
    `claimcheck: unexpected error: ${text.split('\n').map(escapeForTerminal).join('\n')}\n`,
  )
  process.exitCode = 1
}
