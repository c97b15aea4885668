import { LitElement, html, nothing } from 'lit'
import { formatRateLimit, planMigration, type MigrationPlan, type MigrationStep } from '@claimcheck/core'
import { sharedStyles } from '../../styles/shared.js'
import { migratePanelStyles } from './migrate-panel.styles.js'

const OUTCOME: Record<MigrationStep['outcome'], string> = {
  works: 'keeps working',
  announced: 'keeps working (retirement announced, no date)',
  retiring: 'retiring',
  retired: 'retired',
  unknown: 'unknown',
}

/**
 * "Will it keep working?": paste the calls an app makes ("METHOD URL" lines, curl commands or a HAR file) and see,
 * per call, whether it keeps working, retires on a date (and what to move to) or is retired. planMigration runs in
 * the page: nothing leaves it. Loaded on demand (its own chunk), so the page's entry does not grow.
 */
export class CcMigratePanel extends LitElement {
  static override properties = {
    plan: { state: true },
    problem: { state: true },
    now: { attribute: false },
  }
  static override styles = [sharedStyles, migratePanelStyles]
  declare plan: MigrationPlan | null
  declare problem: string | null
  /** The clock (tests set it); the live time otherwise. */
  declare now: (() => Date) | null

  constructor() {
    super()
    this.plan = null
    this.problem = null
    this.now = null
  }

  private check(e: Event): void {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const field = (name: string) =>
      (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value.trim() ?? ''
    const within = Number(field('within') || '90')
    const clientId = field('clientId')
    const tenant = field('tenant')
    try {
      this.plan = planMigration(field('calls'), {
        now: this.now ?? (() => new Date()),
        withinDays: Number.isSafeInteger(within) && within >= 0 ? within : 90,
        ...(clientId ? { clientId } : {}),
        ...(tenant ? { tenant } : {}),
      })
      this.problem = null
    } catch (err) {
      // planMigration throws only on misuse of its options; show it as state, never throw at the user.
      this.plan = null
      this.problem = err instanceof Error ? err.message : String(err)
    }
  }

  private renderStep(s: MigrationStep) {
    const what =
      s.outcome === 'retiring'
        ? `retiring on ${s.date ?? '?'} (${s.daysLeft ?? '?'} days)`
        : s.outcome === 'retired'
          ? `retired${s.date ? ` since ${s.date}` : ''}`
          : OUTCOME[s.outcome]
    return html`<tr data-outcome=${s.outcome}>
      <th scope="row"><code>${s.call}</code>${s.apiName ? html`<span class="hint"> · ${s.apiName}</span>` : nothing}</th>
      <td class="outcome">${what}</td>
      <td>${
        s.replacement && (s.outcome === 'retiring' || s.outcome === 'retired')
          ? html`${s.replacement.operation ?? s.replacement.note ?? ''}${s.permissionsToAdd.length > 0 ? html` — add <code>${s.permissionsToAdd.join(', ')}</code>` : nothing}`
          : s.outcome === 'unknown' || s.outcome === 'announced'
            ? html`<span class="hint">${s.reason}</span>`
            : '—'
      }${s.rateLimits.length > 0 ? html`<span class="hint"> (limits: ${s.rateLimits.map(formatRateLimit).join(', ')})</span>` : nothing}</td>
    </tr>`
  }

  private renderPlan(plan: MigrationPlan) {
    const s = plan.summary
    return html`
      <p class="headline" role="status" data-ok=${String(plan.ok)}>${
        plan.ok
          ? `Nothing is retired or retiring within ${plan.withinDays} days (as of ${plan.now.slice(0, 10)}).`
          : `Action needed: ${s.retired} retired, ${plan.steps.filter((x) => x.outcome === 'retiring' && x.actionNeeded).length} retiring within ${plan.withinDays} days (as of ${plan.now.slice(0, 10)}).`
      }</p>
      ${
        plan.steps.length === 0
          ? html`<p class="hint">No call found: paste "METHOD URL" lines, curl commands or a HAR file.</p>`
          : html`<table>
              <caption class="visually-hidden">Each call and whether it keeps working</caption>
              <thead><tr><th scope="col">Call</th><th scope="col">Outcome</th><th scope="col">Move to</th></tr></thead>
              <tbody>${plan.steps.map((x) => this.renderStep(x))}</tbody>
            </table>`
      }
      ${plan.toAdd.map(
        (
          t,
        ) => html`<p class="to-add">Add on ${t.apiName}: <code>${t.permissions.join(', ')}</code> (${plan.context}).
          ${t.adminConsentUrl ? html`<a href=${t.adminConsentUrl} target="_blank" rel="noopener noreferrer">Admin consent link</a>` : html`<span class="hint">Give the app's client ID for the admin-consent link.</span>`}</p>`,
      )}
      <p class="hint">${s.works} keep working, ${s.announced} announced without a date, ${s.retiring} retiring, ${s.retired} retired, ${s.unknown} unknown${plan.unreadable.length > 0 ? `; ${plan.unreadable.length} line(s) not read` : ''}.</p>
    `
  }

  override render() {
    return html`
      <form @submit=${this.check}>
        <label for="calls">The calls your app makes: "METHOD URL" lines, curl commands, or a HAR file's text (headers and cookies are never read; nothing leaves this page)</label>
        <textarea id="calls" name="calls" spellcheck="false" autocomplete="off"
          placeholder="POST https://api.securitycenter.microsoft.com/api/advancedqueries/run"></textarea>
        <div class="row">
          <label>Within (days)<input name="within" type="number" min="0" value="90" /></label>
          <label>App (client) ID<input name="clientId" autocomplete="off" spellcheck="false" /></label>
          <label>Tenant<input name="tenant" autocomplete="off" spellcheck="false" /></label>
          <button type="submit">Check</button>
        </div>
      </form>
      ${this.problem === null ? nothing : html`<p role="alert">${this.problem}</p>`}
      ${this.plan === null ? nothing : this.renderPlan(this.plan)}
    `
  }
}

customElements.define('cc-migrate-panel', CcMigratePanel)

declare global {
  interface HTMLElementTagNameMap {
    'cc-migrate-panel': CcMigratePanel
  }
}
