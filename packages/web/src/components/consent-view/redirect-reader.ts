import { LitElement, html, nothing } from 'lit'
import { parseConsentRedirect, type ConsentRedirectResult } from '@claimcheck/core'
import { sharedStyles } from '../../styles/shared.js'
import '../findings-list/findings-list.js'
import { consentViewStyles } from './consent-view.styles.js'

/** Reads the URL the administrator's browser came back to: consent granted, or which error and what it means. */
export class CcRedirectReader extends LitElement {
  static override properties = { expectedState: {}, url: { state: true } }
  static override styles = [sharedStyles, consentViewStyles]
  declare expectedState: string
  declare url: string

  constructor() {
    super()
    this.expectedState = ''
    this.url = ''
  }

  private renderResult(r: ConsentRedirectResult) {
    return html`
      <div class="result" data-ok=${String(r.ok)}>
        <p class="badge ${r.ok ? 'sev-ok' : 'sev-error'}">${r.ok ? (r.adminConsent ? 'Admin consent granted' : 'An authorization code came back') : 'Consent did not succeed'}</p>
        <dl class="facts">
          <dt>Tenant</dt><dd><code class="wrap">${r.tenant ?? '(none)'}</code></dd>
          <dt>State</dt><dd><code class="wrap">${r.state ?? '(none)'}</code></dd>
          ${r.scope === null ? nothing : html`<dt>Scope</dt><dd><code class="wrap">${r.scope}</code></dd>`}
        </dl>
        ${
          r.error === null
            ? nothing
            : html`
          <h3><code>${r.error.code}</code></h3>
          ${r.error.description === null ? nothing : html`<p><em>${r.error.description}</em></p>`}
          <p>${r.error.meaning}</p>
          ${r.error.cause === null ? nothing : html`<p><strong>Likely cause:</strong> ${r.error.cause}</p>`}
          <p><strong>Fix:</strong> ${r.error.fix}</p>`
        }
        <cc-findings-list .findings=${r.findings}></cc-findings-list>
      </div>
    `
  }

  override render() {
    const value = this.url.trim()
    const result =
      value === ''
        ? null
        : parseConsentRedirect(value, this.expectedState === '' ? {} : { expectedState: this.expectedState })
    return html`
      <section aria-labelledby="redirect-h" class="panel">
        <h2 id="redirect-h">Read the redirect that came back</h2>
        <div class="field">
          <label for="redirect">Redirect URL</label>
          <textarea id="redirect" class="mono" rows="3" spellcheck="false" autocomplete="off" autocapitalize="off" aria-describedby="redirect-hint"
            .value=${this.url} @input=${(e: Event) => {
              this.url = (e.target as HTMLTextAreaElement).value
            }}></textarea>
          <p class="hint" id="redirect-hint">The whole address the administrator's browser landed on. It is checked against the state above.</p>
        </div>
        ${result === null ? nothing : this.renderResult(result)}
      </section>
    `
  }
}

customElements.define('cc-redirect-reader', CcRedirectReader)

declare global {
  interface HTMLElementTagNameMap {
    'cc-redirect-reader': CcRedirectReader
  }
}
