import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { live } from 'lit/directives/live.js'
import {
  API_RESOURCES,
  CLOUDS,
  CLOUD_NAMES,
  CONSENT_FORMS,
  buildAdminConsentUrl,
  buildClientCredentialsRequest,
  buildCurlSnippet,
  buildMsalNodeSnippet,
  buildPowerShellSnippet,
  type AdminConsentLink,
  type ClientCredentialsResult,
  type CloudName,
  type ConsentForm,
  type KnownApiId,
} from '@claimcheck/core'
import type { ConsentRequestDetail } from '../../events.js'
import { sharedStyles } from '../../styles/shared.js'
import '../copy-button/copy-button.js'
import '../findings-list/findings-list.js'
import './aadsts-lookup.js'
import './redirect-reader.js'
import { consentViewStyles } from './consent-view.styles.js'

const FORM_HINT: Record<ConsentForm, string> = {
  v2: 'The v2 admin-consent endpoint: consents to the chosen API’s /.default scope.',
  adminconsent: 'The v1 admin-consent endpoint: grants every permission the app registration lists.',
  authorize: 'The link the Defender partner documentation prints (authorize with prompt=consent).',
}

const CONSENT_APIS: readonly KnownApiId[] = ['mde', 'm365d']

export interface ConsentInputs {
  clientId: string
  tenant: string
  cloud: CloudName
  api: KnownApiId
  redirectUri: string
  form: ConsentForm
  state: string
  tokenVersion: 'v2' | 'v1'
}

const STATE_KEY = 'claimcheck.consent-state'

/**
 * 128 random bits for the link's state, kept for the tab's life (sessionStorage: this tab only, gone when it
 * closes) so the redirect reader can check it later, even after a reload. A state is not a secret or a token.
 */
