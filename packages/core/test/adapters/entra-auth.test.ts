import { describe, expect, it } from 'vitest'
import {
  entraAuth as expressAuth,
  type ExpressAuthRequest,
  type ExpressAuthResponse,
} from '../../src/adapters/express/index.js'
import { entraAuth as fastifyAuth } from '../../src/adapters/fastify/index.js'
import { entraAuth as honoAuth } from '../../src/adapters/hono/index.js'
import { createVerifier, type Report } from '../../src/index.js'
import { createTestTenant, fixedClock } from '../../src/testing/index.js'

const NOW = new Date('2026-11-30T12:00:00Z')
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const base = { audience: 'https://api.securitycenter.microsoft.com', tenants: [TENANT] }

describe('entraAuth options (every adapter): misconfiguration throws when the middleware is made', () => {
  for (const [name, make] of [
    ['express', expressAuth],
    ['fastify', fastifyAuth],
    ['hono', honoAuth],
  ] as const) {
    it(name, () => {
      expect(() => make({ ...base, requirement: { api: 'mde', operation: 'GET /api/alerts' } })).not.toThrow()
      expect(() => make({ ...base, requirement: 'from-request' })).toThrow(TypeError)
      expect(() => make({ ...base, requirement: 'from-request', api: 'mde' })).not.toThrow()
      expect(() => make({ ...base, requirement: { api: 'mde' }, api: 'mde' })).toThrow(TypeError)
      expect(() => make({ ...base, requirement: { api: 'mde', authContext: 'C1' } })).toThrow(TypeError)
      expect(() => make({ ...base, requirement: { api: 'mde', scopes: ['x'] } as never })).toThrow(TypeError)
      expect(() => make({ audience: base.audience } as never)).toThrow(TypeError) // createVerifier's own check
      const verifier = createVerifier(base)
      expect(() => make({ verifier })).not.toThrow()
      expect(() => make({ verifier, ...base } as never)).toThrow(TypeError)
      expect(() => make({ ...base, retryAfterSeconds: 1.5 })).toThrow(TypeError)
    })
  }
})

describe('express adapter without a server', () => {
  function fakeResponse(headersSent = false) {
    const sent: { status?: number; headers: Record<string, string>; body?: string } = { headers: {} }
    const res: ExpressAuthResponse = {
      headersSent,
      statusCode: 200,
      setHeader(name, value) {
        sent.headers[name] = value
      },
      end(chunk) {
        sent.status = res.statusCode
        sent.body = chunk
      },
    }
    return { res, sent }
  }
  const run = (mw: ReturnType<typeof expressAuth>, req: ExpressAuthRequest, res: ExpressAuthResponse) =>
    new Promise<unknown>((resolve) => {
      mw(req, res, (err?: unknown) => resolve(err ?? 'next'))
      setTimeout(() => resolve('answered'), 200)
    })

  it('sets req.auth and calls next for a good token; answers 401 without one; lets a preflight through', async () => {
    const tenant = await createTestTenant({ now: NOW })
    const mw = expressAuth({
      audience: base.audience,
      tenants: [tenant.tenantId],
      fetch: tenant.fetch,
      now: fixedClock(NOW),
      requirement: { api: 'mde', operation: 'GET /api/alerts' },
    })
    const token = await tenant.issueToken({ api: 'mde', roles: ['Alert.Read.All'] })
    const good: ExpressAuthRequest = {
      method: 'GET',
      path: '/api/alerts',
      headers: { authorization: `Bearer ${token}` },
    }
    expect(await run(mw, good, fakeResponse().res)).toBe('next')
    expect((good as { auth?: Report }).auth?.verdict).toBe('works')

    const { res, sent } = fakeResponse()
    const anonymous: ExpressAuthRequest = { method: 'GET', path: '/api/alerts', headers: {} }
    expect(await run(mw, anonymous, res)).toBe('answered')
    expect(sent.status).toBe(401)
    expect(sent.headers['www-authenticate']).toBe('Bearer')
    expect((anonymous as { auth?: Report }).auth).toBeUndefined()

    const preflight: ExpressAuthRequest = { method: 'OPTIONS', path: '/api/alerts', headers: {} }
    expect(await run(mw, preflight, fakeResponse().res)).toBe('next')
    expect((preflight as { auth?: Report }).auth).toBeUndefined()
  })

  it('a verifier that throws reaches next(err), not an unhandled rejection', async () => {
    const boom = new Error('verifier broke')
    const mw = expressAuth({ verifier: { verify: () => Promise.reject(boom) } })
    expect(
      await run(
        mw,
        { method: 'GET', path: '/', headers: { authorization: 'Bearer a.b.c' } },
        fakeResponse().res,
      ),
    ).toBe(boom)
  })
})
