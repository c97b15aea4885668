import { css } from 'lit'

export const customCatalogStyles = css`
  :host { display: block; }
  label { display: block; font-weight: 600; margin: .5rem 0 .25rem; }
  textarea { width: 100%; min-height: 6rem; box-sizing: border-box; }
  .actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .4rem; }
  .hint { margin: .25rem 0 0; font-size: .9rem; }
  .problems { margin: .5rem 0 0; color: var(--cc-error-fg); background: var(--cc-error-bg); padding: .5rem .75rem; border-radius: .375rem; }
  .problems ul { margin: .25rem 0 0; padding-left: 1.2rem; }
  .loaded { margin: .5rem 0 0; padding: .5rem .75rem; border-radius: .375rem; background: var(--cc-ok-bg); color: var(--cc-ok-fg); overflow-wrap: anywhere; }
`
