import { LitElement, html, nothing } from 'lit'
import { AADSTS_CATALOGUE, explainAadsts } from '@claimcheck/core'
import { sharedStyles } from '../../styles/shared.js'
import { consentViewStyles } from './consent-view.styles.js'

/** AADSTS codes explained: a bare code, an error message, a token endpoint's JSON or a redirect URL. */
export class CcAadstsLookup extends LitElement {
  static override properties = { query: { state: true } }
  static override styles = [sharedStyles, consentViewStyles]
  declare query: string

  constructor() {
    super()
    this.query = ''
  }

  override render() {
    const q = this.query.trim()
    const e = q === '' ? null : explainAadsts(q)
    return html`
      <section aria-labelledby="aadsts-h" class="panel">
        <h2 id="aadsts-h">What does this AADSTS error mean?</h2>
        <div class="field">
          <label for="aadsts">Error code or message</label>
          <textarea id="aadsts" class="mono" rows="2" spellcheck="false" autocomplete="off" autocapitalize="off" aria-describedby="aadsts-hint"
            placeholder="AADSTS700016: Application with identifier … was not found"
            .value=${this.query} @input=${(ev: Event) => {
              this.query = (ev.target as HTMLTextAreaElement).value
            }}></textarea>
          <p class="hint" id="aadsts-hint">${AADSTS_CATALOGUE.length} codes explained. Paste the code, the error text or the token endpoint’s JSON.</p>
        </div>
        ${
          q === ''
            ? nothing
            : e === null
              ? html`<p role="status">No AADSTS code found in that text.</p>`
              : html`
          <div class="result" data-aadsts=${e.code} role="status">
            <h3><code>${e.code}</code>${e.name === null ? nothing : html` — ${e.name}`}</h3>
            ${e.known ? nothing : html`<p class="badge sev-warning">Not in ClaimCheck’s catalogue</p>`}
            ${e.description === null ? nothing : html`<p><em>${e.description}</em></p>`}
            <p>${e.meaning}</p>
            ${e.cause === null ? nothing : html`<p><strong>Likely cause:</strong> ${e.cause}</p>`}
            <p><strong>Fix:</strong> ${e.fix}</p>
            ${e.otherCodes.length === 0 ? nothing : html`<p>Also in the input: ${e.otherCodes.join(', ')}</p>`}
            <p class="hint">Entra’s own lookup: <code class="wrap">${e.lookupUrl}</code></p>
          </div>`
        }
      </section>
    `
  }
}

customElements.define('cc-aadsts-lookup', CcAadstsLookup)

declare global {
  interface HTMLElementTagNameMap {
    'cc-aadsts-lookup': CcAadstsLookup
  }
}
