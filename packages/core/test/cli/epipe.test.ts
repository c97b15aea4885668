// `claimcheck permissions --api graph | head -2`: the reader closes the pipe after two lines. The CLI must end with
// exit 0 and nothing on stderr, not Node's EPIPE stack trace (issue 24 point 1).
import { spawn } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { CLI_MAIN, ensureCliBuilt } from '../fixtures/built-cli.js'

beforeAll(async () => {
  await ensureCliBuilt()
}, 180_000)

function runAndCloseAfter(args: readonly string[], bytes: number) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; read: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [CLI_MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
      let read = ''
      let stderr = ''
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString('utf8')
      })
      child.stdout.on('data', (d: Buffer) => {
        read += d.toString('utf8')
        // Like head: take what it needs, then close its end of the pipe.
        if (read.length >= bytes) child.stdout.destroy()
      })
      child.on('error', reject)
      child.on('close', (code, signal) => resolve({ code, signal, stderr, read }))
    },
  )
}

describe('a closed pipe', () => {
  it('ends permissions --api graph with exit 0 and a silent stderr', async () => {
    const r = await runAndCloseAfter(['permissions', '--api', 'graph'], 1)
    expect(r.read.length).toBeGreaterThan(0)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
  })

  it('ends permissions --json the same way', async () => {
    const r = await runAndCloseAfter(['permissions', '--json'], 1)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
  })
})
