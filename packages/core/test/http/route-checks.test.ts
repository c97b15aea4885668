import { describe, expect, it } from 'vitest'
import { requireClaims, requireRoles, requireScopes } from '../../src/http/index.js'
import { answerRefusal, resolveProtect } from '../../src/http/protect.js'
import { routeCheckRefusal } from '../../src/http/route-checks.js'
import type { Report } from '../../src/index.js'

const reportWith = (payload: Record<string, unknown>) => ({ token: { payload } }) as unknown as Report
const settings = { realm: 'orders', retryAfterSeconds: 30 }

describe('requireScopes / requireRoles / requireClaims', () => {
  it('match scp (space-separated) and roles (an array) exactly; all by default, one with { any: true }', () => {
    const token = { scp: 'Orders.Read  Orders.Write', roles: ['Admin'] }
    expect(requireScopes(['Orders.Read', 'Orders.Write']).test(token)).toBe(true)
    expect(requireScopes(['Orders.Read', 'Orders.Delete']).test(token)).toBe(false)
    expect(requireScopes(['Orders.Read', 'Orders.Delete'], { any: true }).test(token)).toBe(true)
    expect(requireScopes(['orders.read']).test(token)).toBe(false)
    expect(requireRoles(['Admin']).test(token)).toBe(true)
    // A user's scp never satisfies a role check, nor roles a scope check.
    expect(requireRoles(['Orders.Read']).test(token)).toBe(false)
    expect(requireScopes(['Admin']).test(token)).toBe(false)
    expect(requireScopes(['Orders.Read']).test({ scp: ['Orders.Read'] })).toBe(true)
    expect(requireScopes(['Orders.Read']).test({})).toBe(false)
  })

  it('misuse throws TypeError at creation', () => {
    expect(() => requireScopes([])).toThrow(TypeError)
    expect(() => requireScopes(['a b'])).toThrow(TypeError)
    expect(() => requireRoles('Admin' as never)).toThrow(TypeError)
    expect(() => requireScopes(['a'], { anyOf: true } as never)).toThrow(/'any'/)
    expect(() => requireScopes(['a'], { any: 'yes' } as never)).toThrow(TypeError)
    expect(() => requireClaims('tid' as never)).toThrow(TypeError)
    expect(() => resolveProtect({ checks: ['x'] as never })).toThrow(TypeError)
    expect(() => resolveProtect({ onRefused: 'log' as never })).toThrow(TypeError)
    expect(() => resolveProtect({ credentialsRequired: 'no' as never })).toThrow(TypeError)
  })

  it('the 403 names the first failing check, with realm, scope and the code', () => {
    const refusal = routeCheckRefusal(
      reportWith({ scp: 'A' }),
      [requireScopes(['A']), requireRoles(['R1', 'R2'], { any: true }), requireClaims(() => false)],
      settings,
    )
    expect(refusal?.status).toBe(403)
    expect(refusal?.headers['www-authenticate']).toBe(
      'Bearer realm="orders", error="insufficient_scope", error_description="This operation needs one of R1, R2.", scope="R1"',
    )
    expect(refusal?.body).toMatchObject({ finding: 'permission-missing' })
    expect(refusal?.body.fix).toContain('needs one of R1, R2')
    expect(routeCheckRefusal(reportWith({ scp: 'A' }), [requireScopes(['A'])], settings)).toBeNull()
  })

  it('onRefused returning something that is not an answer is a TypeError, not a silent default', async () => {
    const refusal = routeCheckRefusal(reportWith({}), [requireClaims(() => false)], settings)
    if (refusal === null) throw new Error('expected a refusal')
    const extras = resolveProtect<null>({ onRefused: () => ({ code: 418 }) as never })
    await expect(answerRefusal(extras, refusal, null, null)).rejects.toThrow(TypeError)
  })
})

describe('authorize typing with credentialsRequired', () => {
  it('a boolean that may be false makes report nullable on the ok path', async () => {
    const { authorize } = await import('../../src/http/index.js')
    const verifier = { verify: async () => reportWith({}) }
    const flag: boolean = false as boolean
    const optional = await authorize(
      verifier,
      new Request('https://x.example/'),
      {},
      { credentialsRequired: flag },
    )
    // Type-only (never called): the Report may be null on the ok path.
    const typeOnly = () => {
      // @ts-expect-error: possibly null
      if (optional.ok && !optional.preflight) void optional.report.verdict
    }
    void typeOnly
    const required = await authorize(verifier, new Request('https://x.example/'), {}, {})
    if (required.ok && !required.preflight) void required.report.verdict
    expect(optional).toMatchObject({ ok: true, preflight: false, report: null })
  })
})
