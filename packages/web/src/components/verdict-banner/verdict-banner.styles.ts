import { css } from 'lit'

export const verdictBannerStyles = css`
  :host { display: block; }
  .banner { border-radius: .5rem; padding: .6rem 1rem; border-left: .4rem solid currentColor; }
  .headline { font-size: 1.15rem; font-weight: 700; margin: 0; overflow-wrap: anywhere; }
  .reason { font-weight: 600; }
  .checking { font-weight: normal; font-size: .95rem; }
  .operation { margin: .25rem 0 0; font-size: 1.05rem; overflow-wrap: anywhere; }
  .first-finding { margin: .25rem 0 0; overflow-wrap: anywhere; }
  .summary { margin: .25rem 0 0; overflow-wrap: anywhere; font-size: .95rem; }
  .works { background: var(--cc-ok-bg); color: var(--cc-ok-fg); }
  .undetermined { background: var(--cc-warning-bg); color: var(--cc-warning-fg); }
  .refused { background: var(--cc-error-bg); color: var(--cc-error-fg); }
`
