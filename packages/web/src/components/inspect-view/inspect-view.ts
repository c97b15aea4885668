import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { Task, TaskStatus } from '@lit/task'
import { inspectToken, type Report } from '@claimcheck/core'
import { loadClaimExplainer } from '../../adapters/claim-explanations.js'
import { redirectSignInPending } from '../../auth/redirect-uri.js'
import { operationsFor } from '../../adapters/permission-catalog.js'
import { measureDiagnosis } from '../../perf/diagnosis-timing.js'
import { DEFAULT_SETTINGS, toInspectOptions, type InspectSettings } from '../../state/settings.js'
import { sharedStyles } from '../../styles/shared.js'
import type { VerificationOutcome } from '../../verify/online-verification.js'
import type { VerificationPhase } from '../signature-panel/signature-panel.js'
import '../claims-table/claims-table.js'
import '../findings-list/findings-list.js'
import '../lifetime-timeline/lifetime-timeline.js'
import '../permission-matrix/permission-matrix.js'
import '../signature-panel/signature-panel.js'
import '../token-input/token-input.js'
import '../verdict-banner/verdict-banner.js'
import { inspectViewStyles } from './inspect-view.styles.js'

function numericClaim(payload: Record<string, unknown>, name: string): number | null {
  const v = Object.hasOwn(payload, name) ? payload[name] : undefined
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/**
 * Paste a token, see what is wrong. The offline diagnosis is synchronous and renders on the same input event;
 * signature verification, when turned on, follows asynchronously through a Task and replaces it.
 */
export class CcInspectView extends LitElement {
  static override properties = {
    raw: { state: true },
    settings: { state: true },
    settingsOpen: { state: true },
    samplesOpen: { state: true },
    signInOpen: { state: true },
    clock: { attribute: false },
  }
  static override styles = [sharedStyles, inspectViewStyles]
  declare raw: string
  declare settings: InspectSettings
  declare settingsOpen: boolean
  declare samplesOpen: boolean
  declare signInOpen: boolean
  /** Injected for tests; the page reads the system clock. */
  declare clock: () => Date
  private offline: Report | null = null
  private diagnosedAt: Date = new Date()
  /** The token sign-in delivered: cleared from the box on sign-out unless the person replaced it. */
  private acquired = ''

  constructor() {
    super()
    this.raw = ''
    this.settings = DEFAULT_SETTINGS
    this.settingsOpen = false
    this.samplesOpen = false
    // Back from a redirect sign-in: the panel opens to finish it.
    this.signInOpen = redirectSignInPending()
    this.clock = () => new Date()
    this.addEventListener('token-input', (e) => {
      this.raw = e.detail.value
    })
    this.addEventListener('settings-change', (e) => {
      this.settings = { ...this.settings, ...e.detail }
      // "Paste a key set instead" (signature panel) needs the key-set box, which lives in Settings.
      if (e.detail.verification === 'key-set') this.settingsOpen = true
    })
    this.addEventListener('sample-loaded', (e) => {
      this.settings = { ...this.settings, ...e.detail.settings }
      this.raw = e.detail.token
    })
    this.addEventListener('token-acquired', (e) => {
      this.settings = { ...this.settings, ...e.detail.settings }
      this.raw = this.acquired = e.detail.token
    })
    this.addEventListener('signed-out', () => {
      if (this.raw === this.acquired) this.raw = ''
      this.acquired = ''
    })
  }

  private verification = new Task(this, {
    args: () => [this.raw, this.settings] as const,
    task: async ([raw, settings], { signal }): Promise<VerificationOutcome | null> => {
      if (settings.verification === 'off' || raw.trim() === '') return null
      const { verifyInBrowser } = await import('../../verify/online-verification.js')
      return verifyInBrowser({ raw, settings, now: this.clock(), signal })
    },
  })

  /** Settings load with their first opening: they are not needed to diagnose a paste, so not in the entry bundle. */
  private settingsPanel = new Task(this, {
    args: () => [this.settingsOpen] as const,
    task: async ([open]) => {
      if (open) await import('../settings-panel/settings-panel.js')
      return open
    },
  })

  /** Like Settings, the sample list loads on first opening: the demo is not on the paste path. */
  private samplePicker = new Task(this, {
    args: () => [this.samplesOpen] as const,
    task: async ([open]) => {
      if (open) await import('../sample-picker/sample-picker.js')
      return open
    },
  })

  /** Sign-in loads with its first opening; MSAL itself only when "Sign in" is pressed. */
  private signInPanel = new Task(this, {
    args: () => [this.signInOpen] as const,
    task: async ([open]) => {
      if (open) await import('../sign-in-panel/sign-in-panel.js')
      return open
    },
  })

  private onSignInToggle(e: Event): void {
    this.signInOpen ||= (e.target as HTMLDetailsElement).open
  }

  private onSamplesToggle(e: Event): void {
    this.samplesOpen = (e.target as HTMLDetailsElement).open
  }

  private onSettingsToggle(e: Event): void {
    this.settingsOpen = (e.target as HTMLDetailsElement).open
  }

  /** Claim explanations arrive after the first diagnosis is on screen (their own chunk). */
  private explainer = new Task(this, {
    args: () => [this.offline?.token !== undefined && this.offline.token !== null] as const,
    task: async ([needed]) => (needed ? loadClaimExplainer() : null),
  })

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('raw') || changed.has('settings') || changed.has('clock')) {
      this.diagnosedAt = this.clock()
      this.offline = this.raw.trim() === '' ? null : inspectToken(this.raw, toInspectOptions(this.settings, this.diagnosedAt))
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('raw') || changed.has('settings')) requestAnimationFrame(measureDiagnosis)
  }

  /** The verified Report once verification finished for the token on screen, else the offline one. */
  private shownReport(): { report: Report | null; phase: VerificationPhase } {
    if (this.offline === null || this.settings.verification === 'off') return { report: this.offline, phase: { phase: 'idle' } }
    const t = this.verification
    if (t.status === TaskStatus.PENDING) return { report: this.offline, phase: { phase: 'pending' } }
    if (t.status === TaskStatus.ERROR) return { report: this.offline, phase: { phase: 'failed', reason: 'The signature check stopped unexpectedly; the diagnosis below is offline.' } }
    const outcome = t.value
    if (t.status !== TaskStatus.COMPLETE || outcome === undefined || outcome === null) return { report: this.offline, phase: { phase: 'pending' } }
    if (outcome.status === 'unavailable') return { report: this.offline, phase: { phase: 'unavailable', reason: outcome.reason } }
    return { report: outcome.report, phase: { phase: 'done' } }
  }

  override render() {
    const { report, phase } = this.shownReport()
    const s = this.settings
    const payload = report?.token?.payload ?? {}
    return html`
      <section class="panel input" aria-label="Token">
        <cc-token-input .value=${this.raw}></cc-token-input>
        <details class="samples" .open=${this.samplesOpen} @toggle=${this.onSamplesToggle}>
          <summary>Try a sample <span class="hint">(demo tokens, no tenant needed)</span></summary>
          ${this.samplesOpen ? html`<cc-sample-picker .clock=${this.clock}></cc-sample-picker>` : nothing}
          ${this.samplePicker.render({ pending: () => html`<p role="status">Loading samples…</p>`, error: () => html`<p role="alert">The samples could not be loaded.</p>` })}
        </details>
        <details class="signin" .open=${this.signInOpen} @toggle=${this.onSignInToggle}>
          <summary>Sign in and get a token <span class="hint">(your app registration, the API you choose)</span></summary>
          ${this.signInOpen ? html`<cc-sign-in-panel .clock=${this.clock}></cc-sign-in-panel>` : nothing}
          ${this.signInPanel.render({ pending: () => html`<p role="status">Loading sign-in…</p>`, error: () => html`<p role="alert">Sign-in could not be loaded.</p>` })}
        </details>
      </section>
      <cc-verdict-banner .report=${report} .now=${this.diagnosedAt}></cc-verdict-banner>
      <details class="settings panel" .open=${this.settingsOpen} @toggle=${this.onSettingsToggle}>
        <summary><span class="summary-title">Settings</span><span class="hint">audience, tenants, clock skew, signature check</span></summary>
        ${this.settingsOpen ? html`<cc-settings-panel .settings=${s}></cc-settings-panel>` : nothing}
        ${this.settingsPanel.render({ pending: () => html`<p role="status">Loading settings…</p>`, error: () => html`<p role="alert">Settings could not be loaded.</p>` })}
      </details>
      ${report === null ? html`<p class="hint empty">The diagnosis appears here as soon as you paste.</p>` : html`
        <section aria-labelledby="findings-h">
          <h2 id="findings-h">Findings</h2>
          <cc-findings-list .findings=${report.findings}></cc-findings-list>
        </section>
        ${report.token === null ? nothing : html`
          <section aria-labelledby="permissions-h">
            <h2 id="permissions-h">Permissions</h2>
            <cc-permission-matrix .report=${report} .api=${s.api} .operation=${s.operation} .operations=${operationsFor}></cc-permission-matrix>
          </section>
          <section aria-labelledby="lifetime-h">
            <h2 id="lifetime-h">Lifetime</h2>
            <cc-lifetime-timeline .issuedAt=${numericClaim(payload, 'iat')} .notBefore=${numericClaim(payload, 'nbf')}
              .expiresAt=${numericClaim(payload, 'exp')} .now=${this.diagnosedAt} .skewSeconds=${s.clockSkewSeconds}></cc-lifetime-timeline>
          </section>
          <section aria-labelledby="signature-h">
            <h2 id="signature-h">Signature</h2>
            <cc-signature-panel .report=${report} .mode=${s.verification} .keySetSource=${s.keySetSource} .verification=${phase}></cc-signature-panel>
          </section>
          <section aria-labelledby="claims-h">
            <h2 id="claims-h">Claims</h2>
            <cc-claims-table .header=${report.token.header} .payload=${report.token.payload} .now=${this.diagnosedAt} .explainer=${this.explainer.value ?? null}></cc-claims-table>
          </section>`}
      `}
    `
  }
}

customElements.define('cc-inspect-view', CcInspectView)

declare global {
  interface HTMLElementTagNameMap {
    'cc-inspect-view': CcInspectView
  }
}
