import { css } from 'lit'

export const capabilitiesViewStyles = css`
  :host { display: block; }
  .carried { margin: .25rem 0 .5rem; padding-left: 1.2rem; }
  .carried li { overflow-wrap: anywhere; }
  .carried-permissions p { margin: .5rem 0 .25rem; }
  .headline { margin: .25rem 0 .5rem; font-size: 1.05rem; }
  .areas { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: .25rem .75rem; }
  .areas li:has(details[open]) { grid-column: 1 / -1; }
  summary { cursor: pointer; padding: .15rem 0; display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
  .area { font-weight: 600; min-width: 0; overflow-wrap: anywhere; }
  .count { border-radius: 999px; padding: 0 .45rem; font-size: .85rem; font-weight: 600; }
  .count.all { background: var(--cc-ok-bg); color: var(--cc-ok-fg); }
  .count.some { background: var(--cc-warning-bg); color: var(--cc-warning-fg); }
  .count.none { background: var(--cc-error-bg); color: var(--cc-error-fg); }
  table { border-collapse: collapse; width: 100%; margin: .25rem 0 .5rem; font-size: .9rem; }
  th, td { text-align: left; vertical-align: top; padding: .2rem .4rem; border-bottom: 1px solid var(--cc-border); overflow-wrap: anywhere; }
  thead th { font-size: .85rem; color: var(--cc-muted); }
  tbody th { font-weight: normal; }
  tr[data-granted='true'] .mark { color: var(--cc-ok-fg); }
  tr[data-granted='false'] .mark { color: var(--cc-error-fg); }
  .mark { display: inline-block; width: 1.1rem; font-weight: 700; }
  .operation { margin-top: .75rem; display: grid; gap: .25rem; }
  .operation input { width: 100%; }
  .operation .hint, .operation .problem { margin: 0; }
  .problem { color: var(--cc-error-fg); }
`
