import { css } from 'lit'

export const referenceViewStyles = css`
  :host { display: block; }
  .search { display: flex; flex-direction: column; gap: .25rem; max-width: 32rem; }
  section { border-top: 1px solid var(--cc-border); margin-top: 1rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .75rem; }
  dt { color: var(--cc-muted); }
  dd { margin: 0; min-width: 0; }
  dd ul { margin: 0; padding-left: 1rem; }
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: left; font-weight: 600; padding: .25rem 0; }
  th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-top: 1px solid var(--cc-border); overflow-wrap: anywhere; }
  th[scope='row'] { font-weight: normal; }
  .block { display: block; }
  @media (max-width: 30rem) {
    dl { grid-template-columns: 1fr; }
    dd { margin-bottom: .4rem; }
  }
`
