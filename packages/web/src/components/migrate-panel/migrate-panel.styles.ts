import { css } from 'lit'

export const migratePanelStyles = css`
  :host { display: block; }
  form { display: grid; gap: .5rem; max-width: 48rem; }
  textarea { width: 100%; min-height: 8rem; font-family: var(--cc-mono, monospace); box-sizing: border-box; }
  .row { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; }
  .row label { display: flex; flex-direction: column; gap: .2rem; }
  table { border-collapse: collapse; width: 100%; margin-top: .75rem; }
  th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-top: 1px solid var(--cc-border); overflow-wrap: anywhere; }
  .headline { font-weight: 600; }
  .headline[data-ok='false'] { color: var(--cc-error, #b00020); }
  [data-outcome='retired'] .outcome { color: var(--cc-error, #b00020); font-weight: 600; }
  [data-outcome='retiring'] .outcome { color: var(--cc-warning, #8a5300); font-weight: 600; }
  .hint { color: var(--cc-muted); }
`
