import { css } from 'lit'

export const findingsListStyles = css`
  :host { display: block; }
  ul { list-style: none; padding: 0; margin: 0; display: grid; gap: .5rem; }
  .finding { border: 1px solid var(--cc-border); border-radius: .5rem; padding: .35rem .75rem; background: var(--cc-bg); }
  .finding { min-width: 0; }
  .finding p { margin: .2rem 0; overflow-wrap: anywhere; }
  .finding code.wrap { overflow-wrap: anywhere; }
  .title code { margin-right: .25rem; }
  .details { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: .25rem 0 0; font-size: .9rem; }
  .details dt { color: var(--cc-muted); }
  .details dd { margin: 0; min-width: 0; }
`
