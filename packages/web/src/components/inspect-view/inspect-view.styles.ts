import { css } from 'lit'

export const inspectViewStyles = css`
  :host { display: block; }
  section { margin-top: .75rem; }
  h2 { margin: 1rem 0 .4rem; }
  .input { margin-top: 0; display: grid; gap: .4rem; }
  .in-force { margin: 0; font-size: .9rem; color: var(--cc-muted); overflow-wrap: break-word; }
  .in-force .label { font-weight: 600; }
  .network { margin: 0; display: flex; flex-wrap: wrap; gap: .1rem .75rem; align-items: baseline; font-size: .9rem; }
  .network .hint { margin: 0; font-size: .85rem; }
  .offline { font-weight: 600; white-space: nowrap; }
  cc-verdict-banner { margin-top: .75rem; }
  .empty { margin-top: 1rem; }
  /* Settings, samples and sign-in share a line while closed; an open one takes the whole width. */
  .more { display: flex; flex-wrap: wrap; gap: .1rem 1.5rem; }
  .more details { flex: 0 1 auto; min-width: 0; }
  .more details[open] { flex-basis: 100%; order: 1; }
  details > summary { cursor: pointer; font-weight: 600; padding: .15rem 0; }
  details > summary .hint { font-weight: normal; }
  .catalog-wait { margin: .75rem 0 0; font-weight: 600; }
  .collapsed-token { display: none; }
  /* After a paste on a narrow screen the token box folds to one line, so the verdict is in the first screen. */
  @media (max-width: 40rem) {
    .collapsed-token { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem .5rem; }
    .collapsed-token .label { font-weight: 600; }
    .collapsed-token code { overflow-wrap: anywhere; }
    .collapsed-token .hint { margin: 0; font-size: .85rem; }
    .input[data-folded] { display: none; }
  }
  .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); gap: 0 1.5rem; }
`
