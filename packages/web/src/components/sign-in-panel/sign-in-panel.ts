import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { live } from 'lit/directives/live.js'
import { ContextConsumer } from '@lit/context'
import { Task, TaskStatus } from '@lit/task'
import {
  API_RESOURCES,
  CLOUDS,
  CLOUD_NAMES,
  explainAadsts,
  inspectToken,
  type CloudName,
} from '@claimcheck/core'
import { operationsFor } from '../../adapters/permission-catalog.js'
import { grantedOperations, type GrantedOperations } from '../../adapters/granted-operations.js'
import type { SignedInAccount, TokenCacheChoice, TokenResult } from '../../auth/auth-client.js'
import { authClientContext } from '../../auth/auth-context.js'
import { redirectBridgeUri } from '../../auth/redirect-uri.js'
import {
  forgetSignIn,
  loadRememberedSignIn,
  rememberSignIn,
  savePendingRedirect,
  takePendingRedirect,
} from '../../auth/remembered-sign-in.js'
import {
  CONSENT_AADSTS,
  CONSENT_FINDINGS,
  MSAL_ERROR_HELP,
  UNKNOWN_MSAL_ERROR,
} from '../../auth/sign-in-help.js'
import {
  DEFAULT_OPERATION,
  DEFAULT_SIGN_IN_FORM,
  SIGN_IN_APIS,
  scopesFor,
  signInProblems,
  tokenRequestFor,
  type SignInApi,
  type SignInForm,
  type SignInProblem,
} from '../../auth/sign-in-form.js'
import { emit, type ConsentRequestDetail } from '../../events.js'
import { sharedStyles } from '../../styles/shared.js'
import { signInPanelStyles } from './sign-in-panel.styles.js'

const API_LABEL: Record<SignInApi, string> = {
  mde: API_RESOURCES.mde.name,
  m365d: API_RESOURCES.m365d.name,
  graph: API_RESOURCES.graph.name,
  custom: 'Another API (custom scope)',
}

const CACHE_HINT: Record<TokenCacheChoice, string> = {
  memory: 'Tokens live in this page’s memory only and are gone when you reload or close it.',
  session:
    'Tokens are kept in this tab’s session storage until you sign out or close the tab. Allows sign-in by redirect when pop-ups are blocked.',
}

/** What the disabled Sign-in button waits for, by field. */
const WHAT_IS_MISSING: Record<SignInProblem['field'], string> = {
  clientId: "your app's Application (client) ID",
  tenant: 'the tenant',
  api: 'an API offered in the chosen cloud',
  scopes: 'a valid scope',
}

/** What a finished sign-in showed: the token's account and what it grants, or the failure explained. */
type Outcome =
  | {
      ok: true
      account: SignedInAccount
      scopes: readonly string[]
      granted: GrantedOperations | null
      consent: ConsentRequestDetail | null
      findings: readonly string[]
    }
  | { ok: false; code: string; message: string; log: readonly string[]; consent: ConsentRequestDetail | null }

function isDefenderApi(api: SignInApi): api is 'mde' | 'm365d' {
  return api === 'mde' || api === 'm365d'
}

/**
 * Sign in with your own app registration, get a token for the API you choose, and see it diagnosed. Loaded with
 * the first opening of its section; MSAL itself loads only when "Sign in" is pressed (the auth client is lazy).
 * @fires token-acquired - with the access token and the API/operation to check it against
 * @fires consent-requested - when consent is missing: prefill (and, on request, open) the admin-consent builder
 * @fires signed-out - after sign-out
 */
export class CcSignInPanel extends LitElement {
  static override properties = {
    form: { state: true },
    remember: { state: true },
    clock: { attribute: false },
    signedIn: { state: true },
    cleared: { state: true },
  }
  static override styles = [sharedStyles, signInPanelStyles]
  declare form: SignInForm
  declare remember: boolean
  declare signedIn: boolean
  /** After sign-out: the last outcome is no longer shown. */
  declare cleared: boolean
  /** Injected for tests; the page reads the system clock. */
  declare clock: () => Date

  private auth = new ContextConsumer(this, { context: authClientContext, subscribe: true })

  private signIn = new Task(this, {
    autoRun: false,
    task: async ([form]: readonly [SignInForm]): Promise<Outcome | null> => {
      const auth = this.auth.value
      const request = tokenRequestFor(form)
      if (auth === null || auth === undefined || request === null) return null
      if (form.cache === 'session') savePendingRedirect(form)
      const result = await auth.acquireToken(request)
      if (!(result.ok === false && result.code === 'redirecting')) takePendingRedirect()
      return this.outcomeOf(form, result)
    },
  })

