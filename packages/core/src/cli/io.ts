import type { Readable } from 'node:stream'

/** What a command may touch: injected so tests can run commands in-process as well as through a child. */
export interface CliIO {
  stdin: Readable
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: Record<string, string | undefined>
  isTTY: boolean
  /** The terminal's width when stdout is one; human output wraps to it (else 100). */
  columns?: number
}

export const EXIT_OK = 0
export const EXIT_FINDINGS = 1
export const EXIT_USAGE = 2

/** A usage problem: bad flags or unreadable input. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export async function readAll(stream: Readable, limitBytes: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += b.length
    if (size > limitBytes) throw new UsageError(`standard input is larger than ${limitBytes} bytes`)
    chunks.push(b)
  }
  return Buffer.concat(chunks).toString('utf8')
}
