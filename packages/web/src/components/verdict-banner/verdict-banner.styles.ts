import { css } from 'lit'

export const verdictBannerStyles = css`
  :host { display: block; }
  .banner { border-radius: .5rem; padding: .75rem 1rem; border-left: .4rem solid currentColor; }
  .headline { font-size: 1.2rem; font-weight: 700; margin: 0; }
  .summary { margin: .25rem 0 0; overflow-wrap: anywhere; }
  .ok { background: var(--cc-ok-bg); color: var(--cc-ok-fg); }
  .warnings { background: var(--cc-warning-bg); color: var(--cc-warning-fg); }
  .errors, .unreadable { background: var(--cc-error-bg); color: var(--cc-error-fg); }
`