  constructor() {
    super()
    const remembered = loadRememberedSignIn()
    this.form = remembered ?? DEFAULT_SIGN_IN_FORM
    this.remember = remembered !== null
    this.signedIn = false
    this.cleared = false
    this.clock = () => new Date()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    // Back from a redirect sign-in: finish it with the form it started from.
    const pending = takePendingRedirect()
    if (pending !== null) {
      this.form = pending
      void this.signIn.run([pending])
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('form') || changed.has('remember')) && this.remember) rememberSignIn(this.form)
  }

  private consentFor(form: SignInForm, tenantId: string | null): ConsentRequestDetail {
    const tenant = form.tenant.trim() !== 'organizations' ? form.tenant.trim() : (tenantId ?? '')
    return {
      clientId: form.clientId.trim(),
      tenant,
      cloud: form.cloud,
      api: isDefenderApi(form.api) ? form.api : null,
      show: false,
    }
  }

  private outcomeOf(form: SignInForm, result: TokenResult): Outcome {
    if (!result.ok) {
      const consent = CONSENT_AADSTS.includes(result.code) ? this.consentFor(form, null) : null
      if (consent !== null) emit(this, 'consent-requested', consent)
      return { ok: false, code: result.code, message: result.message, log: result.log ?? [], consent }
    }
    this.signedIn = true
    const api = isDefenderApi(form.api) ? form.api : null
    const operation = api === null ? '' : form.operation.trim()
    const report = inspectToken(result.accessToken, {
      now: this.clock(),
      ...(api === null ? {} : { api }),
      ...(operation === '' ? {} : { operation }),
    })
    const findings = report.findings.map((f) => f.code)
    const needsConsent = report.findings.some((f) => (CONSENT_FINDINGS as readonly string[]).includes(f.code))
    const consent = needsConsent ? this.consentFor(form, result.account.tenantId) : null
    emit(this, 'token-acquired', {
      token: result.accessToken,
      settings: { api: form.api === 'custom' ? null : form.api, operation },
    })
    if (consent !== null) emit(this, 'consent-requested', consent)
    const granted = api !== null && report.token !== null ? grantedOperations(report.token, api) : null
    return { ok: true, account: result.account, scopes: result.scopes, granted, consent, findings }
  }

  private set(patch: Partial<SignInForm>): void {
    const next = { ...this.form, ...patch }
    // A new API starts on its own usual operation.
    if (patch.api !== undefined && patch.api !== this.form.api)
      next.operation = DEFAULT_OPERATION[patch.api] ?? ''
    this.form = next
  }

  private onRemember(e: Event): void {
    this.remember = (e.target as HTMLInputElement).checked
    if (!this.remember) forgetSignIn()
  }

  private onSubmit(e: Event): void {
    e.preventDefault()
    if (signInProblems(this.form).length > 0 || this.signIn.status === TaskStatus.PENDING) return
    this.cleared = false
    void this.signIn.run([this.form])
  }

  private async onSignOut(): Promise<void> {
    await this.auth.value?.signOut()
    this.signedIn = false
    // The last outcome (account, scopes) goes with the tokens.
    this.cleared = true
    emit(this, 'signed-out', {})
  }

  private requestConsent(consent: ConsentRequestDetail): void {
    emit(this, 'consent-requested', { ...consent, show: true })
  }

  private problem(problems: readonly SignInProblem[], field: SignInProblem['field']) {
    const p = problems.find((x) => x.field === field)
    return p === undefined ? nothing : html`<p class="problem" id="si-${field}-problem">${p.message}</p>`
  }

  private describedBy(problems: readonly SignInProblem[], field: SignInProblem['field']): string {
    return `si-${field}-hint${problems.some((p) => p.field === field) ? ` si-${field}-problem` : ''}`
  }

  private renderForm(problems: readonly SignInProblem[]) {
    const f = this.form
    const shown = this.form.clientId.trim() !== '' ? problems : problems.filter((p) => p.field !== 'clientId')
    const invalid = (field: SignInProblem['field']) =>
      shown.some((p) => p.field === field) ? 'true' : 'false'
    const scopes = scopesFor(f)
    const operations = isDefenderApi(f.api) && operationsFor !== null ? operationsFor(f.api) : []
    const pending = this.signIn.status === TaskStatus.PENDING
    return html`
      <form @submit=${this.onSubmit} novalidate>
        <p class="hint">Sign in with your own app registration (a single-page application whose redirect URI is
          <code class="wrap">${redirectBridgeUri(document.baseURI)}</code>). The token goes straight into the diagnosis below; this page sends it nowhere.</p>
        <div class="grid">
          <div class="field">
            <label for="si-clientId">Client ID</label>
            <input id="si-clientId" class="mono" spellcheck="false" autocomplete="off" autocapitalize="off" placeholder="00001111-aaaa-2222-bbbb-3333cccc4444"
              aria-invalid=${invalid('clientId')} aria-describedby=${this.describedBy(shown, 'clientId')}
              .value=${live(f.clientId)} @input=${(e: Event) => this.set({ clientId: (e.target as HTMLInputElement).value })} />
            <p class="hint" id="si-clientId-hint">Application (client) ID of your app registration.</p>
            ${this.problem(shown, 'clientId')}
          </div>
          <div class="field">
            <label for="si-tenant">Tenant</label>
            <input id="si-tenant" class="mono" spellcheck="false" autocomplete="off" autocapitalize="off" placeholder="contoso.onmicrosoft.com"
              aria-invalid=${invalid('tenant')} aria-describedby=${this.describedBy(shown, 'tenant')}
              .value=${live(f.tenant)} @input=${(e: Event) => this.set({ tenant: (e.target as HTMLInputElement).value })} />
            <p class="hint" id="si-tenant-hint">Tenant ID, verified domain, or <code>organizations</code> (your home tenant).</p>
            ${this.problem(shown, 'tenant')}
          </div>
          <div class="field">
            <label for="si-cloud">Cloud</label>
            <select id="si-cloud" @change=${(e: Event) => this.set({ cloud: (e.target as HTMLSelectElement).value as CloudName })}>
              ${CLOUD_NAMES.map((c) => html`<option value=${c} ?selected=${f.cloud === c}>${CLOUDS[c].label}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="si-api">API</label>
            <select id="si-api" aria-invalid=${invalid('api')} aria-describedby=${this.describedBy(shown, 'api')}
              @change=${(e: Event) => this.set({ api: (e.target as HTMLSelectElement).value as SignInApi })}>
              ${SIGN_IN_APIS.map((a) => html`<option value=${a} ?selected=${f.api === a}>${API_LABEL[a]}</option>`)}
            </select>
            <p class="hint" id="si-api-hint">The API the token is for.</p>
            ${this.problem(shown, 'api')}
          </div>
          <div class="field">
            <label for="si-scopes">${f.api === 'custom' ? 'Scope' : 'Delegated permissions (optional)'}</label>
            <input id="si-scopes" class="mono" spellcheck="false" autocomplete="off" autocapitalize="off"
              placeholder=${f.api === 'custom' ? 'api://my-api/.default' : 'Machine.Read Alert.Read'}
              aria-invalid=${invalid('scopes')} aria-describedby=${this.describedBy(shown, 'scopes')}
              .value=${live(f.scopes)} @input=${(e: Event) => this.set({ scopes: (e.target as HTMLInputElement).value })} />
            <p class="hint" id="si-scopes-hint">Requested: <code class="wrap">${scopes === null ? '(nothing yet)' : scopes.join(' ')}</code>${f.api === 'custom' ? nothing : ' — empty asks for every permission already consented (/.default).'}</p>
            ${this.problem(shown, 'scopes')}
          </div>
          ${
            isDefenderApi(f.api)
              ? html`
            <div class="field">
              <label for="si-operation">Operation to check</label>
              <input id="si-operation" class="mono" list="si-operations" spellcheck="false" autocomplete="off" autocapitalize="off"
                aria-describedby="si-operation-hint" .value=${live(f.operation)} @change=${(e: Event) => this.set({ operation: (e.target as HTMLInputElement).value })} />
              <datalist id="si-operations">${operations.map((o) => html`<option value=${o.operation}>${o.title}</option>`)}</datalist>
              <p class="hint" id="si-operation-hint">The permission check below starts on this operation.</p>
            </div>`
              : nothing
          }
        </div>
        <fieldset>
          <legend>Token cache</legend>
          ${(['memory', 'session'] as const).map(
            (c) => html`
            <div class="radio">
              <input type="radio" name="si-cache" id="si-cache-${c}" .checked=${live(f.cache === c)} aria-describedby="si-cache-${c}-hint" @change=${() => this.set({ cache: c })} />
              <label for="si-cache-${c}">${c === 'memory' ? 'Memory (recommended)' : 'Session storage'}</label>
              <p class="hint" id="si-cache-${c}-hint">${CACHE_HINT[c]}</p>
            </div>`,
          )}
        </fieldset>
        <div class="check">
          <input type="checkbox" id="si-remember" .checked=${live(this.remember)} aria-describedby="si-remember-hint" @change=${this.onRemember} />
          <label for="si-remember">Remember these settings on this device</label>
          <p class="hint" id="si-remember-hint">Client ID, tenant, cloud, API, scope and operation only, in this browser’s local storage — never a token. Untick to erase them.</p>
        </div>
        <div class="actions">
          <button type="submit" class="primary" aria-describedby="si-why-disabled" ?disabled=${problems.length > 0 || pending || this.auth.value == null}>Sign in and get a token</button>
          <button type="button" data-action="sign-out" ?disabled=${!this.signedIn || pending} @click=${this.onSignOut}>Sign out</button>
        </div>
        <p class="hint why-disabled" id="si-why-disabled">${
          pending
            ? 'Signing in…'
            : this.auth.value == null
              ? 'Sign-in is not available in this page.'
              : problems.length > 0
                ? `Disabled until the form is complete: ${[...new Set(problems.map((p) => WHAT_IS_MISSING[p.field]))].join(', ')}.`
                : ''
        }</p>
      </form>
    `
  }

  private renderConsent(consent: ConsentRequestDetail | null) {
    if (consent === null) return nothing
    return html`
      <p><strong>Consent is missing.</strong> An administrator of the tenant grants it once for your app; the admin-consent builder is prefilled for it.</p>
      <div class="actions"><button type="button" data-action="consent" @click=${() => this.requestConsent(consent)}>Build the admin-consent link</button></div>`
  }

  private renderSuccess(o: Extract<Outcome, { ok: true }>) {
    const a = o.account
    return html`
      <div class="outcome" role="status" data-outcome="ok">
        <p class="badge sev-ok">Signed in — the token is diagnosed below</p>
        <dl class="facts">
          <dt>Account</dt><dd data-account-name>${a.name ?? '(no name)'}</dd>
          <dt>Sign-in name</dt><dd><code class="wrap">${a.username ?? '(none)'}</code></dd>
          <dt>Tenant</dt><dd><code class="wrap" data-account-tenant>${a.tenantId ?? '(unknown)'}</code></dd>
          <dt>Scopes granted</dt><dd><code class="wrap">${o.scopes.join(' ') || '(none listed)'}</code></dd>
        </dl>
        ${
          o.granted === null
            ? nothing
            : html`
          <p data-granted-count=${o.granted.granted.length}>This token grants <strong>${o.granted.granted.length}</strong> of the ${o.granted.total} operations ClaimCheck knows for ${API_RESOURCES[this.form.api as 'mde' | 'm365d'].name}.</p>
          ${
            o.granted.granted.length === 0
              ? nothing
              : html`
            <details><summary>Operations this token can call</summary>
              <ul class="ops">${o.granted.granted.map((g) => html`<li data-granted-operation=${g}><code>${g}</code></li>`)}</ul>
            </details>`
          }`
        }
        ${this.renderConsent(o.consent)}
      </div>`
  }

  private renderFailure(o: Extract<Outcome, { ok: false }>) {
    const aadsts = explainAadsts(o.message) ?? explainAadsts(o.code)
    const help = aadsts === null ? (MSAL_ERROR_HELP[o.code] ?? UNKNOWN_MSAL_ERROR) : null
    return html`
      <div class="outcome" role="alert" data-outcome="error" data-code=${o.code}>
        <p class="badge sev-error">Sign-in did not give a token</p>
        <h3><code>${o.code}</code>${aadsts?.name == null ? nothing : html` — ${aadsts.name}`}</h3>
        <p><em>${o.message}</em></p>
        ${
          aadsts !== null
            ? html`
          <p>${aadsts.meaning}</p>
          ${aadsts.cause === null ? nothing : html`<p><strong>Likely cause:</strong> ${aadsts.cause}</p>`}
          <p><strong>Fix:</strong> ${aadsts.fix}</p>`
            : html`
          <p>${help?.meaning}</p>
          <p><strong>Fix:</strong> ${help?.fix}</p>`
        }
        ${this.renderConsent(o.consent)}
        ${
          o.log.length === 0
            ? nothing
            : html`
          <details class="log"><summary>What MSAL logged (errors and warnings, no personal data)</summary>
            <ul>${o.log.map((l) => html`<li><code class="wrap">${l}</code></li>`)}</ul>
          </details>`
        }
      </div>`
  }

  override render() {
    const problems = signInProblems(this.form)
    return html`
      ${this.renderForm(problems)}
      ${
        this.cleared
          ? nothing
          : this.signIn.render({
              pending: () =>
                html`<p role="status" class="outcome">Signing in… finish in the sign-in window.</p>`,
              complete: (o) => (o === null ? nothing : o.ok ? this.renderSuccess(o) : this.renderFailure(o)),
              error: () =>
                html`<p role="alert" class="outcome">The sign-in stopped unexpectedly. Try again.</p>`,
            })
      }
    `
  }
}

customElements.define('cc-sign-in-panel', CcSignInPanel)

declare global {
  interface HTMLElementTagNameMap {
    'cc-sign-in-panel': CcSignInPanel
  }
}
