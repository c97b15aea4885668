import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { Task, TaskStatus } from '@lit/task'
import {
  API_RESOURCES,
  inspectToken,
  isKnownApiId,
  loadBuiltinCatalog,
  type FetchLike,
  type PermissionCatalog,
  type Report,
} from '@claimcheck/core'
import { loadClaimExplainer } from '../../adapters/claim-explanations.js'
import { redirectSignInPending } from '../../auth/redirect-uri.js'
import { CatalogLoader, catalogsNeeded, loadAllCatalogs } from '../../controllers/catalog-loader.js'
import { LazyModule } from '../../controllers/lazy-module.js'
import { emit } from '../../events.js'
import { settingsLine } from '../../format/settings-line.js'
import { measureDiagnosis } from '../../perf/diagnosis-timing.js'
import {
  DEFAULT_SETTINGS,
  readOperation,
  toInspectOptions,
  type InspectSettings,
} from '../../state/settings.js'
import { sharedStyles } from '../../styles/shared.js'
import type { VerificationOutcome } from '../../verify/online-verification.js'
import type { VerificationPhase } from '../signature-panel/signature-panel.js'
import '../findings-list/findings-list.js'
import '../token-input/token-input.js'
import '../verdict-banner/verdict-banner.js'
import { inspectViewStyles } from './inspect-view.styles.js'

/** How long the view reuses an answer from Entra (metadata, key set): a rolled key is seen within a minute. */
const ENTRA_ANSWER_TTL_MS = 60_000

