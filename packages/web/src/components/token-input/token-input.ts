import { LitElement, html } from 'lit'
import { live } from 'lit/directives/live.js'
import { emit } from '../../events.js'
import { markInput } from '../../perf/diagnosis-timing.js'
import { sharedStyles } from '../../styles/shared.js'
import { tokenInputStyles } from './token-input.styles.js'

/**
 * The token box. Browser spellcheck and autofill are off: spellcheck services receive field contents.
 * @fires token-input - on every edit and on Clear
 */
export class CcTokenInput extends LitElement {
  static override properties = { value: {} }
  static override styles = [sharedStyles, tokenInputStyles]
  declare value: string

  constructor() {
    super()
    this.value = ''
  }

  override focus(): void {
    this.renderRoot.querySelector('textarea')?.focus()
  }

  private onInput(e: Event): void {
    markInput()
    emit(this, 'token-input', { value: (e.target as HTMLTextAreaElement).value })
  }

  private onClear(): void {
    markInput()
    emit(this, 'token-input', { value: '' })
    this.focus()
  }

  override render() {
    return html`
      <label for="token">Token</label>
      <p class="hint" id="token-hint">Paste an access token or a whole <code>Authorization: Bearer …</code> header. It stays in this page: never sent, never stored.</p>
      <textarea
        id="token"
        class="mono"
        aria-describedby="token-hint"
        spellcheck="false"
        autocomplete="off"
        autocapitalize="off"
        autocorrect="off"
        .value=${live(this.value)}
        @input=${this.onInput}
      ></textarea>
      <div class="actions">
        <button type="button" @click=${this.onClear} ?disabled=${this.value === ''}>Clear</button>
      </div>
    `
  }
}

customElements.define('cc-token-input', CcTokenInput)

declare global {
  interface HTMLElementTagNameMap {
    'cc-token-input': CcTokenInput
  }
}
