import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import type { Verifier } from '@claimcheck/core'
import { createExpressApp } from '../src/express-app.js'
import { createFastifyApp } from '../src/fastify-app.js'
import { createHonoApp } from '../src/hono-app.js'

export type Framework = 'express' | 'fastify' | 'hono'
export const FRAMEWORKS: readonly Framework[] = ['express', 'fastify', 'hono']

export interface Running {
  origin: string
  close(): Promise<void>
}

function listening(server: Server): Promise<Running> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}

/** A real server on 127.0.0.1 (an ephemeral port), as each framework is served in production. */
export async function start(framework: Framework, verifier: Verifier): Promise<Running> {
  if (framework === 'express') return listening(createServer(createExpressApp(verifier)))
  if (framework === 'fastify') {
    const app = createFastifyApp(verifier)
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    return { origin: address, close: () => app.close() }
  }
  const app = createHonoApp(verifier)
  return listening(createAdaptorServer({ fetch: app.fetch }) as Server)
}
