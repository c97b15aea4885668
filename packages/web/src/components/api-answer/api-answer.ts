import { LitElement, html, nothing } from 'lit'
import { API_RESOURCES, explainApiResponse, type ApiResponseExplanation } from '@claimcheck/core'
import { sharedStyles } from '../../styles/shared.js'
import { apiAnswerStyles } from './api-answer.styles.js'

/** Sent whenever the pasted answer is read anew (recognised or not), so the page can react (e.g. scroll). */
export interface ApiAnswerExplainedDetail {
  recognized: boolean
  form: ApiResponseExplanation['form']
}

const FORM_LABEL: Record<NonNullable<ApiResponseExplanation['form']>, string> = {
  'missing-application-roles': 'Missing application roles',
  'missing-required-permissions': 'Missing application or delegated permission',
  'missing-scope-permissions': 'Missing delegated scope',
  'invalid-authentication-token': 'Token refused (401)',
  'insufficient-privileges': 'Insufficient directory privileges',
  'authorization-denied': 'Token refused (401)',
  'www-authenticate': 'WWW-Authenticate challenge',
  'too-many-requests': 'Too many requests (429)',
  aadsts: 'Entra error (AADSTS)',
  'http-status': 'HTTP status only',
}

/**
 * "What did the API answer?": paste a 401/403 body or WWW-Authenticate header from Defender for Endpoint, Defender
 * XDR or Microsoft Graph; the box says what the API needs, what the token had and, when the page has a token
 * (`token`), exactly which permission to add and the admin-consent link for the token's tenant. Offline: the text
 * and the token never leave the page.
 */
export class CcApiAnswer extends LitElement {
  static override properties = {
    token: { attribute: false },
    now: { attribute: false },
    value: { attribute: false },
  }
  static override styles = [sharedStyles, apiAnswerStyles]
  /** The token the page is inspecting (raw or `Bearer …`), or null. */
  declare token: string | null
  declare now: Date | undefined
  /** The pasted answer. */
  declare value: string

  constructor() {
    super()
    this.token = null
    this.now = undefined
    this.value = ''
  }

  private explanation(): ApiResponseExplanation | null {
    if (this.value.trim() === '') return null
    return explainApiResponse(this.value, {
      ...(this.token !== null ? { token: this.token } : {}),
      ...(this.now !== undefined ? { now: this.now } : {}),
    })
  }

  private onInput(event: Event): void {
    this.value = (event.target as HTMLTextAreaElement).value
    const e = this.explanation()
    this.dispatchEvent(
      new CustomEvent<ApiAnswerExplainedDetail>('api-answer-explained', {
        detail: { recognized: e?.recognized ?? false, form: e?.form ?? null },
        bubbles: true,
        composed: true,
      }),
    )
  }

  override render() {
    const e = this.explanation()
    return html`
      <label for="answer">The API's answer (a 401/403 body or its WWW-Authenticate header)</label>
      <textarea id="answer" spellcheck="false" autocomplete="off" .value=${this.value} @input=${this.onInput}
        aria-describedby="answer-hint"></textarea>
      <p id="answer-hint" class="hint">Read in the page only. ${this.token !== null ? 'The fix is worked out for the token above.' : 'Paste a token above too, to get the exact fix for it.'}</p>
      <div role="status" aria-live="polite">${
        e === null
          ? nothing
          : e.recognized
            ? this.renderExplanation(e)
            : html`
        <div class="result unrecognized" data-recognized="false"><p class="headline">Not an answer ClaimCheck recognises.</p>
        <p>It reads Defender for Endpoint, Defender XDR and Microsoft Graph 401/403 bodies and WWW-Authenticate headers.</p></div>`
      }
      </div>
    `
  }

  private renderExplanation(e: ApiResponseExplanation) {
    const who = e.api !== null ? API_RESOURCES[e.api].name : 'The API'
    return html`
      <div class="result recognized" data-recognized="true" data-form=${e.form ?? ''}>
        <p class="headline">${who}: ${FORM_LABEL[e.form as NonNullable<ApiResponseExplanation['form']>]}${e.status !== null ? ` (${e.status})` : ''}</p>
        <dl>
          ${e.message !== null ? html`<dt>Message</dt><dd>${e.message}</dd>` : nothing}
          ${e.required.length > 0 ? html`<dt>Needs (any one${e.kind !== null ? `, ${e.kind}` : ''})</dt><dd data-field="required">${e.required.join(', ')}</dd>` : nothing}
          ${e.tokenHad !== null ? html`<dt>The token had</dt><dd data-field="token-had">${e.tokenHad.length === 0 ? 'none' : e.tokenHad.join(', ')}</dd>` : nothing}
          ${e.add !== null ? html`<dt>Add</dt><dd class="add" data-field="add">${e.add.permission} (${e.add.kind} permission)${e.add.alreadyInToken ? ' — the token already holds a required permission' : ''}</dd>` : nothing}
          ${e.add?.consentLink ? html`<dt>Admin consent</dt><dd><a data-field="consent" href=${e.add.consentLink} target="_blank" rel="noopener noreferrer">${e.add.consentLink}</a></dd>` : nothing}
        </dl>
        <ul>${e.advice.map((a) => html`<li>${a}</li>`)}</ul>
      </div>
    `
  }
}

customElements.define('api-answer', CcApiAnswer)

declare global {
  interface HTMLElementTagNameMap {
    'api-answer': CcApiAnswer
  }
  interface HTMLElementEventMap {
    'api-answer-explained': CustomEvent<ApiAnswerExplainedDetail>
  }
}
