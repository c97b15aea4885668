import { TENANT_OUTCOMES, type TenantOutcome } from './outcomes.js'
import type { StoppedEarly, TenantCheckRun } from './check-tenants.js'
import type { TenantResult } from './result.js'

/** A run in numbers: the last line of the CLI's JSONL and the end of its table. */
export interface TenantSummary {
  total: number
  counts: Record<TenantOutcome, number>
  /** Every tenant checked is ready and none was skipped. */
  allReady: boolean
  stoppedEarly: StoppedEarly | null
  requests: number
  retries: number
  /** Observations across tenants (e.g. every tenant answered not-onboarded: a wrong client ID looks like that). */
  notes: string[]
}

/** Counts results as they stream past, so a run of thousands keeps numbers, not results. */
export interface TenantTally {
  add(result: TenantResult): void
  readonly counts: Readonly<Record<TenantOutcome, number>>
  readonly total: number
  summary(run: Pick<TenantCheckRun, 'stoppedEarly' | 'requests' | 'retries'>): TenantSummary
}

export function createTenantTally(): TenantTally {
  const counts = Object.fromEntries(TENANT_OUTCOMES.map((o) => [o, 0])) as Record<TenantOutcome, number>
  let total = 0
  return {
    add(result) {
      counts[result.outcome]++
      total++
    },
    get counts() {
      return counts
    },
    get total() {
      return total
    },
    summary(run) {
      const notes: string[] = []
      if (total >= 2 && counts['not-onboarded'] === total) {
        notes.push(
          'Every tenant answered not-onboarded (AADSTS700016): if none has consented yet that is expected; otherwise check the client ID and the cloud.',
        )
      }
      if (run.stoppedEarly !== null) {
        notes.push(
          `Stopped at ${run.stoppedEarly.tenant}: the app's credential was refused, which would fail the same way in every tenant; ${run.stoppedEarly.untried} tenant(s) not tried.`,
        )
      }
      return {
        total,
        counts: { ...counts },
        allReady: total > 0 && counts.ready === total && run.stoppedEarly === null,
        stoppedEarly: run.stoppedEarly,
        requests: run.requests,
        retries: run.retries,
        notes,
      }
    },
  }
}

/** One JSONL line per tenant: `record: "tenant"` and the result's fields. */
export function tenantJsonLine(result: TenantResult): string {
  return `${JSON.stringify({ record: 'tenant', ...result })}\n`
}

/** The closing JSONL line: `record: "summary"`. */
export function summaryJsonLine(summary: TenantSummary): string {
  return `${JSON.stringify({ record: 'summary', ...summary })}\n`
}
