import { open } from 'node:fs/promises'
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

/** The largest file a flag may name (a catalog, a key set, a tenants list): a few MB of text at most. */
export const FILE_LIMIT_BYTES = 8 * 1024 * 1024

/**
 * Reads a file named by a flag, refusing it once it passes `limitBytes` (read in pieces, so /dev/zero or a huge file
 * never fills memory). Throws UsageError with the flag's name.
 */
export async function readFileCapped(
  path: string,
  flag: string,
  limitBytes: number = FILE_LIMIT_BYTES,
): Promise<Buffer> {
  let handle
  try {
    handle = await open(path, 'r')
  } catch (err) {
    throw new UsageError(`${flag}: cannot read ${path} (${err instanceof Error ? err.message : String(err)})`)
  }
  try {
    const chunks: Buffer[] = []
    let size = 0
    const piece = Buffer.alloc(64 * 1024)
    while (true) {
      const { bytesRead } = await handle.read(piece, 0, piece.length, null)
      if (bytesRead === 0) break
      size += bytesRead
      if (size > limitBytes) throw new UsageError(`${flag}: ${path} is larger than ${limitBytes} bytes`)
      chunks.push(Buffer.from(piece.subarray(0, bytesRead)))
    }
    return Buffer.concat(chunks)
  } catch (err) {
    if (err instanceof UsageError) throw err
    throw new UsageError(`${flag}: cannot read ${path} (${err instanceof Error ? err.message : String(err)})`)
  } finally {
    await handle.close()
  }
}
