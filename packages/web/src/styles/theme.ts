import { css } from 'lit'

// Colours as custom properties on the document: they inherit into every shadow root. Each text/background pair
// meets WCAG AA (4.5:1) in both themes. The theme follows the system unless the user picks one (data-theme).
const light = css`
  --cc-bg: #ffffff;
  --cc-surface: #f4f6f8;
  --cc-text: #1b1f24;
  --cc-muted: #4a5260;
  --cc-border: #b9c0ca;
  --cc-accent: #0a58ca;
  --cc-accent-text: #ffffff;
  --cc-focus: #0a58ca;
  --cc-error-bg: #fde7e9;
  --cc-error-fg: #8a0012;
  --cc-warning-bg: #fff4ce;
  --cc-warning-fg: #5e4100;
  --cc-ok-bg: #dff6dd;
  --cc-ok-fg: #0b4d0b;
  --cc-info-bg: #e8f1fb;
  --cc-info-fg: #0b3d73;
  --cc-timeline-valid: #2e7d32;
  --cc-timeline-skew: #e0a800;
  --cc-timeline-now: #0a58ca;
  --cc-raw-header: #b0123c;
  --cc-raw-payload: #6a1b9a;
  --cc-raw-signature: #0a58ca;
`

const dark = css`
  --cc-bg: #111418;
  --cc-surface: #1b2027;
  --cc-text: #e8eaed;
  --cc-muted: #aab2bd;
  --cc-border: #4a5360;
  --cc-accent: #7ab7ff;
  --cc-accent-text: #0b1420;
  --cc-focus: #7ab7ff;
  --cc-error-bg: #3b1216;
  --cc-error-fg: #ffb3ba;
  --cc-warning-bg: #3a2e05;
  --cc-warning-fg: #ffd86b;
  --cc-ok-bg: #0f2e14;
  --cc-ok-fg: #9de3a6;
  --cc-info-bg: #0e2740;
  --cc-info-fg: #a9d1ff;
  --cc-timeline-valid: #66bb6a;
  --cc-timeline-skew: #c9a227;
  --cc-timeline-now: #7ab7ff;
  --cc-raw-header: #ff8fa8;
  --cc-raw-payload: #d7a6ff;
  --cc-raw-signature: #7ab7ff;
`

/** The document-level sheet (adopted by main.ts, so the CSP needs no inline style). */
export const pageStyles = css`
  :root { ${light} color-scheme: light; }
  @media (prefers-color-scheme: dark) { :root:not([data-theme='light']) { ${dark} color-scheme: dark; } }
  :root[data-theme='dark'] { ${dark} color-scheme: dark; }
  html, body { margin: 0; background: var(--cc-bg); color: var(--cc-text); }
  body { font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
`
