import { css } from 'lit'

/** Controls and type shared by every component: one look for focus, buttons and fields. */
export const sharedStyles = css`
  :host { color: var(--cc-text); }
  *, *::before, *::after { box-sizing: border-box; }
  h2, h3, h4 { line-height: 1.25; margin: 1.25rem 0 .5rem; }
  h2 { font-size: 1.25rem; }
  h3 { font-size: 1.05rem; }
  p { margin: .5rem 0; }
  code, pre, textarea.mono, .mono { font-family: ui-monospace, 'Cascadia Mono', Menlo, Consolas, monospace; font-size: .9em; }
  :focus-visible { outline: 3px solid var(--cc-focus); outline-offset: 2px; }
  button {
    font: inherit; cursor: pointer; border-radius: .375rem; padding: .4rem .8rem; min-height: 2.25rem;
    border: 1px solid var(--cc-border); background: var(--cc-surface); color: var(--cc-text);
  }
  button.primary { background: var(--cc-accent); color: var(--cc-accent-text); border-color: var(--cc-accent); }
  button:hover { filter: brightness(.96); }
  /* A disabled button must look disabled (a primary one kept its colour and read as pressable). */
  button:disabled, button.primary:disabled {
    cursor: not-allowed; filter: none; background: var(--cc-surface); color: var(--cc-muted);
    border: 1px dashed var(--cc-border);
  }
  input, select, textarea {
    font: inherit; color: var(--cc-text); background: var(--cc-bg); border: 1px solid var(--cc-border);
    border-radius: .375rem; padding: .4rem .5rem; max-width: 100%;
  }
  label { font-weight: 600; }
  .hint { color: var(--cc-muted); font-size: .9rem; }
  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
    clip-path: inset(50%); white-space: nowrap;
  }
  .panel { border: 1px solid var(--cc-border); border-radius: .5rem; padding: .75rem 1rem; background: var(--cc-surface); }
  .badge { display: inline-block; border-radius: 999px; padding: 0 .5rem; font-size: .85rem; font-weight: 600; }
  .sev-error { background: var(--cc-error-bg); color: var(--cc-error-fg); }
  .sev-warning { background: var(--cc-warning-bg); color: var(--cc-warning-fg); }
  .sev-info { background: var(--cc-info-bg); color: var(--cc-info-fg); }
  .sev-ok { background: var(--cc-ok-bg); color: var(--cc-ok-fg); }
  .wrap { overflow-wrap: anywhere; }
`
