import { css } from 'lit'

export const claimsTableStyles = css`
  :host { display: block; }
  .modes { display: flex; gap: .25rem; }
  .modes button { min-height: 2rem; padding: .2rem .7rem; }
  .modes button[aria-pressed='true'] { background: var(--cc-accent); color: var(--cc-accent-text); border-color: var(--cc-accent); }
  table { width: 100%; border-collapse: collapse; margin: .25rem 0 .5rem; table-layout: fixed; font-size: .92rem; }
  caption { text-align: left; font-weight: 700; padding: .2rem 0; }
  th, td { text-align: left; vertical-align: top; padding: .2rem .4rem; border-top: 1px solid var(--cc-border); min-width: 0; }
  th[scope='row'] { width: 34%; font-weight: normal; position: relative; }
  .claim { display: inline-flex; flex-wrap: wrap; gap: 0 .5rem; align-items: baseline; cursor: help; border-radius: .2rem; }
  .name { font-weight: 600; }
  .title { color: var(--cc-muted); font-size: .85rem; text-decoration: underline dotted; }
  /* The explanation: shown while the name is hovered or focused (a tap focuses it), never a button per row. */
  .tip {
    display: none; position: absolute; z-index: 2; left: .25rem; top: 100%; width: min(28rem, 85vw);
    background: var(--cc-surface); color: var(--cc-text); border: 1px solid var(--cc-border); border-radius: .375rem;
    padding: .4rem .6rem; box-shadow: 0 .25rem .75rem rgb(0 0 0 / .2); font-size: .88rem; overflow-wrap: break-word;
  }
  th:hover .tip, th:focus-within .tip { display: block; }
  .note { display: block; color: var(--cc-muted); font-size: .85rem; }
  .items { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .1rem .6rem; }
  .caution { color: var(--cc-warning-fg); }
  .raw pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--cc-bg); border: 1px solid var(--cc-border); border-radius: .375rem; padding: .5rem; margin: .25rem 0; font-size: .85rem; }
  .raw .json { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr)); gap: .75rem; }
  .raw h3 { margin: .5rem 0 .1rem; }
  .legend { margin: .4rem 0 0; font-size: .9rem; }
  .part-h { color: var(--cc-raw-header); }
  .part-p { color: var(--cc-raw-payload); }
  .part-s { color: var(--cc-raw-signature); }
  @media (max-width: 30rem) {
    table, tbody, tr, th, td { display: block; width: 100%; }
    tr { border-top: 1px solid var(--cc-border); padding: .15rem 0; }
    th, td { border-top: none; padding: .05rem 0; }
    th[scope='row'] { width: 100%; }
  }
`
