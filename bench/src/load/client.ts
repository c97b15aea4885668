import { Agent, request } from 'node:http'
import { performance } from 'node:perf_hooks'

export interface LoadRun {
  requests: number
  durationMs: number
  /** Per-request latency, request start to the last byte of the response. */
  latenciesMs: number[]
  /** Responses other than 200, and requests that failed on the socket. */
  errors: number
  statuses: Record<string, number>
}

/**
 * `total` GETs of `path`, round-robin over `tokens`, over `connections` keep-alive sockets (each connection sends
 * its next request when the previous answer has arrived, as a load tool's closed model does).
 */
export async function runLoad(
  origin: string,
  path: string,
  tokens: readonly string[],
  total: number,
  connections: number,
): Promise<LoadRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections })
  const url = new URL(path, origin)
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  let errors = 0
  let next = 0
  const one = (token: string): Promise<number | 'error'> =>
    new Promise((resolve) => {
      const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
        res.on('error', () => resolve('error'))
      })
      req.on('error', () => resolve('error'))
      req.end()
    })
  const worker = async (): Promise<void> => {
    while (next < total) {
      const i = next++
      const started = performance.now()
      const status = await one(tokens[i % tokens.length] as string)
      latencies.push(performance.now() - started)
      statuses[String(status)] = (statuses[String(status)] ?? 0) + 1
      if (status !== 200) errors++
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: connections }, worker))
  const durationMs = performance.now() - started
  agent.destroy()
  return { requests: total, durationMs, latenciesMs: latencies, errors, statuses }
}
