import type { Report } from '@claimcheck/core'

/** The example's business logic, shared by every framework: what the handlers answer. */
export function orderBody(
  id: string,
  auth: Report | null | undefined,
): { id: string; caller: string | null; operation: string | null } {
  return { id, caller: auth?.token?.appId ?? null, operation: auth?.permissions.operation ?? null }
}

export function refundBody(
  id: string,
  auth: Report | null | undefined,
): { id: string; refunded: true; caller: string | null } {
  return { id, refunded: true, caller: auth?.token?.appId ?? null }
}
