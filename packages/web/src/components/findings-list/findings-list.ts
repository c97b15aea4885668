import { LitElement, html, nothing } from 'lit'
import { FINDING_RULES, fixForSurface, type Finding, type Severity } from '@claimcheck/core'
import { sharedStyles } from '../../styles/shared.js'
import { findingsListStyles } from './findings-list.styles.js'

const GROUPS: readonly { severity: Severity; heading: string }[] = [
  { severity: 'error', heading: 'Errors' },
  { severity: 'warning', heading: 'Warnings' },
  { severity: 'info', heading: 'Notes' },
]

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** Findings grouped by severity, each with its stable code, what it means and how to fix it. */
export class CcFindingsList extends LitElement {
  static override properties = { findings: { attribute: false } }
  static override styles = [sharedStyles, findingsListStyles]
  declare findings: readonly Finding[]

  constructor() {
    super()
    this.findings = []
  }

  private renderFinding(f: Finding) {
    // The page's own wording for fixes that name a control (core's SURFACE_FIXES): "paste the key set", not --jwks.
    const fix = fixForSurface(f, 'page')
    return html`
      <li class="finding" data-code=${f.code}>
        <p class="title"><code class="badge sev-${f.severity}">${f.code}</code> <strong>${FINDING_RULES[f.code].title}</strong></p>
        <p class="message">${f.message}</p>
        ${fix === undefined ? nothing : html`<p class="fix"><strong>Fix:</strong> ${fix}</p>`}
        ${
          f.claim === undefined && f.expected === undefined && f.actual === undefined
            ? nothing
            : html`
          <dl class="details">
            ${f.claim === undefined ? nothing : html`<dt>Claim</dt><dd><code>${f.claim}</code></dd>`}
            ${f.expected === undefined ? nothing : html`<dt>Expected</dt><dd><code class="wrap">${asText(f.expected)}</code></dd>`}
            ${f.actual === undefined ? nothing : html`<dt>Actual</dt><dd><code class="wrap">${asText(f.actual)}</code></dd>`}
          </dl>`
        }
      </li>
    `
  }

  override render() {
    if (this.findings.length === 0) return html`<p class="hint">No findings.</p>`
    return GROUPS.map(({ severity, heading }) => {
      const group = this.findings.filter((f) => f.severity === severity)
      if (group.length === 0) return nothing
      return html`
        <section aria-labelledby="h-${severity}">
          <h3 id="h-${severity}">${heading} (${group.length})</h3>
          <ul>${group.map((f) => this.renderFinding(f))}</ul>
        </section>
      `
    })
  }
}

customElements.define('cc-findings-list', CcFindingsList)

declare global {
  interface HTMLElementTagNameMap {
    'cc-findings-list': CcFindingsList
  }
}
