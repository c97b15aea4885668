import { css } from 'lit'

export const inspectViewStyles = css`
  :host { display: block; }
  section { margin-top: 1rem; }
  .input { margin-top: 0; display: grid; gap: .75rem; }
  cc-verdict-banner { margin-top: 1rem; }
  .settings { margin-top: 1rem; }
  .settings summary { cursor: pointer; display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem .75rem; }
  .summary-title { font-weight: 700; font-size: 1.05rem; }
  .settings[open] summary { margin-bottom: .75rem; }
  .empty { margin-top: 1rem; }
  .samples summary, .signin summary { cursor: pointer; font-weight: 600; padding: .25rem 0; }
  .samples summary .hint, .signin summary .hint { font-weight: normal; }
`
