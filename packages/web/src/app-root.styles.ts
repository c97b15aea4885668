import { css } from 'lit'

export const appRootStyles = css`
  :host { display: block; max-width: 62rem; margin: 0 auto; padding: 1rem; }
  header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: start; gap: .5rem 1rem; }
  h1 { margin: 0; font-size: 1.6rem; }
  .tagline { margin: .25rem 0 0; color: var(--cc-muted); }
  .theme { font-size: .9rem; }
  nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem; padding: 0; margin: 1rem 0; border-bottom: 1px solid var(--cc-border); }
  nav a { display: inline-block; padding: .45rem .8rem; border-bottom: 3px solid transparent; border-radius: .375rem .375rem 0 0; font-weight: 600; color: var(--cc-accent); text-decoration: none; }
  nav a:hover { text-decoration: underline; }
  nav a[aria-current='page'] { border-bottom-color: var(--cc-accent); color: var(--cc-text); background: var(--cc-surface); }
  [hidden] { display: none !important; }
  footer { margin-top: 2rem; padding-top: .75rem; border-top: 1px solid var(--cc-border); color: var(--cc-muted); font-size: .9rem; }
  /* A narrow screen keeps the header to two lines: the theme button sits beside the title. */
  @media (max-width: 30rem) {
    :host { padding: .75rem; }
    header { position: relative; }
    h1 { padding-right: 9rem; }
    .theme { position: absolute; top: 0; right: 0; }
    nav ul { margin: .75rem 0; }
    nav a { padding: .4rem .6rem; }
  }
`
