// The one writer every CLI string goes through (issue 24 point 1). Renderers still escape what they quote (a claim,
// a redirect's error), but a command that forgets — or a new command written tomorrow — cannot put ESC, OSC, CSI, a
// C1 control or a bidi override on the user's terminal: runCli hands every command an io whose stdout and stderr
// escape by default. JSON passes through unchanged in meaning: the escapes are JSON's own `\u001b` form, and raw
// controls can only occur inside JSON strings, so `io.stdout(JSON.stringify(x))` stays valid JSON.

import type { CliIO } from '../io.js'
import { escapeCharacter } from './escape.js'
import { STYLE_MARK, useColour } from './style.js'

// Everything escapeForTerminal escapes except the line feed human output is made of.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu
const STYLE_CODE = new RegExp(`${STYLE_MARK}(\\d{1,2})m`, 'gu')

/**
 * `text` with every control (but the line feed), C1 and bidi character shown visibly; then our own style marks
 * (style.ts) become colour codes when `colour` is on, and vanish when it is off.
 */
export function escapeOutput(text: string, colour: boolean): string {
  const escaped = text.replace(UNSAFE, escapeCharacter)
  return escaped.replace(STYLE_CODE, (_, code: string) => (colour ? `\u001b[${code}m` : ''))
}

const RAW = Symbol('claimcheck.rawOutput')

interface EscapingIO extends CliIO {
  readonly [RAW]: Pick<CliIO, 'stdout' | 'stderr'>
}

/**
 * The io runCli gives commands: the same as `sink`, but `stdout` and `stderr` escape (escapeOutput). Commands and
 * their renderers write with `io.stdout(text)` / `io.stderr(text)` and need nothing else; JSON is written the same
 * way (toJsonText for the house format).
 */
export function escapingIO(sink: CliIO): CliIO {
  if (RAW in sink) return sink
  const colour = useColour(sink)
  const io: EscapingIO = {
    ...sink,
    stdout: (text) => sink.stdout(escapeOutput(text, colour)),
    stderr: (text) => sink.stderr(escapeOutput(text, colour)),
    [RAW]: { stdout: sink.stdout, stderr: sink.stderr },
  }
  return io
}

/**
 * The one way around the escape, for a command's own constant text that must drive the terminal (the tenants
 * progress line's carriage return and erase-to-end-of-line). Never pass it text that came from outside.
 */
export function writeConstant(io: CliIO, stream: 'stdout' | 'stderr', constant: string): void {
  const raw = (io as Partial<EscapingIO>)[RAW]
  ;(raw ?? io)[stream](constant)
}
