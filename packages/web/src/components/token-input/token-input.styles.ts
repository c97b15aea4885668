import { css } from 'lit'

export const tokenInputStyles = css`
  :host { display: block; }
  textarea { display: block; width: 100%; min-height: 4.75rem; height: 4.75rem; resize: vertical; word-break: break-all; }
  .actions { display: flex; gap: .5rem; margin-top: .35rem; }
  button:disabled { cursor: default; opacity: .6; }
`
