import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface LoopbackServer {
  /** http://127.0.0.1:<port> */
  origin: string
  close(): Promise<void>
}

/** Serves a Fetch-API handler on 127.0.0.1 (an ephemeral port), so checks go over a real socket without leaving the machine. */
export async function serveOnLoopback(
  handle: (request: Request) => Promise<Response>,
): Promise<LoopbackServer> {
  const server = createServer((req, res) => {
    void relay(handle, req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function relay(
  handle: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const controller = new AbortController()
  res.on('close', () => controller.abort())
  try {
    const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
      method: req.method ?? 'GET',
      headers: req.headers as Record<string, string>,
      ...(req.method === 'POST' ? { body: Buffer.concat(chunks) } : {}),
      signal: controller.signal,
    })
    const response = await handle(request)
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(Buffer.from(await response.arrayBuffer()))
  } catch {
    if (!res.headersSent && !res.destroyed) res.writeHead(500).end()
  }
}
