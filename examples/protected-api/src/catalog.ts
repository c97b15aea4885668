import type { ProtectedCatalog } from '@claimcheck/core/http'

/** The example API's audience: what `aud` must be in the tokens it accepts. */
export const ORDERS_AUDIENCE = 'api://contoso-orders'

/**
 * The one place this API's permissions are written. Every route under /api is matched against these templates
 * ('from-request'); a route that is not listed here is refused, whatever the token carries. Refunds also need
 * Conditional Access auth context c1 (e.g. a policy requiring phishing-resistant MFA).
 */
export const ORDERS_CATALOG: ProtectedCatalog = {
  id: 'contoso-orders',
  name: 'Contoso Orders API',
  appId: null,
  identifierUris: [ORDERS_AUDIENCE],
  hosts: ['orders.contoso.example'],
  permissions: [
    { value: 'Orders.Read.All', kind: 'application', id: null },
    { value: 'Orders.ReadWrite.All', kind: 'application', id: null, includes: ['Orders.Read.All'] },
    { value: 'Orders.Read', kind: 'delegated', id: null },
    { value: 'Orders.ReadWrite', kind: 'delegated', id: null, includes: ['Orders.Read'] },
  ],
  operations: [
    {
      method: 'GET',
      path: '/orders',
      application: ['Orders.Read.All', 'Orders.ReadWrite.All'],
      delegated: ['Orders.Read', 'Orders.ReadWrite'],
    },
    {
      method: 'GET',
      path: '/orders/{id}',
      application: ['Orders.Read.All', 'Orders.ReadWrite.All'],
      delegated: ['Orders.Read', 'Orders.ReadWrite'],
    },
    {
      method: 'POST',
      path: '/orders/{id}/refund',
      application: ['Orders.ReadWrite.All'],
      delegated: ['Orders.ReadWrite'],
      authContext: 'c1',
    },
  ],
}