function numericClaim(payload: Record<string, unknown>, name: string): number | null {
  const v = Object.hasOwn(payload, name) ? payload[name] : undefined
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/** How many characters an edit put in at once: what is left after the common start and end of both texts. */
export function insertedAtOnce(before: string, after: string): number {
  const max = Math.min(before.length, after.length)
  let start = 0
  while (start < max && before[start] === after[start]) start++
  let end = 0
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++
  return after.length - start - end
}

/** A sample on screen: its token, and the demo settings that apply to it alone. */
interface SampleFrame {
  token: string
  settings: Partial<InspectSettings>
}

function omit(settings: Partial<InspectSettings>, keys: readonly string[]): Partial<InspectSettings> {
  return Object.fromEntries(
    Object.entries(settings).filter(([k]) => !keys.includes(k)),
  ) as Partial<InspectSettings>
}

/**
 * Paste a token, see whether it will work. The offline diagnosis is synchronous and renders on the same input
 * event; the signature check (on by default: the token's own tenant's published keys) follows through a Task and
 * replaces it. A sample's demo tenant and key set apply to the sample alone: Clear or another token brings back
 * the person's own settings, which are always named in one line under the box.
 */
export class CcInspectView extends LitElement {
  static override properties = {
    raw: { state: true },
    settings: { state: true },
    sample: { state: true },
    settingsOpen: { state: true },
    samplesOpen: { state: true },
    signInOpen: { state: true },
    collapsed: { state: true },
    customCatalog: { state: true },
    clock: { attribute: false },
  }
  static override styles = [sharedStyles, inspectViewStyles]
  declare raw: string
  /** The person's own settings: never changed by a sample. */
  declare settings: InspectSettings
  declare sample: SampleFrame | null
  declare settingsOpen: boolean
  declare samplesOpen: boolean
  declare signInOpen: boolean
  /** After a paste, a narrow screen shows the token box as one line (reopened with its button): the verdict is in view. */
  declare collapsed: boolean
  /** A catalog the person loaded for their own API (this tab only; never sent, never stored). */
  declare customCatalog: PermissionCatalog | null
  /** Injected for tests; the page reads the system clock. */
  declare clock: () => Date
  private offline: Report | null = null
  /** Built-in catalogs the diagnosis on screen waits for (no verdict until they are in), and those that failed. */
  private catalogs = new CatalogLoader(this)
  private waitingFor: string[] = []
  /** The last Report shown in full, kept below the banner while a new operation's catalogs load (same token). */
  private lastShown: { raw: string; report: Report } | null = null
  private catalogsFailed: string[] = []
  private diagnosedAt: Date = new Date()
  /** The token sign-in delivered: cleared from the box on sign-out unless the person replaced it. */
  private acquired = ''
  /** Entra's answers, kept a minute by this view only, so re-judging as the person types does not refetch them. */
  private entraFetch: FetchLike | null = null

  // Panels not needed to diagnose a paste: each loads with its first opening, in its own chunk.
  private settingsModule = new LazyModule(
    this,
    () => import('../settings-panel/settings-panel.js'),
    'settings',
  )
  private samplesModule = new LazyModule(
    this,
    () => import('../sample-picker/sample-picker.js'),
    'the samples',
  )
  // Sign-in lists each Defender API's operations and counts what a new token grants: every catalog comes with it.
  private signInModule = new LazyModule(
    this,
    () => Promise.all([import('../sign-in-panel/sign-in-panel.js'), loadAllCatalogs()]),
    'sign-in',
  )
  private customCatalogModule = new LazyModule(
    this,
    () => import('../custom-catalog/custom-catalog.js'),
    'the catalog loader',
  )
  /** Lifetime, signature and claims: below the verdict and findings, loaded once the first diagnosis is on screen. */
  private detailsModule = new LazyModule(this, () => import('./diagnosis-details.js'), 'the token details')
  /** What the token can do: the permission catalogs, loaded once the first diagnosis is on screen. */
  private capabilitiesModule = new LazyModule(
    this,
    () => import('../capabilities-view/capabilities-view.js'),
    'what this token can do',
  )
  /** "The API answered 401/403": loaded when its section is first opened. */
  // The box tells which API answered from every catalog's role names: every catalog comes with it.
  private apiAnswerModule = new LazyModule(
    this,
    () => Promise.all([import('../api-answer/api-answer.js'), loadAllCatalogs()]),
    'the API answer box',
  )

  constructor() {
    super()
    this.raw = ''
    this.settings = DEFAULT_SETTINGS
    this.sample = null
    this.settingsOpen = false
    this.samplesOpen = false
    // Back from a redirect sign-in: the panel opens to finish it.
    this.signInOpen = redirectSignInPending()
    this.collapsed = false
    this.customCatalog = null
    this.clock = () => new Date()
    this.addEventListener('token-input', (e) => {
      // A paste (many characters at once, replacing or not) folds the box away on a narrow screen; typing and
      // Clear do not.
      if (insertedAtOnce(this.raw, e.detail.value) > 40) this.collapsed = true
      if (e.detail.value === '') this.collapsed = false
      this.raw = e.detail.value
    })
    this.addEventListener('custom-catalog', (e) => {
      this.customCatalog = e.detail.catalog
    })
    this.addEventListener('settings-change', (e) => {
      this.settings = { ...this.settings, ...e.detail }
      // What the person sets now wins over the sample's frame too.
      if (this.sample !== null)
        this.sample = { ...this.sample, settings: omit(this.sample.settings, Object.keys(e.detail)) }
      if (e.detail.verification === 'key-set' && e.detail.keySet === undefined) this.settingsOpen = true
    })
    this.addEventListener('sample-loaded', (e) => {
      this.sample = { token: e.detail.token, settings: e.detail.settings }
      this.raw = e.detail.token
      // The verdict comes next on screen: the picker closes (and a narrow screen folds the box) so it is in view.
      this.samplesOpen = false
      this.collapsed = true
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

  /** The settings the token on screen is judged against: the sample's frame over the person's, for the sample only. */
  get effectiveSettings(): InspectSettings {
    return this.sample !== null && this.sample.token === this.raw
      ? { ...this.settings, ...this.sample.settings }
      : this.settings
  }

  private verification = new Task(this, {
    args: () => [this.raw, this.effectiveSettings, this.customCatalog] as const,
    task: async ([raw, settings, catalog], { signal }): Promise<VerificationOutcome | null> => {
      if (settings.verification === 'off' || raw.trim() === '') return null
      // The verified Report is judged with the same catalogs as the offline one: never before they are in.
      await Promise.all(this.neededCatalogs(settings).map((id) => loadBuiltinCatalog(id))).catch(
        () => undefined,
      )
      const { verifyInBrowser, shortLivedFetch } = await import('../../verify/online-verification.js')
      const entraFetch =
        this.entraFetch ??
        shortLivedFetch(
          (input, init) => fetch(input, init),
          () => Date.now(),
          ENTRA_ANSWER_TTL_MS,
        )
      this.entraFetch = entraFetch
      return verifyInBrowser({ raw, settings, now: this.clock(), signal, fetch: entraFetch, catalog })
    },
    argsEqual: ([a, s, c], [b, t, d]) => a === b && c === d && JSON.stringify(s) === JSON.stringify(t),
  })

  private onSignInToggle(e: Event): void {
    this.signInOpen ||= (e.target as HTMLDetailsElement).open
  }

  private onApiAnswerToggle(e: Event): void {
    if ((e.target as HTMLDetailsElement).open) this.apiAnswerModule.load()
  }

  private onSamplesToggle(e: Event): void {
    this.samplesOpen = (e.target as HTMLDetailsElement).open
  }

  /**
   * The operation box may name any API's operation: once the person is in it, the other catalogs load, so what they
   * type is judged at once (the verdict would wait for them otherwise).
   */
  private onCapabilitiesFocus(): void {
    loadAllCatalogs().catch(() => undefined)
  }

  private onCustomCatalogToggle(e: Event): void {
    if ((e.target as HTMLDetailsElement).open) this.customCatalogModule.load()
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
    if (changed.has('raw') && this.sample !== null && this.sample.token !== this.raw) {
      // Clear, a paste or a signed-in token: the sample's demo frame ends with the sample.
      this.sample = null
    }
    if (
      changed.has('raw') ||
      changed.has('settings') ||
      changed.has('sample') ||
      changed.has('clock') ||
      changed.has('customCatalog') ||
      this.waitingFor.length > 0
    ) {
      this.diagnosedAt = this.clock()
      this.offline =
        this.raw.trim() === ''
          ? null
          : inspectToken(
              this.raw,
              toInspectOptions(this.effectiveSettings, this.diagnosedAt, this.customCatalog),
            )
      const needed = this.neededCatalogs(this.effectiveSettings)
      this.waitingFor = this.catalogs.waitFor(needed)
      this.catalogsFailed = this.catalogs.failed(needed)
    }
    if (this.customCatalog !== null) this.customCatalogModule.load()
    if (this.settingsOpen) this.settingsModule.load()
    if (this.samplesOpen) this.samplesModule.load()
    if (this.signInOpen) this.signInModule.load()
    if (this.offline?.token && this.waitingFor.length === 0) {
      this.capabilitiesModule.load()
      this.detailsModule.load()
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('raw') || changed.has('settings')) requestAnimationFrame(measureDiagnosis)
  }

  /** The built-in catalogs judging the token on screen needs (none once the person loaded their own). */
  private neededCatalogs(settings: InspectSettings): string[] {
    if (this.offline?.token === undefined || this.offline.token === null) return []
    const operation = readOperation(settings.operation) !== null
    if (this.customCatalog !== null) return []
    return catalogsNeeded(this.offline.token.api, settings.api, operation)
  }

  /** The verified Report once verification finished for the token on screen, else the offline one. */
  private shownReport(settings: InspectSettings): { report: Report | null; phase: VerificationPhase } {
    if (this.waitingFor.length > 0 || this.catalogsFailed.length > 0)
      return { report: null, phase: { phase: 'idle' } }
    if (this.offline === null || settings.verification === 'off')
      return { report: this.offline, phase: { phase: 'idle' } }
    const t = this.verification
    if (t.status === TaskStatus.PENDING) return { report: this.offline, phase: { phase: 'pending' } }
    if (t.status === TaskStatus.ERROR)
      return {
        report: this.offline,
        phase: {
          phase: 'failed',
          reason: 'The signature check stopped unexpectedly; the diagnosis below is offline.',
        },
      }
    const outcome = t.value
    if (t.status !== TaskStatus.COMPLETE || outcome === undefined || outcome === null)
      return { report: this.offline, phase: { phase: 'pending' } }
    if (outcome.status === 'unavailable')
      return { report: this.offline, phase: { phase: 'unavailable', reason: outcome.reason } }
    return { report: outcome.report, phase: { phase: 'done' } }
  }

  private renderInForce(s: InspectSettings) {
    const sample = this.sample !== null && this.sample.token === this.raw
    return html`
      <p class="in-force" data-sample=${String(sample)}>
        ${sample ? html`<span class="badge sev-warning">Sample</span> demo tenant and demo key set, for this sample only (Clear or paste your own token to return to your settings) · ` : html`<span class="label">Checked with:</span> `}${settingsLine(s)}</p>
      <p class="network">
        <label class="offline"><input type="checkbox" .checked=${this.settings.verification === 'off'}
          @change=${(e: Event) => emit(this, 'settings-change', { verification: (e.target as HTMLInputElement).checked ? 'off' : 'entra' })} /> Stay offline</label>
        <span class="hint">Checking the signature only GETs Entra's public metadata and keys for the token's tenant.</span>
      </p>`
  }

  private catalogNames(ids: readonly string[]): string {
    return ids.map((id) => (isKnownApiId(id) ? API_RESOURCES[id].name : id)).join(', ')
  }

  /** While a catalog loads there is no verdict (never a wrong one first); if it cannot load, say so. */
  private renderCatalogWait() {
    if (this.catalogsFailed.length > 0)
      return html`<p class="catalog-wait" role="alert">The permission catalog for ${this.catalogNames(this.catalogsFailed)} could not be loaded, so this token is not judged. Check the connection and reload the page.</p>`
    return html`<p class="catalog-wait" role="status">Loading the permission catalog for ${this.catalogNames(this.waitingFor)}…</p>`
  }

  /** The token box as one line, on a narrow screen after a paste: what is in it, and a button to open it again. */
  private renderCollapsed() {
    const t = this.raw.trim()
    const shown = t.length > 24 ? `${t.slice(0, 12)}…${t.slice(-8)}` : t
    return html`<div class="collapsed-token" aria-label="Token (folded)">
      <span class="label">Token</span> <code class="mono">${shown}</code>
      <span class="hint">${t.length.toLocaleString('en')} characters</span>
      <button type="button" @click=${this.expand}>Edit token and settings</button>
    </div>`
  }

  private expand(): void {
    this.collapsed = false
    void this.updateComplete.then(() => this.renderRoot.querySelector('cc-token-input')?.focus())
  }

  override render() {
    const s = this.effectiveSettings
    const shown = this.shownReport(s)
    const { phase } = shown
    if (shown.report !== null) this.lastShown = { raw: this.raw, report: shown.report }
    const waiting = this.waitingFor.length > 0 || this.catalogsFailed.length > 0
    // While an operation's catalogs load, the banner shows no verdict, but the sections below stay (the operation
    // box the person is typing in among them) with what was shown for this same token.
    const report =
      shown.report ?? (waiting && this.lastShown?.raw === this.raw ? this.lastShown.report : null)
    const payload = report?.token?.payload ?? {}
    const folded = this.collapsed && this.raw.trim() !== ''
    return html`
      ${folded ? this.renderCollapsed() : nothing}
      <section class="panel input" aria-label="Token" ?data-folded=${folded}>
        <cc-token-input .value=${this.raw}></cc-token-input>
        ${this.renderInForce(s)}
        <div class="more">
        <details class="settings" .open=${this.settingsOpen} @toggle=${this.onSettingsToggle}>
          <summary>Settings <span class="hint">(signature, audience, tenants, skew)</span></summary>
          ${this.settingsModule.render(() => html`<cc-settings-panel .settings=${this.settings}></cc-settings-panel>`)}
        </details>
        <details class="samples" .open=${this.samplesOpen} @toggle=${this.onSamplesToggle}>
          <summary>Try a sample <span class="hint">(demo tokens)</span></summary>
          ${this.samplesModule.render(() => html`<cc-sample-picker .clock=${this.clock}></cc-sample-picker>`)}
        </details>
        <details class="custom-catalog" .open=${this.customCatalog !== null} @toggle=${this.onCustomCatalogToggle}>
          <summary>Custom catalog <span class="hint">(your own API)</span></summary>
          ${this.customCatalogModule.render(() => html`<cc-custom-catalog .catalog=${this.customCatalog}></cc-custom-catalog>`)}
        </details>
        <details class="signin" .open=${this.signInOpen} @toggle=${this.onSignInToggle}>
          <summary>Sign in and get a token <span class="hint">(your app, the API you choose)</span></summary>
          ${this.signInModule.render(() => html`<cc-sign-in-panel .clock=${this.clock}></cc-sign-in-panel>`)}
        </details>
        <details class="api-answer" @toggle=${this.onApiAnswerToggle}>
          <summary>The API said 401 or 403?</summary>
          ${this.apiAnswerModule.render(() => html`<api-answer .token=${this.raw} .now=${this.diagnosedAt}></api-answer>`)}
        </details>
        </div>
      </section>
      ${this.waitingFor.length > 0 || this.catalogsFailed.length > 0 ? this.renderCatalogWait() : nothing}
      <cc-verdict-banner .report=${shown.report} .now=${this.diagnosedAt} .checking=${phase.phase === 'pending'}></cc-verdict-banner>
      ${
        report === null
          ? this.raw.trim() === ''
            ? html`<p class="hint empty">The diagnosis appears here as soon as you paste.</p>`
            : nothing
          : html`
        ${
          report.token === null
            ? nothing
            : html`
          <section aria-labelledby="can-do-h" @focusin=${this.onCapabilitiesFocus}>
            <h2 id="can-do-h">What this token can do</h2>
            ${this.capabilitiesModule.render(() => html`<cc-capabilities-view .report=${report} .operation=${s.operation} .custom=${this.customCatalog}></cc-capabilities-view>`)}
          </section>`
        }
        <section aria-labelledby="findings-h">
          <h2 id="findings-h">Findings</h2>
          <cc-findings-list .findings=${report.findings}></cc-findings-list>
        </section>
        ${
          report.token === null
            ? nothing
            : html`
          ${this.detailsModule.render(
            () => html`<div class="columns">
            <section aria-labelledby="lifetime-h">
              <h2 id="lifetime-h">Lifetime</h2>
              <cc-lifetime-timeline .issuedAt=${numericClaim(payload, 'iat')} .notBefore=${numericClaim(payload, 'nbf')}
                .expiresAt=${numericClaim(payload, 'exp')} .now=${this.diagnosedAt} .skewSeconds=${s.clockSkewSeconds}></cc-lifetime-timeline>
            </section>
            <section aria-labelledby="signature-h">
              <h2 id="signature-h">Signature</h2>
              <cc-signature-panel .report=${report} .mode=${s.verification} .keySetSource=${s.keySetSource} .verification=${phase}></cc-signature-panel>
            </section>
          </div>
          <section aria-labelledby="claims-h">
            <h2 id="claims-h">Claims</h2>
            <cc-claims-table .raw=${this.raw} .header=${report.token?.header ?? {}} .payload=${payload} .now=${this.diagnosedAt} .explainer=${this.explainer.value ?? null}></cc-claims-table>
          </section>`,
          )}`
        }
      `
      }
    `
  }
}

customElements.define('cc-inspect-view', CcInspectView)

declare global {
  interface HTMLElementTagNameMap {
    'cc-inspect-view': CcInspectView
  }
}
