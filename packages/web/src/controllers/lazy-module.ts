import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit'

type LoadState<M> =
  { state: 'idle' } | { state: 'pending' } | { state: 'ready'; module: M } | { state: 'failed' }

/**
 * A module loaded on first need (a panel's first opening, a view's first visit), in its own chunk, so the paste path
 * never carries it. One controller per module: `load()` starts the import once; `render()` shows the pending and
 * failed states the same way everywhere (a status line, an alert) and the content once the module is in.
 */
export class LazyModule<M = unknown> implements ReactiveController {
  private current: LoadState<M> = { state: 'idle' }

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly importer: () => Promise<M>,
    /** What is loading, for the status line ("settings", "the samples"). */
    private readonly what: string,
  ) {
    host.addController(this)
  }

  hostConnected(): void {}

  get module(): M | null {
    return this.current.state === 'ready' ? this.current.module : null
  }

  get ready(): boolean {
    return this.current.state === 'ready'
  }

  /** Starts the import (once); a failed import may be retried by calling load again. */
  load(): void {
    if (this.current.state === 'pending' || this.current.state === 'ready') return
    this.current = { state: 'pending' }
    this.host.requestUpdate()
    this.importer()
      .then(
        (module) => {
          this.current = { state: 'ready', module }
        },
        () => {
          this.current = { state: 'failed' }
        },
      )
      .finally(() => this.host.requestUpdate())
  }

  /** The content once loaded; a status while loading; an alert when the chunk could not be fetched. */
  render(content: () => TemplateResult | typeof nothing = () => nothing): TemplateResult | typeof nothing {
    switch (this.current.state) {
      case 'idle':
        return nothing
      case 'pending':
        return html`<p role="status">Loading ${this.what}…</p>`
      case 'failed':
        return html`<p role="alert">${this.what.charAt(0).toUpperCase()}${this.what.slice(1)} could not be loaded.</p>`
      case 'ready':
        return content()
    }
  }
}
