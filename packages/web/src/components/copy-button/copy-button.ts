import { LitElement, html } from 'lit'
import { sharedStyles } from '../../styles/shared.js'

/** Copies `text` to the clipboard and says whether it worked (failure is a state, not an exception). */
export class CcCopyButton extends LitElement {
  static override properties = { text: {}, label: {}, outcome: { state: true } }
  static override styles = [sharedStyles]
  declare text: string
  declare label: string
  declare outcome: '' | 'Copied' | 'Copy failed: select the text and copy it by hand'

  constructor() {
    super()
    this.text = ''
    this.label = 'Copy'
    this.outcome = ''
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.text)
      this.outcome = 'Copied'
    } catch {
      this.outcome = 'Copy failed: select the text and copy it by hand'
    }
  }

  override render() {
    return html`<button type="button" ?disabled=${this.text === ''} @click=${this.copy}>${this.label}</button>
      <span role="status" class="hint">${this.outcome}</span>`
  }
}

customElements.define('cc-copy-button', CcCopyButton)

declare global {
  interface HTMLElementTagNameMap {
    'cc-copy-button': CcCopyButton
  }
}
