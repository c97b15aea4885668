import { css } from 'lit'

export const consentViewStyles = css`
  :host { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); }
  section { min-width: 0; }
  :host([hidden]) { display: none; }
  .panel h2 { margin-top: .25rem; }
  .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(16rem, 100%), 1fr)); gap: 0 1rem; }
  .field { display: flex; flex-direction: column; gap: .25rem; margin-bottom: .75rem; min-width: 0; }
  .field input, .field select { width: 100%; }
  .field.inline { max-width: 16rem; }
  .hint { margin: 0; }
  fieldset { border: 1px solid var(--cc-border); border-radius: .5rem; margin: 0 0 .75rem; padding: .5rem .75rem; }
  legend { font-weight: 600; padding: 0 .25rem; }
  .radio { display: grid; grid-template-columns: auto 1fr; gap: 0 .5rem; align-items: center; margin: .25rem 0; }
  .radio .hint { grid-column: 2; font-size: .85rem; }
  textarea { width: 100%; word-break: break-all; }
  .result { display: grid; gap: .5rem; grid-template-columns: minmax(0, 1fr); }
  .result p, .panel > p { overflow-wrap: anywhere; }
  .facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: 0; }
  .facts dt { color: var(--cc-muted); }
  .facts dd { margin: 0; min-width: 0; }
  .snippet { background: var(--cc-bg); border: 1px solid var(--cc-border); border-radius: .375rem; padding: .5rem; overflow-x: auto; margin: 0 0 .25rem; }
`
