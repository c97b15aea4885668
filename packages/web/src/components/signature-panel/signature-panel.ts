import { LitElement, html, nothing } from 'lit'
import { CLOUDS, isGuid, type Report, type SignatureStatus, type TokenFacts } from '@claimcheck/core'
import { emit } from '../../events.js'
import type { KeySetSource, VerificationMode } from '../../state/settings.js'
import { sharedStyles } from '../../styles/shared.js'
import { signaturePanelExtraStyles, signaturePanelStyles } from './signature-panel.styles.js'

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
  unverifiable: { label: 'Signature cannot be verified here', tone: 'warning' },
  'not-checked': { label: 'Signature not checked', tone: 'warning' },
  error: { label: 'Signature could not be checked', tone: 'warning' },
}

/**
 * Where Entra publishes the keys for this token, as its metadata says (v1 tenant metadata points at the common key
 * set; v2 at the tenant's own): the link a person opens when this browser cannot reach Entra.
 */
export function publishedKeySetUrl(token: TokenFacts): string | null {
  if (!isGuid(token.tenantId)) return null
  const authority = CLOUDS[token.cloud ?? 'public'].authority
  return token.version === '2.0'
    ? `${authority}/${token.tenantId}/discovery/v2.0/keys`
    : `${authority}/common/discovery/keys`
}

/** A metadata (openid-configuration) URL is not a key set: only a real key set URL is offered as one. */
function keySetUrlOf(uri: string | null): string | null {
  return uri === null || /openid-configuration/.test(uri) ? null : uri
}

/**
 * The signature verdict with the key ID, algorithm and key set it was checked against. When Entra's keys could not
 * be fetched, it links the real key set URL and takes the key set pasted here.
 * @fires settings-change - to check against a pasted key set, or to turn the check on
 */
export class CcSignaturePanel extends LitElement {
  static override properties = {
    report: { attribute: false },
    mode: { attribute: false },
    keySetSource: { attribute: false },
    verification: { attribute: false },
    pasted: { state: true },
  }
  static override styles = [sharedStyles, signaturePanelStyles, signaturePanelExtraStyles]
  declare report: Report | null
  declare mode: VerificationMode
  declare keySetSource: KeySetSource
  declare verification: VerificationPhase
  declare pasted: string

  constructor() {
    super()
    this.report = null
    this.mode = 'entra'
    this.keySetSource = 'pasted'
    this.verification = { phase: 'idle' }
    this.pasted = ''
  }

  private renderSource(status: SignatureStatus, done: boolean) {
    const verb = !done
      ? 'To be checked against'
      : status === 'valid' || status === 'invalid'
        ? 'Checked against'
        : 'Tried to check against'
    if (this.mode === 'off') {
      return html`<p class="hint">Offline: the signature is not checked, so the verdict cannot be "works".
        <button type="button" class="link" @click=${() => emit(this, 'settings-change', { verification: 'entra' })}>Check it against Entra's published keys</button></p>`
    }
    if (this.mode === 'key-set') {
      return this.keySetSource === 'demo'
        ? html`<p><span class="badge sev-warning">Demo</span> ${verb} the bundled <strong>demo key set</strong>, for this sample only. No tenant trusts it.</p>`
        : html`<p>${verb} the key set you pasted.</p>`
    }
    return html`<p>${verb} the keys Entra publishes for the token's own tenant (GETs of public metadata; the token is never sent).</p>`
  }

  private submitKeySet(e: Event): void {
    e.preventDefault()
    emit(this, 'settings-change', { verification: 'key-set', keySet: this.pasted, keySetSource: 'pasted' })
  }

  private renderPasteKeySet(token: TokenFacts, reason: string | null) {
    const url = keySetUrlOf(this.report?.signature.jwksUri ?? null) ?? publishedKeySetUrl(token)
    return html`
      <div class="paste-keys">
        <p>This browser could not get Entra's keys${reason === null ? '' : ` (${reason})`}. Open
          ${url === null ? "the tenant's key set" : html`<a href=${url} target="_blank" rel="noopener noreferrer" class="wrap">${url}</a>`}
          in another tab (or fetch it with <code>curl</code>) and paste what it shows:</p>
        <form @submit=${this.submitKeySet}>
          <label for="keyset-paste">Key set (JSON with a "keys" array)</label>
          <textarea id="keyset-paste" class="mono" rows="3" spellcheck="false" autocomplete="off" autocapitalize="off"
            .value=${this.pasted} @input=${(e: Event) => {
              this.pasted = (e.target as HTMLTextAreaElement).value
            }}></textarea>
          <button type="submit" ?disabled=${this.pasted.trim() === ''}>Check with this key set</button>
        </form>
      </div>`
  }

  override render() {
    const r = this.report
    if (r === null || r.token === null) return nothing
    const s = r.signature
    const status = STATUS[s.status]
    const v = this.verification
    const unreachable =
      this.mode === 'entra' && (r.findings.some((f) => f.code === 'jwks-unavailable') || v.phase === 'failed')
    const badKeySet = this.mode === 'key-set' && this.keySetSource === 'pasted' && v.phase === 'unavailable'
    return html`
      <p class="status"><span class="badge sev-${status.tone}" data-status=${s.status}>${status.label}</span>
        ${v.phase === 'pending' ? html`<span role="status">Checking the signature…</span>` : nothing}</p>
      ${v.phase === 'unavailable' || v.phase === 'failed' ? html`<p role="status" class="problem">${v.reason}</p>` : nothing}
      ${this.renderSource(s.status, v.phase === 'done')}
      <dl>
        <dt>Key ID (kid)</dt><dd><code class="wrap">${s.kid ?? '(none)'}</code></dd>
        <dt>Algorithm</dt><dd><code>${s.alg ?? '(none)'}</code></dd>
        ${
          s.jwksUri !== null && keySetUrlOf(s.jwksUri) === null
            ? html`<dt>Metadata</dt><dd><code class="wrap">${s.jwksUri}</code></dd>`
            : html`<dt>Key set</dt><dd><code class="wrap">${s.jwksUri ?? (this.mode === 'key-set' ? '(pasted)' : '(not fetched)')}</code></dd>`
        }
      </dl>
      ${unreachable || badKeySet ? this.renderPasteKeySet(r.token, null) : nothing}
    `
  }
}

customElements.define('cc-signature-panel', CcSignaturePanel)

declare global {
  interface HTMLElementTagNameMap {
    'cc-signature-panel': CcSignaturePanel
  }
}
