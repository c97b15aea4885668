import { LitElement, html, nothing } from 'lit'
import { Task } from '@lit/task'
import { SAMPLES, type SampleId } from '../../demo/sample-list.js'
import { emit } from '../../events.js'
import { sharedStyles } from '../../styles/shared.js'
import { samplePickerStyles } from './sample-picker.styles.js'

/**
 * "Try a sample": the list of samples, loaded when the user opens "Try a sample" (not on the paste path). Mints a
 * demo token at click time with the bundled demo key (loaded on first click, in its own chunk).
 * @fires sample-loaded - with the token and the settings that frame the sample
 */
export class CcSamplePicker extends LitElement {
  static override properties = { clock: { attribute: false } }
  static override styles = [sharedStyles, samplePickerStyles]
  declare clock: () => Date

  constructor() {
    super()
    this.clock = () => new Date()
  }

  private mint = new Task(this, {
    autoRun: false,
    task: async ([id]: readonly [SampleId]) => {
      const { mintSample } = await import('../../demo/mint-sample.js')
      const sample = await mintSample(id, this.clock())
      emit(this, 'sample-loaded', sample)
      return id
    },
  })

  override render() {
    return html`
        <p class="hint">Signed in this page by a bundled <strong>demo key</strong>; its key set is bundled too, so the signature check works offline. Not real tokens.</p>
        <ul>
          ${SAMPLES.map(
            (s) => html`
            <li>
              <button type="button" data-sample=${s.id} aria-describedby="desc-${s.id}" @click=${() => this.mint.run([s.id])}>${s.label}</button>
              <span class="hint" id="desc-${s.id}">${s.description}</span>
            </li>`,
          )}
        </ul>
        ${this.mint.render({
          pending: () => html`<p role="status">Minting the sample…</p>`,
          error: () =>
            html`<p role="status" class="problem">This browser could not sign the sample (Web Crypto unavailable).</p>`,
          complete: () => nothing,
          initial: () => nothing,
        })}
    `
  }
}

customElements.define('cc-sample-picker', CcSamplePicker)

declare global {
  interface HTMLElementTagNameMap {
    'cc-sample-picker': CcSamplePicker
  }
}
