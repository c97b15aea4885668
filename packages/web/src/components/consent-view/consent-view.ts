import { LitElement, html } from 'lit'
import { sharedStyles } from '../../styles/shared.js'

/**
 * The consent builder, redirect reader, AADSTS lookup and token-request snippets. Core's consent module is being
 * built on another branch; until it lands this view says so rather than building links by hand in the page.
 */
export class CcConsentView extends LitElement {
  static override styles = [sharedStyles]

  override render() {
    return html`
      <h2>Admin consent</h2>
      <p class="panel">The consent-link builder, the redirect reader, the AADSTS error lookup and the token-request snippets are not part of this build yet. They arrive with ClaimCheck's consent module; the command line will offer the same.</p>
    `
  }
}

customElements.define('cc-consent-view', CcConsentView)

declare global {
  interface HTMLElementTagNameMap {
    'cc-consent-view': CcConsentView
  }
}
