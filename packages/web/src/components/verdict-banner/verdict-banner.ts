import { LitElement, html, nothing } from 'lit'
import type { Report } from '@claimcheck/core'
import { countBySeverity, summarize, verdictOf, type Verdict } from '../../format/report-summary.js'
import { sharedStyles } from '../../styles/shared.js'
import { verdictBannerStyles } from './verdict-banner.styles.js'

const HEADLINE: Record<Verdict, string> = {
  ok: 'No problems found',
  warnings: 'Should work, with warnings',
  errors: 'This token will be refused',
  unreadable: 'Not a token ClaimCheck can read',
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** The one-line answer: will this token work? Announced politely to screen readers as it changes. */
export class CcVerdictBanner extends LitElement {
  static override properties = { report: { attribute: false }, now: { attribute: false } }
  static override styles = [sharedStyles, verdictBannerStyles]
  declare report: Report | null
  declare now: Date

  constructor() {
    super()
    this.report = null
    this.now = new Date()
  }

  override render() {
    const r = this.report
    if (r === null) return html`<div role="status" aria-live="polite"></div>`
    const verdict = verdictOf(r)
    const counts = countBySeverity(r)
    const tally = [
      counts.error > 0 ? plural(counts.error, 'error') : null,
      counts.warning > 0 ? plural(counts.warning, 'warning') : null,
    ].filter((s) => s !== null)
    return html`
      <div role="status" aria-live="polite" class="banner ${verdict}" data-verdict=${verdict}>
        <p class="headline">${HEADLINE[verdict]}${tally.length > 0 ? html`<span class="tally">: ${tally.join(', ')}</span>` : nothing}</p>
        ${r.token === null ? nothing : html`<p class="summary">${summarize(r.token, this.now).join(' · ')}</p>`}
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
