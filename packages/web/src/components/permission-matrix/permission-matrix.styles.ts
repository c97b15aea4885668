import { css } from 'lit'

export const permissionMatrixStyles = css`
  :host { display: block; }
  .pickers { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; }
  .pickers > div { display: flex; flex-direction: column; gap: .25rem; min-width: 0; }
  .grow { flex: 1 1 16rem; }
  .grow input { width: 100%; }
  select { max-width: 100%; }
  .verdict { font-weight: 700; padding: .4rem .6rem; border-radius: .375rem; overflow-wrap: anywhere; }
  table { border-collapse: collapse; margin: .5rem 0; width: 100%; }
  caption { text-align: left; color: var(--cc-muted); padding: .25rem 0; }
  th, td { text-align: left; padding: .3rem .5rem; border-top: 1px solid var(--cc-border); }
  th[scope='row'] { font-weight: normal; }
  .carried { overflow-wrap: anywhere; }
`
