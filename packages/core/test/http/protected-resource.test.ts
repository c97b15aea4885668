import { describe, expect, it } from 'vitest'
import type { Refusal } from '../../src/http/answer.js'
import { protectedResourceMetadata, resourceMetadataUrl } from '../../src/http/index.js'
import { resolveProtectedResource, withResourceMetadata } from '../../src/http/protected-resource.js'
import type { PermissionCatalog } from '../../src/index.js'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'

describe('RFC 9728 protected-resource metadata', () => {
  it('§3.1: the well-known path goes between the host and the path, a terminating slash removed', () => {
    expect(resourceMetadataUrl('https://resource.example.com/resource1')).toBe(
      'https://resource.example.com/.well-known/oauth-protected-resource/resource1',
    )
    expect(resourceMetadataUrl('https://resource.example.com')).toBe(
      'https://resource.example.com/.well-known/oauth-protected-resource',
    )
    expect(resourceMetadataUrl('https://resource.example.com/')).toBe(
      'https://resource.example.com/.well-known/oauth-protected-resource',
    )
    expect(resourceMetadataUrl('https://mcp.contoso.example/mcp')).toBe(
      'https://mcp.contoso.example/.well-known/oauth-protected-resource/mcp',
    )
  })

  it('§1.2: resource is an https URL without a fragment, checked at creation', () => {
    for (const bad of ['http://mcp.contoso.example/mcp', 'https://mcp.contoso.example/mcp#x', 'mcp', '', 42])
      expect(() => protectedResourceMetadata({ resource: bad as string })).toThrow(TypeError)
    expect(() => protectedResourceMetadata({ resource: 'https://a.example', resorce: 'x' } as never)).toThrow(
      /did you mean 'resource'/,
    )
  })

  it('§2: resource, authorization_servers, scopes_supported, bearer_methods_supported (header only)', () => {
    expect(
      protectedResourceMetadata({
        resource: 'https://mcp.contoso.example/mcp',
        scopes: ['Tools.Call', 'api://other/Read'],
        tenants: [TENANT],
      }),
    ).toEqual({
      resource: 'https://mcp.contoso.example/mcp',
      authorization_servers: [`https://login.microsoftonline.com/${TENANT}/v2.0`],
      scopes_supported: ['https://mcp.contoso.example/mcp/Tools.Call', 'api://other/Read'],
      bearer_methods_supported: ['header'],
    })
  })

  it('authorization_servers: explicit, else the single tenant, else organizations (never the allow-list)', () => {
    const resource = 'https://mcp.contoso.example/mcp'
    const second = '11111111-2222-3333-4444-555555555555'
    expect(protectedResourceMetadata({ resource, tenants: [TENANT, second] }).authorization_servers).toEqual([
      'https://login.microsoftonline.com/organizations/v2.0',
    ])
    expect(protectedResourceMetadata({ resource, tenants: 'any' }).authorization_servers).toEqual([
      'https://login.microsoftonline.com/organizations/v2.0',
    ])
    expect(
      protectedResourceMetadata({ resource, tenants: [TENANT], cloud: 'usgov' }).authorization_servers,
    ).toEqual([`https://login.microsoftonline.us/${TENANT}/v2.0`])
    expect(
      protectedResourceMetadata({
        resource,
        authorizationServers: ['https://as.example/t/v2.0'],
        tenants: [TENANT],
      }).authorization_servers,
    ).toEqual(['https://as.example/t/v2.0'])
    expect(() => protectedResourceMetadata({ resource, authorizationServers: [] })).toThrow(TypeError)
    expect(() =>
      protectedResourceMetadata({ resource, authorizationServers: ['http://as.example'] }),
    ).toThrow(TypeError)
  })

  it("default scopes_supported: the catalog's delegated permissions under its App ID URI", () => {
    const catalog: PermissionCatalog = {
      id: 'mcp',
      name: 'MCP',
      appId: null,
      identifierUris: ['https://mcp.contoso.example/mcp'],
      hosts: [],
      permissions: [
        { value: 'Tools.Call', kind: 'delegated', id: null },
        { value: 'Tools.Call.All', kind: 'application', id: null },
      ],
      operations: [],
    }
    expect(
      protectedResourceMetadata({ resource: 'https://mcp.contoso.example/mcp', catalog }).scopes_supported,
    ).toEqual(['https://mcp.contoso.example/mcp/Tools.Call'])
  })

  it('§5.1: resource_metadata is added to 401 challenges only, bare or with an error', () => {
    const resolved = resolveProtectedResource({ resource: 'https://resource.example.com' }, {})
    const refusal = (status: Refusal['status'], challenge?: string): Refusal => ({
      status,
      headers: challenge === undefined ? {} : { 'www-authenticate': challenge },
      body: { error: 'unauthorized', finding: null, fix: '' },
    })
    expect(withResourceMetadata(refusal(401, 'Bearer'), resolved).headers['www-authenticate']).toBe(
      'Bearer resource_metadata="https://resource.example.com/.well-known/oauth-protected-resource"',
    )
    expect(
      withResourceMetadata(refusal(401, 'Bearer error="invalid_token"'), resolved).headers[
        'www-authenticate'
      ],
    ).toBe(
      'Bearer error="invalid_token", resource_metadata="https://resource.example.com/.well-known/oauth-protected-resource"',
    )
    expect(
      withResourceMetadata(refusal(403, 'Bearer error="insufficient_scope"'), resolved).headers[
        'www-authenticate'
      ],
    ).toBe('Bearer error="insufficient_scope"')
    expect(withResourceMetadata(refusal(401, 'Bearer'), null).headers['www-authenticate']).toBe('Bearer')
  })
})
