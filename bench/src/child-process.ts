import { spawn } from 'node:child_process'

export interface ChildOutcome<T> {
  /** The last JSON line the child printed, or null. */
  value: T | null
  /** Set when the child had to be killed at the time limit. */
  killedAfterMs?: number
  stderr: string
}

/**
 * Runs a harness module in a fresh Node process and reads back one JSON line. The time limit is enforced here,
 * so nothing a peer does can make the run hang.
 */
export function runChild<T>(
  script: string,
  arg: unknown,
  timeoutMs: number,
  nodeArgs: readonly string[] = [],
): Promise<ChildOutcome<T>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, script, JSON.stringify(arg)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let killed: number | undefined
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => {
      killed = timeoutMs
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('close', () => {
      clearTimeout(timer)
      const value = lastJsonLine<T>(stdout)
      resolve({
        value,
        ...(killed === undefined ? {} : { killedAfterMs: killed }),
        stderr: stderr.slice(0, 2000),
      })
    })
  })
}

function lastJsonLine<T>(stdout: string): T | null {
  const line = stdout.trim().split('\n').pop()
  if (line === undefined || line === '') return null
  try {
    return JSON.parse(line) as T
  } catch {
    return null
  }
}

/** Runs tasks with at most `limit` at once, keeping their order in the results. */
export async function pooled<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++
      results[i] = await (tasks[i] as () => Promise<T>)()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  return results
}
