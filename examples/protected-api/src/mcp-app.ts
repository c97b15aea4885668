import type { Verifier } from '@claimcheck/core'
import type { ProtectedCatalog } from '@claimcheck/core/http'
import { entraAuth, getAuth, protectedResourceHandler, type EntraAuthEnv } from '@claimcheck/core/hono'
import { Hono } from 'hono'

/**
 * The URL MCP clients call. The app registration's Application ID URI is set to exactly this (Expose an API), so the
 * scopes clients ask Entra for (`https://mcp.contoso.example/mcp/Tools.Call`) name the same resource: otherwise Entra
 * answers AADSTS9010010. The verifier's audience is the same URL (v1 tokens) and the client ID (v2 tokens).
 */
export const MCP_RESOURCE = 'https://mcp.contoso.example/mcp'

export const MCP_CATALOG: ProtectedCatalog = {
  id: 'contoso-mcp',
  name: 'Contoso MCP server',
  appId: null,
  identifierUris: [MCP_RESOURCE],
  hosts: ['mcp.contoso.example'],
  permissions: [
    { value: 'Tools.Call', kind: 'delegated', id: null },
    { value: 'Tools.Call.All', kind: 'application', id: null },
  ],
  operations: [{ method: 'POST', path: '/mcp', delegated: ['Tools.Call'], application: ['Tools.Call.All'] }],
}

interface JsonRpcRequest {
  jsonrpc?: unknown
  id?: unknown
  method?: unknown
}

const TOOLS = [
  { name: 'whoami', description: 'Who the server thinks is calling', inputSchema: { type: 'object' } },
]

/**
 * An MCP-style JSON-RPC endpoint (POST /mcp) protected with Entra: a 401 names the RFC 9728 metadata in its
 * challenge (`resource_metadata`), which MCP clients read to find the authorization server and scopes; the metadata
 * is served at /.well-known/oauth-protected-resource/mcp. `tenantId` makes the default authorization server that
 * tenant's v2 issuer.
 */
export function createMcpApp(verifier: Verifier, tenantId: string): Hono<EntraAuthEnv> {
  const app = new Hono<EntraAuthEnv>()
  const protectedResource = { resource: MCP_RESOURCE }
  const metadata = protectedResourceHandler({
    ...protectedResource,
    tenants: [tenantId],
    catalog: MCP_CATALOG,
  })
  app.get(metadata.path, metadata)
  app.post(
    '/mcp',
    entraAuth({ verifier, protectedResource, requirement: { catalog: MCP_CATALOG, operation: 'POST /mcp' } }),
    async (c) => {
      let call: JsonRpcRequest
      try {
        call = (await c.req.json()) as JsonRpcRequest
      } catch {
        return c.json({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } })
      }
      const id = typeof call.id === 'string' || typeof call.id === 'number' ? call.id : null
      if (call.jsonrpc !== '2.0')
        return c.json({ jsonrpc: '2.0', id, error: { code: -32600, message: 'Invalid Request' } })
      if (call.method === 'tools/list') return c.json({ jsonrpc: '2.0', id, result: { tools: TOOLS } })
      if (call.method === 'tools/call') {
        const token = getAuth(c)?.token
        const text = `${token?.kind ?? 'unknown'} caller ${token?.appId ?? '?'} in tenant ${token?.tenantId ?? '?'}`
        return c.json({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text }] } })
      }
      return c.json({ jsonrpc: '2.0', id, error: { code: -32601, message: 'Method not found' } })
    },
  )
  return app
}
