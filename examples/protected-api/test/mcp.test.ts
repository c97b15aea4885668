import { beforeAll, describe, expect, it } from 'vitest'
import { createVerifier, type Verifier } from '@claimcheck/core'
import { createTestTenant, fixedClock, type TestTenant } from '@claimcheck/core/testing'
import { createMcpApp, MCP_RESOURCE } from '../src/mcp-app.js'

const NOW = new Date('2026-11-30T12:00:00Z')
const METADATA = 'https://mcp.contoso.example/.well-known/oauth-protected-resource/mcp'

let tenant: TestTenant
let verifier: Verifier
beforeAll(async () => {
  tenant = await createTestTenant({ now: NOW })
  verifier = createVerifier({
    audience: MCP_RESOURCE,
    tenants: [tenant.tenantId],
    fetch: tenant.fetch,
    now: fixedClock(NOW),
  })
})

const rpc = (method: string) => JSON.stringify({ jsonrpc: '2.0', id: 1, method })

describe('an MCP-style JSON-RPC endpoint protected with RFC 9728 metadata', () => {
  it('a client without a token learns where the metadata is, and the metadata where to get a token', async () => {
    const app = createMcpApp(verifier, tenant.tenantId)
    // The Host header is the caller's: the challenge is built from the configured resource only.
    const refused = await app.request('http://evil.example/mcp', { method: 'POST', body: rpc('tools/list') })
    expect(refused.status).toBe(401)
    expect(refused.headers.get('www-authenticate')).toBe(`Bearer resource_metadata="${METADATA}"`)

    const metadata = await app.request(new URL(METADATA).pathname)
    expect(metadata.status).toBe(200)
    expect(await metadata.json()).toEqual({
      resource: MCP_RESOURCE,
      authorization_servers: [`https://login.microsoftonline.com/${tenant.tenantId}/v2.0`],
      scopes_supported: [`${MCP_RESOURCE}/Tools.Call`],
      bearer_methods_supported: ['header'],
    })
  })

  it('a token with the scope calls tools; one without it gets 403 insufficient_scope', async () => {
    const app = createMcpApp(verifier, tenant.tenantId)
    const api = { audience: MCP_RESOURCE }
    const good = await tenant.issueToken({ api, kind: 'delegated', scopes: ['Tools.Call'] })
    const answer = await app.request('/mcp', {
      method: 'POST',
      headers: { authorization: `Bearer ${good}`, 'content-type': 'application/json' },
      body: rpc('tools/call'),
    })
    expect(answer.status).toBe(200)
    const body = (await answer.json()) as { result: { content: { text: string }[] } }
    expect(body.result.content[0]?.text).toBe(
      `delegated caller ${tenant.clientId} in tenant ${tenant.tenantId}`,
    )

    const other = await tenant.issueToken({ api, kind: 'delegated', scopes: ['Other.Read'] })
    const refused = await app.request('/mcp', {
      method: 'POST',
      headers: { authorization: `Bearer ${other}` },
      body: rpc('tools/list'),
    })
    expect(refused.status).toBe(403)
    expect(refused.headers.get('www-authenticate')).toContain('error="insufficient_scope"')
    expect(refused.headers.get('www-authenticate')).not.toContain('resource_metadata')

    const expired = await tenant.issueToken({
      api,
      kind: 'delegated',
      scopes: ['Tools.Call'],
      lifetimeSeconds: 60,
      now: new Date(NOW.getTime() - 3600_000),
    })
    const stale = await app.request('/mcp', {
      method: 'POST',
      headers: { authorization: `Bearer ${expired}` },
      body: rpc('tools/list'),
    })
    expect(stale.headers.get('www-authenticate')).toBe(
      `Bearer error="invalid_token", error_description="The access token was refused: expired.", resource_metadata="${METADATA}"`,
    )
  })
})
