import { css } from 'lit'

export const lifetimeTimelineStyles = css`
  :host { display: block; }
  svg { display: block; width: 100%; max-width: 40rem; height: auto; overflow: visible; }
  .valid { fill: var(--cc-timeline-valid); }
  .skew { fill: var(--cc-timeline-skew); opacity: .55; }
  .tick { stroke: var(--cc-text); stroke-width: 1.5; }
  .now { stroke: var(--cc-timeline-now); stroke-width: 2.5; }
  .label { fill: var(--cc-text); font-size: 11px; font-family: system-ui, sans-serif; }
  .now-label { fill: var(--cc-timeline-now); font-weight: 700; }
  .state { font-weight: 600; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: .5rem 0; font-size: .9rem; }
  dt { color: var(--cc-muted); }
  dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
`
export const lifetimeBreakStyles = css`
  .axis { stroke: var(--cc-muted); stroke-width: 1; stroke-dasharray: 3 3; }
  .break { stroke: var(--cc-text); stroke-width: 2; fill: none; }
`
