import { css } from 'lit'

export const signaturePanelStyles = css`
  :host { display: block; }
  .status .badge { font-size: 1rem; padding: .15rem .75rem; }
  .problem { color: var(--cc-warning-fg); background: var(--cc-warning-bg); padding: .25rem .5rem; border-radius: .25rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: .5rem 0; font-size: .9rem; }
  dt { color: var(--cc-muted); }
  dd { margin: 0; min-width: 0; }
`
export const signaturePanelExtraStyles = css`
  .paste-keys form { display: grid; gap: .35rem; }
  .paste-keys textarea { width: 100%; }
  .paste-keys button { justify-self: start; }
  button.link { background: none; border: none; padding: 0; min-height: 0; color: var(--cc-accent); text-decoration: underline; font: inherit; }
  a { color: var(--cc-accent); }
`
