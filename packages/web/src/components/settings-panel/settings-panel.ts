import { LitElement, html, nothing } from 'lit'
import { readKeySetText } from '@claimcheck/core'
import { live } from 'lit/directives/live.js'
import { emit } from '../../events.js'
import {
  DEFAULT_SETTINGS,
  settingsProblems,
  type InspectSettings,
  type SettingsProblem,
  type VerificationMode,
} from '../../state/settings.js'
import { sharedStyles } from '../../styles/shared.js'
import { settingsPanelStyles } from './settings-panel.styles.js'

const MODES: readonly { mode: VerificationMode; label: string; hint: string }[] = [
  {
    mode: 'entra',
    label: 'Entra’s published keys (default)',
    hint: 'GETs the token’s tenant’s public metadata and key set from the Entra sign-in host. The token is never sent.',
  },
  {
    mode: 'key-set',
    label: 'A key set I paste',
    hint: 'For when this browser cannot reach Entra: paste what the tenant’s key set link returns.',
  },
  {
    mode: 'off',
    label: 'Stay offline',
    hint: 'No request leaves the page; the signature is not checked, so the verdict cannot be “works”.',
  },
]

/**
 * What the token is checked against. In memory only: nothing here is stored, and a reload starts afresh.
 * @fires settings-change - with the fields that changed
 */
export class CcSettingsPanel extends LitElement {
  static override properties = { settings: { attribute: false } }
  static override styles = [sharedStyles, settingsPanelStyles]
  declare settings: InspectSettings

  constructor() {
    super()
    this.settings = DEFAULT_SETTINGS
  }

  private change(patch: Partial<InspectSettings>): void {
    emit(this, 'settings-change', patch)
  }

  private problem(
    problems: readonly { field: string; message: string }[],
    field: SettingsProblem['field'] | 'keySet',
    id: string,
  ) {
    const p = problems.find((x) => x.field === field)
    return p === undefined ? nothing : html`<p class="problem" id=${id}>${p.message}</p>`
  }

  override render() {
    const s = this.settings
    const problems: { field: SettingsProblem['field'] | 'keySet'; message: string }[] = settingsProblems(s)
    // A pasted key set is judged by core's reader, as the CLI's --jwks is.
    const keySetRead = s.verification === 'key-set' ? readKeySetText(s.keySet) : null
    if (keySetRead !== null && !keySetRead.ok)
      problems.push({ field: 'keySet', message: `This is not a key set: ${keySetRead.problem}.` })
    const has = (field: SettingsProblem['field'] | 'keySet'): boolean =>
      problems.some((p) => p.field === field)
    return html`
      <div class="field">
        <label for="audience">Expected audience</label>
        <input id="audience" class="mono" spellcheck="false" autocomplete="off" autocapitalize="off"
          aria-describedby="audience-hint" placeholder="https://api.securitycenter.microsoft.com"
          .value=${live(s.audience)} @input=${(e: Event) => this.change({ audience: (e.target as HTMLInputElement).value })} />
        <p class="hint" id="audience-hint">The API's identifier (aud). Several: separate with spaces. Empty: not checked.</p>
      </div>
      <div class="field">
        <label for="tenants">Allowed tenants</label>
        <textarea id="tenants" class="mono" rows="2" spellcheck="false" autocomplete="off" autocapitalize="off"
          aria-describedby="tenants-hint ${has('tenants') ? 'tenants-problem' : ''}" aria-invalid=${has('tenants') ? 'true' : 'false'}
          .value=${live(s.tenants)} @input=${(e: Event) => this.change({ tenants: (e.target as HTMLTextAreaElement).value })}></textarea>
        <p class="hint" id="tenants-hint">Tenant IDs (GUIDs) your API accepts. Leave empty to accept any tenant.</p>
        ${this.problem(problems, 'tenants', 'tenants-problem')}
      </div>
      <div class="field">
        <label for="skew">Clock skew (seconds)</label>
        <input id="skew" type="number" min="0" max="3600" step="1" inputmode="numeric"
          aria-describedby=${has('clockSkewSeconds') ? 'skew-problem' : nothing} aria-invalid=${has('clockSkewSeconds') ? 'true' : 'false'}
          .value=${live(String(s.clockSkewSeconds))}
          @input=${(e: Event) => this.change({ clockSkewSeconds: Number((e.target as HTMLInputElement).value) })} />
        ${this.problem(problems, 'clockSkewSeconds', 'skew-problem')}
      </div>
      <fieldset>
        <legend>Check the signature with</legend>
        ${MODES.map(
          (m) => html`
          <div class="radio">
            <input type="radio" name="verification" id="mode-${m.mode}" .checked=${live(s.verification === m.mode)}
              aria-describedby="mode-${m.mode}-hint" @change=${() => this.change({ verification: m.mode })} />
            <label for="mode-${m.mode}">${m.label}</label>
            <p class="hint" id="mode-${m.mode}-hint">${m.hint}</p>
          </div>`,
        )}
      </fieldset>
      ${
        s.verification !== 'key-set'
          ? nothing
          : html`
        <div class="field">
          <label for="keyset">Key set (JWKS JSON)</label>
          ${s.keySetSource === 'demo' ? html`<p class="demo"><span class="badge sev-warning">Demo</span> The bundled demo key set: it verifies only “Try a sample” tokens.</p>` : nothing}
          <textarea id="keyset" class="mono" rows="6" spellcheck="false" autocomplete="off" autocapitalize="off"
            aria-describedby=${has('keySet') ? 'keyset-problem' : nothing} aria-invalid=${has('keySet') ? 'true' : 'false'}
            .value=${live(s.keySet)} @input=${(e: Event) => this.change({ keySet: (e.target as HTMLTextAreaElement).value, keySetSource: 'pasted' })}></textarea>
          ${this.problem(problems, 'keySet', 'keyset-problem')}
        </div>`
      }
    `
  }
}

customElements.define('cc-settings-panel', CcSettingsPanel)

declare global {
  interface HTMLElementTagNameMap {
    'cc-settings-panel': CcSettingsPanel
  }
}
