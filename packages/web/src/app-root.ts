import { LitElement, html, nothing } from 'lit'
import { ContextProvider } from '@lit/context'
import { authClientContext } from './auth/auth-context.js'
import { createLazyAuthClient } from './auth/lazy-auth-client.js'
import { loadAllCatalogs } from './controllers/catalog-loader.js'
import { LazyModule } from './controllers/lazy-module.js'
import type { ConsentRequestDetail } from './events.js'
import './components/inspect-view/inspect-view.js'
import { sharedStyles } from './styles/shared.js'
import { appRootStyles } from './app-root.styles.js'

export type ViewName = 'inspect' | 'consent' | 'reference'
type Theme = 'system' | 'light' | 'dark'

const VIEWS: readonly { name: ViewName; label: string }[] = [
  { name: 'inspect', label: 'Inspect a token' },
  { name: 'consent', label: 'Admin consent' },
  { name: 'reference', label: 'API reference' },
]

const NEXT_THEME: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' }

/** The view a location's fragment names (`#consent`, `#reference`); anything else is the Inspect view. */
export function viewFromHash(hash: string): ViewName {
  const name = hash.replace(/^#/, '')
  return name === 'consent' || name === 'reference' ? name : 'inspect'
}

/**
 * The page: three views behind a tab bar. Only the Inspect view is in the entry bundle; Consent and Reference load
 * on first visit. Each view has a deep link (`#consent`, `#reference`, none for Inspect); the fragment carries the
 * view's name only, never a token or a setting.
 */
export class ClaimcheckApp extends LitElement {
  static override properties = {
    view: { state: true },
    theme: { state: true },
    consentPrefill: { state: true },
  }
  static override styles = [sharedStyles, appRootStyles]
  declare view: ViewName
  declare theme: Theme
  /** What sign-in found out about missing consent, for the admin-consent builder. */
  declare consentPrefill: ConsentRequestDetail | null

  /** Sign-in through MSAL, loaded (its own chunk) when "Sign in" is first pressed; the page alone never loads it. */
  private auth = new ContextProvider(this, {
    context: authClientContext,
    initialValue: createLazyAuthClient(() =>
      import('./auth/msal-auth-client.js').then((m) => m.createMsalAuthClient()),
    ),
  })

  /** Consent and Reference load on first visit, each in its own chunk. */
  private lazyViews: Readonly<Record<Exclude<ViewName, 'inspect'>, LazyModule>> = {
    consent: new LazyModule(this, () => import('./components/consent-view/consent-view.js'), 'this view'),
    // The reference lists every API's operations: its chunk and all the catalogs' arrive together.
    reference: new LazyModule(
      this,
      () => Promise.all([import('./components/reference-view/reference-view.js'), loadAllCatalogs()]),
      'this view',
    ),
  }

  private visited = new Set<ViewName>(['inspect'])

  constructor() {
    super()
    this.view = 'inspect'
    this.theme = 'system'
    this.consentPrefill = null
    this.addEventListener('consent-requested', (e) => {
      this.consentPrefill = e.detail
      if (e.detail.show) this.show('consent')
    })
  }

  private readonly onHashChange = (): void => this.show(viewFromHash(location.hash), false)

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('hashchange', this.onHashChange)
    this.onHashChange()
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('hashchange', this.onHashChange)
  }

  private show(view: ViewName, link = true): void {
    this.visited.add(view)
    this.view = view
    if (view !== 'inspect') this.lazyViews[view].load()
    // The address names the view, so it can be shared or bookmarked; replaceState keeps Back for leaving the page.
    const hash = view === 'inspect' ? '' : `#${view}`
    if (link && location.hash !== hash)
      history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`)
  }

  private toggleTheme(): void {
    this.theme = NEXT_THEME[this.theme]
    if (this.theme === 'system') delete document.documentElement.dataset.theme
    else document.documentElement.dataset.theme = this.theme
  }

  private renderView(name: ViewName) {
    if (!this.visited.has(name)) return nothing
    const hidden = this.view !== name
    switch (name) {
      case 'inspect':
        return html`<cc-inspect-view ?hidden=${hidden}></cc-inspect-view>`
      case 'consent':
        return html`<cc-consent-view ?hidden=${hidden} .prefill=${this.consentPrefill}></cc-consent-view>`
      case 'reference':
        return html`<cc-reference-view ?hidden=${hidden}></cc-reference-view>`
    }
  }

  override render() {
    return html`
      <header>
        <div class="brand">
          <h1>ClaimCheck</h1>
          <p class="tagline">Will this Entra ID token work against the API you send it to — and if not, why?</p>
        </div>
        <button type="button" class="theme" @click=${this.toggleTheme} aria-label="Colour theme: ${this.theme}. Change">Theme: ${this.theme}</button>
      </header>
      <nav aria-label="Views">
        <ul>
          ${VIEWS.map(
            (v) => html`
            <li><a href=${v.name === 'inspect' ? '#inspect' : `#${v.name}`} data-view=${v.name}
              aria-current=${this.view === v.name ? 'page' : 'false'}>${v.label}</a></li>`,
          )}
        </ul>
      </nav>
      <main>
        ${this.view === 'inspect' ? nothing : this.lazyViews[this.view].render()}
        ${VIEWS.map((v) => this.renderView(v.name))}
      </main>
      <footer>
        <p>Nothing you paste leaves this page: no storage, no cookies, no analytics. The only requests are GETs of Entra's public metadata and key sets, to check the signature (turn on “Stay offline” to make none).</p>
      </footer>
    `
  }
}

customElements.define('claimcheck-app', ClaimcheckApp)

declare global {
  interface HTMLElementTagNameMap {
    'claimcheck-app': ClaimcheckApp
  }
}
