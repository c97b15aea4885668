import { LitElement, html, nothing } from 'lit'
import { fixForSurface, summarizeVerdict, type Report, type Verdict } from '@claimcheck/core'
import { summarize } from '../../format/report-summary.js'
import { callerSentence } from '../caller-facts/caller-sentence.js'
import { sharedStyles } from '../../styles/shared.js'
import { verdictBannerStyles } from './verdict-banner.styles.js'

const HEADLINE: Record<Verdict, string> = {
  works: 'This token works',
  refused: 'This token will be refused',
  undetermined: 'Not confirmed',
}

/**
 * The one answer, with the Report's own verdict (core's summarizeVerdict): works only with a verified signature;
 * refused leads with the deciding finding and its fix; undetermined says what could not be checked. The first line is
 * always the verdict; the operation's GRANTED / DENIED, when one is asked, follows it (an expired token whose roles
 * would grant the operation never opens with "GRANTED"). Announced politely to screen readers as it changes.
 */
export class CcVerdictBanner extends LitElement {
  static override properties = {
    report: { attribute: false },
    now: { attribute: false },
    checking: { attribute: false },
  }
  static override styles = [sharedStyles, verdictBannerStyles]
  declare report: Report | null
  declare now: Date
  /** The signature check is under way: the verdict shown is the offline one, for now. */
  declare checking: boolean

  constructor() {
    super()
    this.report = null
    this.now = new Date()
    this.checking = false
  }

  private renderOperation(r: Report, verdict: Verdict) {
    const p = r.permissions
    if (p.operation === null || p.satisfied === null) return nothing
    const needs = p.anyOf.length > 0 ? ` needs ${p.anyOf.join(' or ')}` : ''
    return html`<p class="operation" data-satisfied=${String(p.satisfied)}>
      <strong>${p.satisfied ? (verdict === 'refused' ? 'Permission granted, token refused' : 'GRANTED') : 'DENIED'}</strong>: <code class="wrap">${p.operation}</code>${
        p.satisfied
          ? html` (${p.granted.join(', ')})`
          : html`${needs}; the token ${p.context === 'application' ? 'has roles' : 'has scp'} ${(p.context === 'application' ? r.token?.roles : r.token?.scopes)?.join(', ') || 'none'}`
      }</p>`
  }

  override render() {
    const r = this.report
    if (r === null) return html`<div role="status" aria-live="polite"></div>`
    const { verdict, reason, finding } = summarizeVerdict(r)
    const fix = finding === null ? undefined : fixForSurface(finding, 'page')
    // A dated lifecycle (operation-retiring / -retired) is said in the banner with its ISO date.
    const dated = r.findings.find((f) => f.code === 'operation-retiring' || f.code === 'operation-retired')
    return html`
      <div role="status" aria-live="polite" class="banner ${verdict}" data-verdict=${verdict}>
        <p class="headline">${HEADLINE[verdict]}${verdict === 'works' ? nothing : html`<span class="reason">${verdict === 'refused' ? `: ${reason}` : ` — nothing wrong found, but ${reason}`}</span>`}${this.checking ? html` <span class="checking">(checking the signature…)</span>` : nothing}</p>
        ${this.renderOperation(r, verdict)}
        ${finding === null ? nothing : html`<p class="first-finding" data-code=${finding.code}>${finding.message}${fix === undefined ? nothing : html` <strong>Fix:</strong> ${fix}`}</p>`}
        ${dated === undefined || dated === finding ? nothing : html`<p class="lifecycle" data-code=${dated.code}>${dated.message}</p>`}
        ${r.token === null ? nothing : html`<p class="summary">${summarize(r.token, this.now).join(' · ')}</p>`}
        ${r.token === null || callerSentence(r.token) === null ? nothing : html`<p class="summary caller" data-agent=${r.token.caller.agent ?? 'none'}>${callerSentence(r.token)}</p>`}
      </div>
    `
  }
}

customElements.define('cc-verdict-banner', CcVerdictBanner)

declare global {
  interface HTMLElementTagNameMap {
    'cc-verdict-banner': CcVerdictBanner
  }
}
