import { LitElement, css, html, nothing } from 'lit'
import { inspectToken, type Report } from '@claimcheck/core'

/** Minimal paste-and-inspect page: the full app (views, demo, consent) grows from here. */
export class ClaimcheckApp extends LitElement {
  static override properties = { report: { state: true } }
  declare report: Report | null

  constructor() {
    super()
    this.report = null
  }

  static override styles = css`
    :host { display: block; font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; }
    textarea { width: 100%; min-height: 8rem; font-family: ui-monospace, monospace; box-sizing: border-box; }
    .verdict { font-weight: 700; padding: .5rem; border-radius: .25rem; }
    .ok { background: #dff6dd; color: #0b4d0b; }
    .bad { background: #fde7e9; color: #7a0010; }
    code { font-family: ui-monospace, monospace; }
  `

  private onInput(e: Event): void {
    const value = (e.target as HTMLTextAreaElement).value
    this.report = value.trim() === '' ? null : inspectToken(value)
  }

  override render() {
    const r = this.report
    return html`
      <h1>ClaimCheck</h1>
      <label for="token">Token</label>
      <textarea id="token" spellcheck="false" autocomplete="off" autocapitalize="off" @input=${this.onInput}></textarea>
      ${r === null ? nothing : html`
        <p class="verdict ${r.ok ? 'ok' : 'bad'}" role="status">${r.ok ? 'No problems found' : 'Problems found'}${r.token ? html` — ${r.token.kind} token for <code>${r.token.audience ?? '(no audience)'}</code>` : nothing}</p>
        <ul>${r.findings.map((f) => html`<li><code>${f.code}</code> (${f.severity}): ${f.message}${f.fix ? html`<br /><small>Fix: ${f.fix}</small>` : nothing}</li>`)}</ul>
      `}
    `
  }
}

customElements.define('claimcheck-app', ClaimcheckApp)

declare global {
  interface HTMLElementTagNameMap {
    'claimcheck-app': ClaimcheckApp
  }
}
