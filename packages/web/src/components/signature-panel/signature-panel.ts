import { LitElement, html, nothing } from 'lit'
import type { Report, SignatureStatus } from '@claimcheck/core'
import { emit } from '../../events.js'
import type { KeySetSource, VerificationMode } from '../../state/settings.js'
import { sharedStyles } from '../../styles/shared.js'
import { signaturePanelStyles } from './signature-panel.styles.js'

/** Where verification stands for the token on screen. */
export type VerificationPhase =
  | { phase: 'idle' }
  | { phase: 'pending' }
  | { phase: 'done' }
  | { phase: 'unavailable'; reason: string }
  | { phase: 'failed'; reason: string }

const STATUS: Record<SignatureStatus, { label: string; tone: 'ok' | 'error' | 'warning' | 'info' }> = {
  valid: { label: 'Signature valid', tone: 'ok' },
  invalid: { label: 'Signature invalid', tone: 'error' },
  unverifiable: { label: 'Signature cannot be verified', tone: 'warning' },
  'not-checked': { label: 'Signature not checked', tone: 'info' },
  error: { label: 'Signature check failed to run', tone: 'error' },
}

/** The signature verdict with the key ID, algorithm and key set it was checked against. */
export class CcSignaturePanel extends LitElement {
  static override properties = {
    report: { attribute: false },
    mode: { attribute: false },
    keySetSource: { attribute: false },
    verification: { attribute: false },
  }
  static override styles = [sharedStyles, signaturePanelStyles]
  declare report: Report | null
  declare mode: VerificationMode
  declare keySetSource: KeySetSource
  declare verification: VerificationPhase

  constructor() {
    super()
    this.report = null
    this.mode = 'off'
    this.keySetSource = 'pasted'
    this.verification = { phase: 'idle' }
  }

  private renderSource(checked: boolean) {
    const verb = checked ? 'Checked against' : 'To be checked against'
    if (this.mode === 'off') {
      return html`<p class="hint">Offline diagnosis: the signature is not checked. Turn on verification in Settings to check it against Entra's published keys or a key set you paste.</p>`
    }
    if (this.mode === 'key-set') {
      return this.keySetSource === 'demo'
        ? html`<p><span class="badge sev-warning">Demo</span> ${verb} the bundled <strong>demo key set</strong>, which verifies only “Try a sample” tokens. No tenant trusts it.</p>`
        : html`<p>${verb} the key set pasted in Settings.</p>`
    }
    return html`<p>${verb} the key set Entra publishes for the token's tenant (fetched from the Entra sign-in host).</p>`
  }

  override render() {
    const r = this.report
    if (r === null || r.token === null) return nothing
    const s = r.signature
    const status = STATUS[s.status]
    const v = this.verification
    const jwksUnavailable = r.findings.some((f) => f.code === 'jwks-unavailable')
    return html`
      <p class="status"><span class="badge sev-${status.tone}" data-status=${s.status}>${status.label}</span></p>
      ${v.phase === 'pending' ? html`<p role="status">Checking the signature…</p>` : nothing}
      ${v.phase === 'unavailable' || v.phase === 'failed' ? html`<p role="status" class="problem">${v.reason}</p>` : nothing}
      ${this.renderSource(v.phase === 'done')}
      <dl>
        <dt>Key ID (kid)</dt><dd><code class="wrap">${s.kid ?? '(none)'}</code></dd>
        <dt>Algorithm (alg)</dt><dd><code>${s.alg ?? '(none)'}</code></dd>
        <dt>Key set URL</dt><dd><code class="wrap">${s.jwksUri ?? (this.mode === 'key-set' ? '(pasted key set)' : '(not fetched)')}</code></dd>
      </dl>
      ${jwksUnavailable && this.mode === 'entra' ? html`
        <p>This browser could not fetch the key set. Open the key set URL above in another tab (or use <code>curl</code>), then paste what it returns.</p>
        <button type="button" @click=${() => emit(this, 'settings-change', { verification: 'key-set', keySetSource: 'pasted' })}>Paste a key set instead</button>` : nothing}
    `
  }
}

customElements.define('cc-signature-panel', CcSignaturePanel)

declare global {
  interface HTMLElementTagNameMap {
    'cc-signature-panel': CcSignaturePanel
  }
}
