import { css } from 'lit'

export const claimsTableStyles = css`
  :host { display: block; }
  table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; table-layout: fixed; }
  caption { text-align: left; font-weight: 700; padding: .25rem 0; }
  th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-top: 1px solid var(--cc-border); min-width: 0; }
  thead th { color: var(--cc-muted); font-size: .85rem; border-top: none; }
  th[scope='row'] { width: 35%; font-weight: normal; }
  .name { font-weight: 600; display: block; }
  .title { display: block; color: var(--cc-muted); font-size: .85rem; }
  .explain { margin-top: .25rem; padding: .1rem .5rem; min-height: 1.75rem; font-size: .85rem; }
  .note { display: block; color: var(--cc-muted); font-size: .85rem; }
  .items { margin: 0; padding-left: 1rem; }
  .explanation td { background: var(--cc-bg); border-top: none; }
  .explanation p { margin: .25rem 0; }
  .caution { color: var(--cc-warning-fg); background: var(--cc-warning-bg); padding: .25rem .5rem; border-radius: .25rem; }
  @media (max-width: 30rem) {
    table, thead, tbody, tr, th, td { display: block; width: 100%; }
    thead { display: none; }
    tr { border-top: 1px solid var(--cc-border); padding: .25rem 0; }
    th, td { border-top: none; padding: .1rem 0; }
    th[scope='row'] { width: 100%; }
    tr[hidden] { display: none; }
  }
`
