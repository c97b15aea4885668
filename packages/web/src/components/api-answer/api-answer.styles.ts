import { css } from 'lit'

export const apiAnswerStyles = css`
  :host { display: block; }
  label { display: block; font-weight: 600; margin-bottom: .25rem; }
  textarea { width: 100%; min-height: 6rem; box-sizing: border-box; font-family: var(--cc-mono, monospace); font-size: .9rem; }
  .hint { margin: .25rem 0 0; font-size: .9rem; opacity: .8; }
  .result { margin-top: .75rem; border-radius: .5rem; padding: .75rem 1rem; border-left: .4rem solid currentColor; }
  .recognized { background: var(--cc-warning-bg); color: var(--cc-warning-fg); }
  .unrecognized { background: var(--cc-info-bg, transparent); }
  .headline { font-weight: 700; margin: 0 0 .25rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .75rem; margin: .5rem 0; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  .add { font-weight: 700; }
  ul { margin: .5rem 0 0; padding-left: 1.2rem; }
  a { color: inherit; overflow-wrap: anywhere; }
`
