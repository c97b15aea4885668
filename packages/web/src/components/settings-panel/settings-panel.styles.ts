import { css } from 'lit'

export const settingsPanelStyles = css`
  :host { display: block; }
  .field { display: flex; flex-direction: column; gap: .25rem; margin-bottom: .75rem; }
  .field input, .field textarea { width: 100%; }
  #skew { width: 8rem; }
  .hint { margin: 0; }
  .problem { margin: 0; color: var(--cc-error-fg); background: var(--cc-error-bg); padding: .2rem .5rem; border-radius: .25rem; }
  fieldset { border: 1px solid var(--cc-border); border-radius: .5rem; margin: 0 0 .75rem; padding: .5rem .75rem; }
  legend { font-weight: 600; padding: 0 .25rem; }
  .radio { display: grid; grid-template-columns: auto 1fr; gap: 0 .5rem; align-items: center; margin: .25rem 0; }
  .radio input { width: 1.1rem; height: 1.1rem; margin: 0; }
  .radio .hint { grid-column: 2; font-size: .85rem; }
  .demo { margin: 0; }
`