function tabState(): string {
  try {
    const kept = sessionStorage.getItem(STATE_KEY)
    if (kept !== null && kept.trim() !== '' && kept.length <= 200) return kept
  } catch {
    // Storage unavailable (a sandboxed frame): the state lives for this visit only.
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  const state = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  keepState(state)
  return state
}

function keepState(state: string): void {
  try {
    if (state.trim() === '') sessionStorage.removeItem(STATE_KEY)
    else sessionStorage.setItem(STATE_KEY, state)
  } catch {
    // Storage unavailable: the state lives for this visit only.
  }
}

/**
 * Admin consent for a multi-tenant app: the link for the customer's admin, the redirect reader, the AADSTS lookup,
 * and the client-credentials request to make afterwards. Everything is built by core; nothing is sent.
 */
export class CcConsentView extends LitElement {
  static override properties = { inputs: { state: true }, prefill: { attribute: false } }
  static override styles = [sharedStyles, consentViewStyles]
  declare inputs: ConsentInputs
  /** From sign-in, when it found consent missing: the app, tenant, cloud and API to build the link for. */
  declare prefill: ConsentRequestDetail | null
  private link: AdminConsentLink | null = null
  private request: ClientCredentialsResult | null = null

  constructor() {
    super()
    this.inputs = {
      clientId: '',
      tenant: '',
      cloud: 'public',
      api: 'mde',
      redirectUri: '',
      form: 'v2',
      state: tabState(),
      tokenVersion: 'v2',
    }
    this.prefill = null
  }

  private set(patch: Partial<ConsentInputs>): void {
    this.inputs = { ...this.inputs, ...patch }
    if (patch.state !== undefined) keepState(patch.state)
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const p = this.prefill
    if (changed.has('prefill') && p !== null) {
      this.inputs = {
        ...this.inputs,
        clientId: p.clientId,
        tenant: p.tenant,
        cloud: p.cloud,
        ...(p.api === null ? {} : { api: p.api }),
      }
    }
    if (!changed.has('inputs') && !changed.has('prefill')) return
    const i = this.inputs
    if (i.clientId.trim() === '') {
      this.link = null
      this.request = null
      return
    }
    this.link = buildAdminConsentUrl({
      clientId: i.clientId,
      ...(i.tenant.trim() === '' ? {} : { tenant: i.tenant.trim() }),
      cloud: i.cloud,
      api: i.api,
      ...(i.redirectUri.trim() === '' ? {} : { redirectUri: i.redirectUri.trim() }),
      ...(i.state.trim() === '' ? {} : { state: i.state.trim() }),
      form: i.form,
    })
    this.request =
      i.tenant.trim() === ''
        ? null
        : buildClientCredentialsRequest({
            tenant: i.tenant.trim(),
            clientId: i.clientId,
            api: i.api,
            cloud: i.cloud,
            version: i.tokenVersion,
          })
  }

  private text(id: keyof ConsentInputs, label: string, hint: string, placeholder = '') {
    return html`
      <div class="field">
        <label for=${id}>${label}</label>
        <input id=${id} class="mono" spellcheck="false" autocomplete="off" autocapitalize="off" placeholder=${placeholder}
          aria-describedby="${id}-hint" .value=${live(String(this.inputs[id]))}
          @input=${(e: Event) => this.set({ [id]: (e.target as HTMLInputElement).value })} />
        <p class="hint" id="${id}-hint">${hint}</p>
      </div>`
  }

  private renderBuilder() {
    const i = this.inputs
    return html`
      <section aria-labelledby="builder-h" class="panel">
        <h2 id="builder-h">Consent link for a customer's administrator</h2>
        <div class="grid">
          ${this.text('clientId', 'Your app’s client ID', 'The Application (client) ID of your multi-tenant app registration.', '00001111-aaaa-2222-bbbb-3333cccc4444')}
          ${this.text('tenant', 'Customer tenant', 'Tenant ID or verified domain; empty: organizations (v2) or common.', 'contoso.onmicrosoft.com')}
          <div class="field">
            <label for="cloud">Cloud</label>
            <select id="cloud" @change=${(e: Event) => this.set({ cloud: (e.target as HTMLSelectElement).value as CloudName })}>
              ${CLOUD_NAMES.map((c) => html`<option value=${c} ?selected=${i.cloud === c}>${CLOUDS[c].label}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="api">API</label>
            <select id="api" @change=${(e: Event) => this.set({ api: (e.target as HTMLSelectElement).value as KnownApiId })}>
              ${CONSENT_APIS.map((a) => html`<option value=${a} ?selected=${i.api === a}>${API_RESOURCES[a].name}</option>`)}
            </select>
          </div>
          ${this.text('redirectUri', 'Redirect URI', 'Registered on your app, byte for byte; the admin lands here afterwards.', 'https://app.example.com/consent/callback')}
          ${this.text('state', 'State', 'Random, kept for this tab’s life; the redirect must bring it back, and the reader below checks it.')}
        </div>
        <fieldset>
          <legend>Form</legend>
          ${CONSENT_FORMS.map(
            (f) => html`
            <div class="radio">
              <input type="radio" name="form" id="form-${f}" .checked=${live(i.form === f)} aria-describedby="form-${f}-hint" @change=${() => this.set({ form: f })} />
              <label for="form-${f}"><code>${f}</code></label>
              <p class="hint" id="form-${f}-hint">${FORM_HINT[f]}</p>
            </div>`,
          )}
        </fieldset>
        ${
          this.link === null
            ? html`<p class="hint">Enter your app’s client ID to build the link.</p>`
            : html`
          <div class="result" data-consent-url=${this.link.url ?? ''}>
            ${
              this.link.url === null
                ? html`<p class="sev-error badge">No link: fix the problems below.</p>`
                : html`
              <label for="consent-url">Link for the administrator</label>
              <textarea id="consent-url" class="mono" readonly rows="4" .value=${this.link.url}></textarea>
              <cc-copy-button .text=${this.link.url} label="Copy link"></cc-copy-button>`
            }
            <h3>What the administrator will approve</h3>
            <p>${this.link.description}</p>
            ${this.link.findings.length === 0 ? nothing : html`<cc-findings-list .findings=${this.link.findings}></cc-findings-list>`}
          </div>`
        }
      </section>
    `
  }

  private renderTokenRequest() {
    const r = this.request
    return html`
      <section aria-labelledby="request-h" class="panel">
        <h2 id="request-h">After consent: request an app-only token</h2>
        <div class="field inline">
          <label for="token-version">Token endpoint</label>
          <select id="token-version" @change=${(e: Event) => this.set({ tokenVersion: (e.target as HTMLSelectElement).value as 'v2' | 'v1' })}>
            <option value="v2" ?selected=${this.inputs.tokenVersion === 'v2'}>v2 (scope)</option>
            <option value="v1" ?selected=${this.inputs.tokenVersion === 'v1'}>v1 (resource)</option>
          </select>
        </div>
        ${
          r === null
            ? html`<p class="hint">Enter your app’s client ID and the customer’s tenant above.</p>`
            : !r.ok
              ? html`<cc-findings-list .findings=${r.findings}></cc-findings-list>`
              : html`
            <p>POST <code class="wrap">${r.url}</code>; the secret is read from the <code>CLIENT_SECRET</code> environment variable, never written here.</p>
            ${[
              ['curl', buildCurlSnippet(r)],
              ['PowerShell', buildPowerShellSnippet(r)],
              ['TypeScript (@azure/msal-node)', buildMsalNodeSnippet(r)],
            ].map(
              ([name, code]) => html`
              <h3>${name}</h3>
              <pre class="snippet" tabindex="0" aria-label="${name} snippet"><code>${code}</code></pre>
              <cc-copy-button .text=${code as string} label="Copy ${name}"></cc-copy-button>`,
            )}`
        }
      </section>
    `
  }

  override render() {
    return html`
      <h2 class="visually-hidden">Admin consent</h2>
      ${this.renderBuilder()}
      <cc-redirect-reader .expectedState=${this.inputs.state.trim()}></cc-redirect-reader>
      <cc-aadsts-lookup></cc-aadsts-lookup>
      ${this.renderTokenRequest()}
    `
  }
}

customElements.define('cc-consent-view', CcConsentView)

declare global {
  interface HTMLElementTagNameMap {
    'cc-consent-view': CcConsentView
  }
}
