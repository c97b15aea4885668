import { LitElement, html, nothing } from 'lit'
import type { JsonObject } from '@claimcheck/core'
import type { ClaimExplainer, ClaimExplanation, ClaimLocation } from '../../adapters/claim-explanations.js'
import { readableClaimValue } from '../../format/claim-value.js'
import { sharedStyles } from '../../styles/shared.js'
import { claimsTableStyles } from './claims-table.styles.js'

function slug(location: ClaimLocation, name: string): string {
  return `x-${location}-${Array.from(name, (c) => c.charCodeAt(0).toString(16)).join('')}`
}

function versionsText(v: ClaimExplanation['versions']): string | null {
  return v === undefined ? null : v.join(', ')
}

/**
 * The decoded header and payload. Every name and value is rendered as text (never HTML, never a link); times and
 * known GUIDs get a readable note; explanations come from core's claim reference when this build has it.
 */
export class CcClaimsTable extends LitElement {
  static override properties = {
    header: { attribute: false },
    payload: { attribute: false },
    now: { attribute: false },
    explainer: { attribute: false },
    expanded: { state: true },
  }
  static override styles = [sharedStyles, claimsTableStyles]
  declare header: JsonObject
  declare payload: JsonObject
  declare now: Date
  declare explainer: ClaimExplainer | null
  declare expanded: ReadonlySet<string>

  constructor() {
    super()
    this.header = {}
    this.payload = {}
    this.now = new Date()
    this.explainer = null
    this.expanded = new Set()
  }

  private toggle(id: string): void {
    const next = new Set(this.expanded)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    this.expanded = next
  }

  private renderRow(location: ClaimLocation, name: string, value: JsonObject[string]) {
    const readable = readableClaimValue(name, value, this.now)
    const explanation = this.explainer?.(name, location)
    const id = slug(location, name)
    const open = this.expanded.has(id)
    return html`
      <tr data-claim=${name}>
        <th scope="row">
          <code class="name wrap">${name}</code>
          ${explanation === undefined ? nothing : html`
            <span class="title">${explanation.title}</span>
            <button type="button" class="explain" aria-expanded=${open ? 'true' : 'false'} aria-controls=${id}
              @click=${() => this.toggle(id)}>${open ? 'Hide' : 'Explain'}<span class="visually-hidden"> ${name}</span></button>`}
        </th>
        <td>
          ${readable.items === null
            ? html`<code class="value wrap">${readable.text}</code>`
            : html`<ul class="items">${readable.items.map((i) => html`<li><code class="wrap">${i}</code></li>`)}</ul>`}
          ${readable.note === null ? nothing : html`<span class="note">${readable.note}</span>`}
        </td>
      </tr>
      ${explanation === undefined ? nothing : html`
        <tr class="explanation" id=${id} ?hidden=${!open}>
          <td colspan="2">
            <p>${explanation.description}</p>
            ${explanation.format === undefined ? nothing : html`<p><strong>Format:</strong> ${explanation.format}</p>`}
            ${versionsText(explanation.versions) === null ? nothing : html`<p><strong>Token versions:</strong> ${versionsText(explanation.versions)}</p>`}
            ${explanation.neverAuthorizeOn === true ? html`
              <p class="caution"><strong>Never authorize on this claim.</strong></p>` : nothing}
          </td>
        </tr>`}
    `
  }

  private renderTable(location: ClaimLocation, caption: string, claims: JsonObject) {
    return html`
      <table>
        <caption>${caption}</caption>
        <thead><tr><th scope="col">Claim</th><th scope="col">Value</th></tr></thead>
        <tbody>${Object.entries(claims).map(([name, value]) => this.renderRow(location, name, value))}</tbody>
      </table>
    `
  }

  override render() {
    return html`
      ${this.explainer === null ? html`<p class="hint">Claim explanations are not part of this build yet.</p>` : nothing}
      ${this.renderTable('header', 'Header', this.header)}
      ${this.renderTable('payload', 'Payload (claims)', this.payload)}
    `
  }
}

customElements.define('cc-claims-table', CcClaimsTable)

declare global {
  interface HTMLElementTagNameMap {
    'cc-claims-table': CcClaimsTable
  }
}
