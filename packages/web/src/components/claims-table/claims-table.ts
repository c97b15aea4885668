import { LitElement, html, nothing } from 'lit'
import type { JsonObject } from '@claimcheck/core'
import type { ClaimExplainer, ClaimLocation } from '../../adapters/claim-explanations.js'
import { readableClaimValue } from '../../format/claim-value.js'
import { sharedStyles } from '../../styles/shared.js'
import { claimsTableStyles } from './claims-table.styles.js'

function slug(location: ClaimLocation, name: string): string {
  return `x-${location}-${Array.from(name, (c) => c.charCodeAt(0).toString(16)).join('')}`
}

/** The compact JWS in what was pasted (after "Bearer", quotes, a header name), for the raw view. */
function compactToken(raw: string): string | null {
  return /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/.exec(raw)?.[0] ?? null
}

type ClaimsMode = 'table' | 'raw'

/**
 * The decoded header and payload, in a dense table: each claim's explanation is inline (hover, focus or tap the
 * name; no button per row). A raw view shows the token's three parts colour-coded and the JSON, with copy
 * buttons. Every name and value is rendered as text (never HTML, never a link).
 */
export class CcClaimsTable extends LitElement {
  static override properties = {
    raw: { attribute: false },
    header: { attribute: false },
    payload: { attribute: false },
    now: { attribute: false },
    explainer: { attribute: false },
    mode: { state: true },
  }
  static override styles = [sharedStyles, claimsTableStyles]
  declare raw: string
  declare header: JsonObject
  declare payload: JsonObject
  declare now: Date
  declare explainer: ClaimExplainer | null
  declare mode: ClaimsMode

  constructor() {
    super()
    this.raw = ''
    this.header = {}
    this.payload = {}
    this.now = new Date()
    this.explainer = null
    this.mode = 'table'
  }

  private show(mode: ClaimsMode): void {
    // The copy buttons come with the raw view (their own small chunk): the paste path does not carry them.
    if (mode === 'raw') void import('../copy-button/copy-button.js')
    this.mode = mode
  }

  private renderRow(location: ClaimLocation, name: string, value: JsonObject[string]) {
    const readable = readableClaimValue(name, value, this.now)
    const explanation = this.explainer?.(name, location)
    const id = slug(location, name)
    return html`
      <tr data-claim=${name}>
        <th scope="row">
          ${
            explanation === undefined
              ? html`<code class="name wrap">${name}</code>`
              : html`<span class="claim" tabindex="0" aria-describedby=${id}><code class="name wrap">${name}</code><span class="title">${explanation.title}</span></span>
              <span class="tip" role="tooltip" id=${id}>${explanation.description}${explanation.neverAuthorizeOn === true ? html` <strong class="caution">Never authorize on this claim.</strong>` : nothing}</span>`
          }
        </th>
        <td>
          ${
            readable.items === null
              ? html`<code class="value wrap">${readable.text}</code>`
              : html`<ul class="items" aria-label="${readable.items.length} values">${readable.items.map((i) => html`<li><code class="wrap">${i}</code></li>`)}</ul>`
          }
          ${readable.note === null ? nothing : html`<span class="note">${readable.note}</span>`}
        </td>
      </tr>
    `
  }

  private renderTable(location: ClaimLocation, caption: string, claims: JsonObject) {
    return html`
      <table class=${location}>
        <caption>${caption}</caption>
        <thead class="visually-hidden"><tr><th scope="col">Claim</th><th scope="col">Value</th></tr></thead>
        <tbody>${Object.entries(claims).map(([name, value]) => this.renderRow(location, name, value))}</tbody>
      </table>
    `
  }

  private renderRaw() {
    const token = compactToken(this.raw)
    const [h, p, s] = token === null ? [] : token.split('.')
    const headerJson = JSON.stringify(this.header, null, 2)
    const payloadJson = JSON.stringify(this.payload, null, 2)
    return html`
      <div class="raw">
        ${
          token === null
            ? nothing
            : html`
          <p class="legend"><span class="part-h">header</span> · <span class="part-p">payload</span> · <span class="part-s">signature</span></p>
          <pre class="token mono" aria-label="The token, in its three parts"><span class="part-h">${h}</span>.<span class="part-p">${p}</span>.<span class="part-s">${s}</span></pre>
          <cc-copy-button .text=${token} label="Copy token"></cc-copy-button>`
        }
        <div class="json">
          <div>
            <h3 class="part-h">Header</h3>
            <pre class="mono">${headerJson}</pre>
            <cc-copy-button .text=${headerJson} label="Copy header JSON"></cc-copy-button>
          </div>
          <div>
            <h3 class="part-p">Payload</h3>
            <pre class="mono">${payloadJson}</pre>
            <cc-copy-button .text=${payloadJson} label="Copy payload JSON"></cc-copy-button>
          </div>
        </div>
      </div>`
  }

  override render() {
    const tab = (mode: ClaimsMode, label: string) =>
      html`<button type="button" data-mode=${mode} aria-pressed=${this.mode === mode ? 'true' : 'false'} @click=${() => this.show(mode)}>${label}</button>`
    return html`
      <div class="modes" role="group" aria-label="Show the claims as">${tab('table', 'Explained')}${tab('raw', 'Raw JSON')}</div>
      ${
        this.mode === 'raw'
          ? this.renderRaw()
          : html`
        ${this.explainer === null ? nothing : html`<p class="hint">Hover, focus or tap a claim's name for what it means.</p>`}
        ${this.renderTable('header', 'Header', this.header)}
        ${this.renderTable('payload', 'Payload (claims)', this.payload)}`
      }
    `
  }
}

customElements.define('cc-claims-table', CcClaimsTable)

declare global {
  interface HTMLElementTagNameMap {
    'cc-claims-table': CcClaimsTable
  }
}
