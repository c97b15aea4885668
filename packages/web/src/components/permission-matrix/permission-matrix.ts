import { LitElement, html, nothing } from 'lit'
import { API_RESOURCES, type KnownApiId, type Report } from '@claimcheck/core'
import type { OperationLister } from '../../adapters/permission-catalog.js'
import { emit } from '../../events.js'
import { sharedStyles } from '../../styles/shared.js'
import { permissionMatrixStyles } from './permission-matrix.styles.js'

// The APIs with permission catalogs: the Defender APIs (Graph permissions are Graph's business).
const PICKABLE_APIS: readonly KnownApiId[] = ['mde', 'm365d']

/**
 * What the chosen operation needs against what the token carries. The verdict is the Report's (core decides);
 * this only lays it out.
 * @fires settings-change - when the API or operation picker changes
 */
export class CcPermissionMatrix extends LitElement {
  static override properties = {
    report: { attribute: false },
    api: { attribute: false },
    operation: { attribute: false },
    operations: { attribute: false },
  }
  static override styles = [sharedStyles, permissionMatrixStyles]
  declare report: Report | null
  declare api: KnownApiId | null
  declare operation: string
  declare operations: OperationLister | null

  constructor() {
    super()
    this.report = null
    this.api = null
    this.operation = ''
    this.operations = null
  }

  private onApi(e: Event): void {
    const value = (e.target as HTMLSelectElement).value
    emit(this, 'settings-change', { api: value === '' ? null : (value as KnownApiId) })
  }

  private onOperation(e: Event): void {
    emit(this, 'settings-change', { operation: (e.target as HTMLInputElement).value })
  }

  private renderPickers() {
    const list = this.api !== null && this.operations !== null ? this.operations(this.api) : []
    return html`
      <div class="pickers">
        <div>
          <label for="api">API</label>
          <select id="api" @change=${this.onApi}>
            <option value="" ?selected=${this.api === null}>(none)</option>
            ${PICKABLE_APIS.map((id) => html`<option value=${id} ?selected=${this.api === id}>${API_RESOURCES[id].name}</option>`)}
          </select>
        </div>
        <div class="grow">
          <label for="operation">Operation</label>
          <input id="operation" class="mono" list="operations" placeholder="POST /api/machines/{id}/isolate"
            spellcheck="false" autocomplete="off" autocapitalize="off" .value=${this.operation} @change=${this.onOperation} />
          <datalist id="operations">${list.map((o) => html`<option value=${o.operation}>${o.title}</option>`)}</datalist>
        </div>
      </div>
    `
  }

  private renderMatrix() {
    const r = this.report
    if (r === null || r.token === null) return nothing
    const p = r.permissions
    const carried = [...r.token.roles.map((x) => `${x} (role)`), ...r.token.scopes.map((x) => `${x} (scope)`)]
    const carriedLine = html`<p class="carried"><strong>This token carries:</strong> ${carried.length === 0 ? 'no permissions (no roles, no scp)' : carried.join(', ')}</p>`
    if (this.api === null || this.operation.trim() === '') {
      return html`<p class="hint">Choose the API and the operation you call to see what it needs.</p>${carriedLine}`
    }
    if (p.required.length === 0) {
      return html`
        <p class="hint" data-permissions="none">${this.operations === null
          ? 'Permission checks are not part of this build yet: the Report carries no permission result for this operation.'
          : 'ClaimCheck has no permission result for this operation; see the findings above.'}</p>
        ${carriedLine}`
    }
    const granted = new Set(p.granted)
    const row = (perm: string) => html`
      <tr data-permission=${perm}>
        <th scope="row"><code>${perm}</code></th>
        <td>${granted.has(perm) ? html`<span class="badge sev-ok">✓ granted</span>` : html`<span class="badge sev-error">✗ missing</span>`}</td>
      </tr>`
    const table = (caption: string, perms: readonly string[]) => perms.length === 0 ? nothing : html`
      <table>
        <caption>${caption}</caption>
        <thead><tr><th scope="col">Permission</th><th scope="col">In this token</th></tr></thead>
        <tbody>${perms.map(row)}</tbody>
      </table>`
    const { anyOf, allOf } = p
    return html`
      <p class="verdict ${p.satisfied ? 'sev-ok' : 'sev-error'}" data-satisfied=${String(p.satisfied)}>
        ${p.satisfied ? 'GRANTED' : 'DENIED'}: <code>${p.operation ?? this.operation}</code>
        ${p.context === null ? nothing : html`(${p.context === 'application' ? 'application permissions' : 'delegated permissions'})`}
      </p>
      ${table(anyOf.length > 1 ? 'Any one of these permissions grants the operation' : 'The permission the operation needs', anyOf)}
      ${table('Each of these is required as well', allOf)}
      ${carriedLine}
      ${p.source === null ? nothing : html`<p class="hint">Source: <code class="wrap">${p.source}</code></p>`}
    `
  }

  override render() {
    return html`${this.renderPickers()}${this.renderMatrix()}`
  }
}

customElements.define('cc-permission-matrix', CcPermissionMatrix)

declare global {
  interface HTMLElementTagNameMap {
    'cc-permission-matrix': CcPermissionMatrix
  }
}
