// Loaded after the first diagnosis is on screen (its own chunk, with the permission catalogs): the paste path stays small.
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { live } from 'lit/directives/live.js'
import {
  capabilitiesOf,
  catalogForToken,
  formatOperation,
  type Capabilities,
  type PermissionCatalog,
  type Report,
} from '@claimcheck/core'
import { emit } from '../../events.js'
import { readOperation } from '../../state/settings.js'
import { sharedStyles } from '../../styles/shared.js'
import { capabilitiesViewStyles } from './capabilities-view.styles.js'
import { renderCarriedPermissions } from './carried-permissions.js'

/** Quiet time after the last keystroke before the operation is judged: well inside the 300 ms the page promises. */
export const OPERATION_DEBOUNCE_MS = 150

/**
 * What this token can do, with no input: the API comes from its audience, and every operation of that API's
 * catalog is judged with core's checkPermissions, grouped by area (collapsed to counts until opened). Below, the
 * operation combobox: suggestions from the catalog, judged as you type.
 * @fires settings-change - with the operation, debounced
 */
export class CcCapabilitiesView extends LitElement {
  static override properties = {
    report: { attribute: false },
    operation: { attribute: false },
    custom: { attribute: false },
    typed: { state: true },
  }
  static override styles = [sharedStyles, capabilitiesViewStyles]
  declare report: Report | null
  /** The operation in the settings (what the Report was judged for). */
  declare operation: string
  /** A catalog the person loaded for their own API: it replaces the built-in ones (the CLI's --catalog). */
  declare custom: PermissionCatalog | null
  /** What is in the box now (ahead of the debounced settings). */
  declare typed: string
  private catalog: PermissionCatalog | null = null
  private capabilities: Capabilities | null = null
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor() {
    super()
    this.report = null
    this.operation = ''
    this.custom = null
    this.typed = ''
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearTimeout(this.timer)
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('operation') && this.operation !== this.typed && this.timer === undefined)
      this.typed = this.operation
    if (changed.has('report') || changed.has('custom')) {
      const token = this.report?.token ?? null
      this.catalog = token === null ? null : (this.custom ?? catalogForToken(token))
      this.capabilities = token === null || this.catalog === null ? null : capabilitiesOf(token, this.catalog)
    }
  }

  private onInput(e: Event): void {
    this.typed = (e.target as HTMLInputElement).value
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      emit(this, 'settings-change', { operation: this.typed })
    }, OPERATION_DEBOUNCE_MS)
  }

  private renderHeadline(c: Capabilities) {
    const kind =
      c.context === 'application' ? 'application permissions (roles)' : 'delegated permissions (scp)'
    const status = this.report?.signature.status
    // What the claims say is only what the token claims until its signature is verified.
    const caveat =
      status === 'valid'
        ? ''
        : status === 'invalid'
          ? ' — as the token claims, but its signature is invalid'
          : ' — as the token claims (its signature is not verified)'
    return html`<p class="headline" data-granted=${c.granted} data-total=${c.total}>
      Can call <strong>${c.granted} of ${c.total}</strong> ${c.apiName} operations <span class="hint">with its ${kind}${caveat}</span></p>`
  }

  private renderAreas(c: Capabilities) {
    return html`<ul class="areas">${c.areas.map(
      (a) => html`
      <li><details data-area=${a.area}>
        <summary><span class="area">${a.area}</span> <span class="count ${a.granted === a.total ? 'all' : a.granted === 0 ? 'none' : 'some'}">${a.granted} of ${a.total}</span></summary>
        <table>
          <caption class="visually-hidden">${a.area}: operations and the permission that grants each</caption>
          <thead><tr><th scope="col">Operation</th><th scope="col">Granted by</th></tr></thead>
          <tbody>${a.operations.map(
            (o) => html`
            <tr data-operation=${o.operation} data-granted=${String(o.granted)}>
              <th scope="row"><span class="mark" aria-hidden="true">${o.granted ? '✓' : '✗'}</span><span class="visually-hidden">${o.granted ? 'granted' : 'denied'}: </span><code class="op">${o.operation}</code>${o.summary === null ? nothing : html` <span class="hint">${o.summary}</span>`}</th>
              <td>${o.granted ? html`<code>${o.grantedBy.join(', ')}</code>` : o.needs.length === 0 ? html`<span class="hint">not with ${c.context} permissions</span>` : html`<span class="hint">needs</span> <code>${o.needs.join(' or ')}</code>`}</td>
            </tr>`,
          )}</tbody>
        </table>
      </details></li>`,
    )}</ul>`
  }

  private renderOperationBox() {
    const ops = this.catalog?.operations ?? []
    const problem = this.typed.trim() !== '' && readOperation(this.typed) === null
    return html`
      <div class="operation">
        <label for="operation">Check one operation</label>
        <input id="operation" class="mono" list="operation-suggestions"
          aria-describedby="operation-hint${problem ? ' operation-problem' : ''}" aria-invalid=${problem ? 'true' : 'false'}
          placeholder="POST /api/machines/{id}/isolate" spellcheck="false" autocomplete="off" autocapitalize="off"
          .value=${live(this.typed)} @input=${this.onInput} />
        <datalist id="operation-suggestions">${ops.map((o) => html`<option value=${formatOperation(o)}>${o.summary ?? ''}</option>`)}</datalist>
        <p class="hint" id="operation-hint">A method and path, the full URL you call, or a pasted curl line; judged as you type.</p>
        ${problem ? html`<p class="problem" id="operation-problem">Write it as METHOD and path (GET /api/alerts), paste its URL, or paste the curl line.</p>` : nothing}
      </div>`
  }

  override render() {
    const token = this.report?.token ?? null
    if (token === null) return nothing
    const c = this.capabilities
    return html`
      ${
        c === null
          ? html`<p class="hint" data-catalog="none">ClaimCheck has no permission catalog for this token's audience${token.audience === null ? '' : html` (<code class="wrap">${token.audience}</code>)`}, so it cannot list the operations it can call; load your API's catalog under “Custom catalog” above. What it carries:</p>${renderCarriedPermissions(token)}`
          : html`${this.renderHeadline(c)}${this.renderAreas(c)}`
      }
      ${this.renderOperationBox()}
    `
  }
}

customElements.define('cc-capabilities-view', CcCapabilitiesView)

declare global {
  interface HTMLElementTagNameMap {
    'cc-capabilities-view': CcCapabilitiesView
  }
}
