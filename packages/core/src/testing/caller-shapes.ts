import type { TokenVersion } from '../entra/issuers.js'
import type { JsonValue } from '../lib/json.js'
import type { TestTokenKind } from './token-shapes.js'

/**
 * The callers the kit can mint beside plain apps and users (architecture.md, "Caller facts"). Each shape carries
 * the optional claims (`xms_idrel`, facets, `xms_par_app_azp`, `xms_mirid`) as if the API's app registration had
 * enabled them; remove one with `claims: { xms_idrel: undefined }` to test a policy's missing-claim path.
 */
export type TestCaller =
  'agent' | 'agent-for-user' | 'agent-user' | 'managed-identity' | 'guest' | 'gdap-user'

/** Claims to set; `undefined` removes one. */
export type ClaimOverrides = Record<string, JsonValue | undefined>

export const TEST_CALLERS: readonly TestCaller[] = [
  'agent',
  'agent-for-user',
  'agent-user',
  'managed-identity',
  'guest',
  'gdap-user',
]

/** The token kind each caller is: agents acting as themselves and managed identities are app-only. */
export function kindOfCaller(caller: TestCaller): TestTokenKind {
  return caller === 'agent' || caller === 'managed-identity' ? 'app-only' : 'delegated'
}

export interface CallerShapeInput {
  caller: TestCaller
  version: TokenVersion
  tenantId: string
  /** The agent's blueprint (parent) application ID, for agents. */
  blueprintId: string
  /** A subject distinct from oid: Microsoft's autonomous-agent sample has oid ≠ sub. */
  agentSubject: string
  /** A GUID for the managed identity's resource path. */
  subscriptionId: string
}

/** `appidacr` (v1) / `azpacr` (v2): 2 is a certificate or managed identity. */
function certificate(version: TokenVersion): ClaimOverrides {
  return version === '1.0' ? { appidacr: '2' } : { azpacr: '2' }
}

/** Claims laid over the plain shape of `kindOfCaller(caller)`, as Entra writes them for that caller. */
export function callerClaims(input: CallerShapeInput): ClaimOverrides {
  const { caller, version } = input
  switch (caller) {
    case 'agent':
      // Microsoft's sample (agent-token-claims): idtyp app, oid ≠ sub, facets in any order.
      return {
        ...certificate(version),
        sub: input.agentSubject,
        xms_act_fct: '3 9 11',
        xms_idrel: '7',
        xms_par_app_azp: input.blueprintId,
        xms_sub_fct: '9 3 11',
        xms_tnt_fct: '3 9',
      }
    case 'agent-for-user':
      return { xms_act_fct: '11', xms_idrel: '1', xms_par_app_azp: input.blueprintId }
    case 'agent-user':
      return {
        idtyp: 'user',
        xms_act_fct: '11',
        xms_idrel: '1',
        xms_par_app_azp: input.blueprintId,
        xms_sub_fct: '13',
        ...(version === '1.0'
          ? { upn: 'agent.user@contoso.onmicrosoft.com', unique_name: 'agent.user@contoso.onmicrosoft.com' }
          : { preferred_username: 'agent.user@contoso.onmicrosoft.com' }),
        name: 'Agent user',
      }
    case 'managed-identity':
      return {
        ...certificate(version),
        xms_idrel: '7',
        xms_mirid: `/subscriptions/${input.subscriptionId}/resourcegroups/test/providers/Microsoft.ManagedIdentity/userAssignedIdentities/test-identity`,
      }
    case 'guest': {
      const upn = 'guest_fabrikam.example#EXT#@contoso.onmicrosoft.com'
      return {
        xms_idrel: '5',
        ...(version === '1.0'
          ? {
              upn,
              unique_name: 'guest@fabrikam.example',
              idp: 'https://sts.windows.net/9d7f1c2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f/',
            }
          : { preferred_username: 'guest@fabrikam.example' }),
      }
    }
    case 'gdap-user':
      // A partner's administrator working in the customer's tenant: no upn of the customer's, idp the partner's.
      return {
        xms_idrel: '11',
        ...(version === '1.0'
          ? {
              unique_name: 'admin@partner.example',
              idp: 'https://sts.windows.net/2c1b0a9f-8e7d-4c6b-9a5f-4e3d2c1b0a9f/',
              upn: undefined,
            }
          : { preferred_username: 'admin@partner.example' }),
      }
  }
}
