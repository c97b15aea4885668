import { LitElement, html, nothing } from 'lit'
import {
  API_RESOURCES,
  CLOUDS,
  CLOUD_NAMES,
  KNOWN_API_IDS,
  defaultScopeFor,
  type KnownApiId,
} from '@claimcheck/core'
import { operationsFor, type OperationEntry } from '../../adapters/permission-catalog.js'
import { sharedStyles } from '../../styles/shared.js'
import { referenceViewStyles } from './reference-view.styles.js'

function matches(query: string, ...texts: readonly string[]): boolean {
  const q = query.trim().toLowerCase()
  return q === '' || texts.some((t) => t.toLowerCase().includes(q))
}

/** Each API's identity (resource, identifiers, scopes per cloud) and, with the permission catalogs, its operations. */
export class CcReferenceView extends LitElement {
  static override properties = { query: { state: true } }
  static override styles = [sharedStyles, referenceViewStyles]
  declare query: string

  constructor() {
    super()
    this.query = ''
  }

  private renderOperations(api: KnownApiId, list: readonly OperationEntry[]) {
    const shown = list.filter((o) =>
      matches(this.query, o.operation, o.title, ...o.application, ...o.delegated),
    )
    if (shown.length === 0) return html`<p class="hint">No operation matches.</p>`
    return html`
      <table>
        <caption>Operations of ${API_RESOURCES[api].name}</caption>
        <thead><tr><th scope="col">Operation</th><th scope="col">Application permission (any)</th><th scope="col">Delegated permission (any)</th></tr></thead>
        <tbody>${shown.map(
          (o) => html`
          <tr>
            <th scope="row"><code class="wrap">${o.operation}</code><span class="hint block">${o.title}</span>${o.notes ? html`<span class="hint block">${o.notes}</span>` : nothing}</th>
            <td>${o.application.join(', ') || '—'}</td>
            <td>${o.delegated.join(', ') || '—'}</td>
          </tr>`,
        )}
        </tbody>
      </table>
    `
  }

  private renderApi(api: KnownApiId) {
    const r = API_RESOURCES[api]
    const uris = r.identifierUris.filter((u) => matches(this.query, u))
    const apiMatches = matches(this.query, r.name, r.appId, api)
    const list = operationsFor?.(api) ?? null
    if (
      !apiMatches &&
      uris.length === 0 &&
      (list === null ||
        !list.some((o) => matches(this.query, o.operation, o.title, ...o.application, ...o.delegated)))
    )
      return nothing
    return html`
      <section aria-labelledby="api-${api}">
        <h2 id="api-${api}">${r.name}</h2>
        <dl>
          <dt>Resource app ID</dt><dd><code>${r.appId}</code></dd>
          ${CLOUD_NAMES.map((c) => {
            const scope = defaultScopeFor(api, c)
            return scope === null
              ? nothing
              : html`<dt>Scope (${CLOUDS[c].label})</dt><dd><code class="wrap">${scope}</code></dd>`
          })}
          <dt>Audiences accepted</dt><dd><ul>${(apiMatches ? r.identifierUris : uris).map((u) => html`<li><code class="wrap">${u}</code></li>`)}</ul></dd>
        </dl>
        ${
          api === 'graph'
            ? nothing
            : list === null
              ? html`<p class="hint">Operations and their permissions are not part of this build yet (they arrive with core's permission catalogs).</p>`
              : this.renderOperations(api, list)
        }
      </section>
    `
  }

  private renderResults() {
    const sections = KNOWN_API_IDS.map((api) => this.renderApi(api))
    if (sections.every((s) => s === nothing)) {
      return html`<p class="empty" role="status" data-empty="true">Nothing matches “${this.query.trim()}”. Try a permission (Machine.Isolate), a path (/api/alerts) or an API name.
        <button type="button" @click=${() => {
          this.query = ''
        }}>Show everything</button></p>`
    }
    return sections
  }

  override render() {
    return html`
      <h2 class="visually-hidden">Reference</h2>
      <div class="search">
        <label for="q">Search APIs, operations and permissions</label>
        <input id="q" type="search" spellcheck="false" autocomplete="off" .value=${this.query}
          @input=${(e: Event) => {
            this.query = (e.target as HTMLInputElement).value
          }} />
      </div>
      <details class="keep-working" @toggle=${() => void import('../migrate-panel/migrate-panel.js')}>
        <summary>Will it keep working?</summary><cc-migrate-panel></cc-migrate-panel></details>
      ${this.renderResults()}
    `
  }
}

customElements.define('cc-reference-view', CcReferenceView)

declare global {
  interface HTMLElementTagNameMap {
    'cc-reference-view': CcReferenceView
  }
}
