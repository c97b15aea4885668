import { css } from 'lit'

export const signInPanelStyles = css`
  :host { display: block; }
  form { display: grid; gap: .25rem; }
  .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(16rem, 100%), 1fr)); gap: 0 1rem; }
  .field { display: flex; flex-direction: column; gap: .25rem; margin-bottom: .75rem; min-width: 0; }
  .field input, .field select { width: 100%; }
  .hint { margin: 0; }
  .problem { margin: 0; color: var(--cc-error-fg); background: var(--cc-error-bg); padding: .2rem .5rem; border-radius: .25rem; }
  fieldset { border: 1px solid var(--cc-border); border-radius: .5rem; margin: 0 0 .75rem; padding: .5rem .75rem; }
  legend { font-weight: 600; padding: 0 .25rem; }
  .radio, .check { display: grid; grid-template-columns: auto 1fr; gap: 0 .5rem; align-items: center; margin: .25rem 0; }
  .radio input, .check input { width: 1.1rem; height: 1.1rem; margin: 0; }
  .radio .hint, .check .hint { grid-column: 2; font-size: .85rem; }
  .actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0; }
  .outcome { display: grid; gap: .5rem; margin-top: .5rem; overflow-wrap: anywhere; }
  .outcome p { margin: 0; }
  .facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: 0; }
  .facts dt { color: var(--cc-muted); }
  .facts dd { margin: 0; min-width: 0; }
  .ops { margin: .25rem 0 0; padding-left: 1.25rem; max-height: 12rem; overflow: auto; }
  .log { font-size: .85rem; }
`
