import { css } from 'lit'

export const samplePickerStyles = css`
  :host { display: block; }
  ul { list-style: none; padding: 0; margin: .5rem 0; display: grid; gap: .5rem; }
  li { display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: center; }
  .problem { color: var(--cc-error-fg); }
`
