import { LitElement, html, nothing } from 'lit'
import { parseCatalog, type PermissionCatalog } from '@claimcheck/core'
import { emit } from '../../events.js'
import { sharedStyles } from '../../styles/shared.js'
import { customCatalogStyles } from './custom-catalog.styles.js'

/** At most this much catalog text is read (a catalog of a thousand operations is well under 1 MB). */
export const MAX_CATALOG_BYTES = 2_000_000

/** JSON text → a validated catalog, or the reasons it is not one (core's parseCatalog decides). */
export function readCatalogText(text: string): { catalog: PermissionCatalog } | { problems: string[] } {
  if (text.length > MAX_CATALOG_BYTES)
    return { problems: [`the text is ${text.length.toLocaleString('en')} characters; at most 2,000,000`] }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { problems: ['the text is not JSON (a catalog is the JSON file the CLI reads with --catalog)'] }
  }
  const parsed = parseCatalog(value)
  return parsed.ok ? { catalog: parsed.catalog } : { problems: parsed.errors.slice(0, 8) }
}

/**
 * Your own API's permission catalog, from a file or pasted: validated with core's parseCatalog, then the token is
 * judged against it as the CLI's --catalog does. Held by the Inspect view in memory only: never sent, never stored.
 * @fires custom-catalog - with the catalog, or null when it is forgotten
 */
export class CcCustomCatalog extends LitElement {
  static override properties = {
    catalog: { attribute: false },
    problems: { state: true },
    text: { state: true },
  }
  static override styles = [sharedStyles, customCatalogStyles]
  declare catalog: PermissionCatalog | null
  declare problems: string[]
  declare text: string

  constructor() {
    super()
    this.catalog = null
    this.problems = []
    this.text = ''
  }

  private use(text: string): void {
    const result = readCatalogText(text)
    if ('problems' in result) {
      this.problems = result.problems
      return
    }
    this.problems = []
    emit(this, 'custom-catalog', { catalog: result.catalog })
  }

  private async onFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement
    const file = input.files?.[0]
    if (file === undefined) return
    if (file.size > MAX_CATALOG_BYTES) {
      this.problems = [`${file.name} is ${file.size.toLocaleString('en')} bytes; at most 2,000,000`]
      return
    }
    this.use(await file.text())
    input.value = ''
  }

  private forget(): void {
    this.problems = []
    this.text = ''
    emit(this, 'custom-catalog', { catalog: null })
  }

  override render() {
    const c = this.catalog
    return html`
      <p class="hint">The JSON catalog the CLI reads with <code>--catalog</code> (its schema is <code>schema/catalog.schema.json</code> in <code>@claimcheck/core</code>). It stays in this tab: never sent, never stored; reloading the page forgets it.</p>
      <label for="catalog-file">Load a file</label>
      <input id="catalog-file" type="file" accept=".json,application/json" @change=${this.onFile} />
      <label for="catalog-text">Or paste it</label>
      <textarea id="catalog-text" class="mono" spellcheck="false" autocomplete="off" .value=${this.text}
        @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}></textarea>
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.text.trim() === ''} @click=${() => this.use(this.text)}>Use this catalog</button>
        ${c === null ? nothing : html`<button type="button" @click=${this.forget}>Forget it</button>`}
      </div>
      ${this.problems.length === 0 ? nothing : html`<div class="problems" role="alert"><strong>Not a catalog:</strong><ul>${this.problems.map((p) => html`<li>${p}</li>`)}</ul></div>`}
      ${c === null ? nothing : html`<p class="loaded" role="status" data-catalog=${c.id}>Judging with <strong>${c.name}</strong>: ${c.operations.length} operations, ${c.permissions.length} permissions; tokens for ${c.identifierUris.join(', ') || '(no audience listed)'}.</p>`}
    `
  }
}

customElements.define('cc-custom-catalog', CcCustomCatalog)

declare global {
  interface HTMLElementTagNameMap {
    'cc-custom-catalog': CcCustomCatalog
  }
}
