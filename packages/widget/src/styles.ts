/**
 * The element's styles. Applied through constructable stylesheets (no inline <style>, no style attributes),
 * so a strict CSP without 'unsafe-inline' works. Public tokens are `--kofi-*`; `--_*` are private.
 */
import { css } from "lit";

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    container-name: kofi;
    font: inherit;
    color: var(--_fg);
    min-inline-size: 0;
    --_accent: var(--kofi-accent, #5b4cdb);
    --_accent-fg: var(--kofi-accent-foreground, #ffffff);
    --_bg: var(--kofi-background, #ffffff);
    --_surface: var(--kofi-surface, #f5f5f8);
    --_fg: var(--kofi-foreground, #16161d);
    --_muted: var(--kofi-muted, #5d5d6e);
    --_border: var(--kofi-border, #d4d4de);
    --_danger: var(--kofi-danger, #b3261e);
    --_success: var(--kofi-success, #1b6e3a);
    --_warning: var(--kofi-warning, #8a5300);
    --_focus: var(--kofi-focus-ring, #1a73e8);
    --_radius: var(--kofi-radius, 12px);
    --_radius-sm: var(--kofi-radius-small, 8px);
    --_space: var(--kofi-space, 0.75rem);
    --_shadow: var(--kofi-shadow, 0 1px 3px rgb(0 0 0 / 0.12));
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme="dark"]) {
    --_accent: var(--kofi-accent, #a89cff);
    --_accent-fg: var(--kofi-accent-foreground, #16161d);
    --_bg: var(--kofi-background, #16161d);
    --_surface: var(--kofi-surface, #23232d);
    --_fg: var(--kofi-foreground, #f1f1f5);
    --_muted: var(--kofi-muted, #a9a9ba);
    --_border: var(--kofi-border, #3a3a48);
    --_danger: var(--kofi-danger, #ffb4ab);
    --_success: var(--kofi-success, #8fd6a5);
    --_warning: var(--kofi-warning, #ffcf8a);
    --_focus: var(--kofi-focus-ring, #8ab4f8);
  }
  @media (prefers-color-scheme: dark) {
    :host([theme="system"]) {
      --_accent: var(--kofi-accent, #a89cff);
      --_accent-fg: var(--kofi-accent-foreground, #16161d);
      --_bg: var(--kofi-background, #16161d);
      --_surface: var(--kofi-surface, #23232d);
      --_fg: var(--kofi-foreground, #f1f1f5);
      --_muted: var(--kofi-muted, #a9a9ba);
      --_border: var(--kofi-border, #3a3a48);
      --_danger: var(--kofi-danger, #ffb4ab);
      --_success: var(--kofi-success, #8fd6a5);
      --_warning: var(--kofi-warning, #ffcf8a);
      --_focus: var(--kofi-focus-ring, #8ab4f8);
    }
  }

  * {
    box-sizing: border-box;
  }
  [part~="base"] {
    position: relative;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    padding: var(--_space);
    display: grid;
    /* One column that may shrink below its content's min-content width: without minmax(0, …) the tab
       strip's and the header's min-content width set the card's, and at 320 px the card overflowed the page. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
    min-inline-size: 0;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Header and wallet */
  [part~="header"] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) / 2);
  }
  [part~="title"] {
    font-weight: 600;
    margin: 0;
    font-size: 1em;
  }
  [part~="account"] {
    color: var(--_muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }

  /* Tabs (WAI-ARIA tabs pattern) */
  [part~="tablist"] {
    /* The tabs wrap onto a second row rather than scroll: a scrolled strip cut "Position" with no cue. */
    display: flex;
    flex-wrap: wrap;
    gap: 2px;
    border-block-end: 1px solid var(--_border);
  }
  [part~="tab"] {
    background: none;
    border: 0;
    border-block-end: 2px solid transparent;
    padding: 0.5em 0.75em;
    cursor: pointer;
    color: var(--_muted);
    white-space: nowrap;
  }
  [part~="tab"][aria-selected="true"] {
    color: var(--_fg);
    border-block-end-color: var(--_accent);
    font-weight: 600;
  }
  [part~="panel"] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
  }

  /* Buttons */
  .button,
  [part~="button"],
  [part~="primary-button"] {
    /* Every button gets the theme's border: the browser's default outset (bevelled) border is never used. */
    border-radius: var(--_radius-sm);
    border: 1px solid var(--_border);
    background: var(--_surface);
    padding: 0.6em 1em;
    cursor: pointer;
  }
  [part~="primary-button"] {
    background: var(--_accent);
    color: var(--_accent-fg);
    border-color: var(--_accent);
    font-weight: 600;
    inline-size: 100%;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  /* A disabled main button keeps readable text (the faded accent was about 2:1): muted text on the surface,
     a dashed border says "not now" without colour alone. */
  [part~="primary-button"]:disabled {
    opacity: 1;
    background: var(--_surface);
    color: var(--_muted);
    border: 1px dashed var(--_border);
  }
  input[type="radio"] {
    accent-color: var(--_accent);
  }
  a {
    color: var(--_accent);
  }
  [part~="facts"] {
    font-size: 0.875em;
  }

  /* Amount input */
  [part~="amount"] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
  }
  .amount-row {
    display: flex;
    gap: 0.5em;
    align-items: stretch;
  }
  [part~="amount-input"] {
    flex: 1;
    min-inline-size: 0;
    /* A percentage width gives the input no min-content width (its default is 20 characters wide, which
       pushed Max past the card's edge at 320 px). */
    inline-size: 100%;
    font-size: 1.25em;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    background: var(--_surface);
    font-variant-numeric: tabular-nums;
  }
  [part~="amount-input"][aria-invalid="true"] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }
  [part~="field-error"] {
    color: var(--_danger);
    font-size: 0.875em;
    margin: 0;
  }

  /* Choice groups */
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.35em;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 0.35em;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    padding: 0.4em 0.7em;
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--_accent);
    border-width: 2px;
  }

  /* Quote rows and summaries */
  [part~="quote"],
  [part~="summary"],
  dl {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.3em 0.75em;
    margin: 0;
    background: var(--_surface);
    border-radius: var(--_radius-sm);
    padding: 0.6em 0.75em;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }

  /* Standard vs instant comparison: side by side, stacked when narrow */
  [part~="exit-options"] {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 0.5em;
  }
  [part~="exit-option"] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    padding: 0.6em 0.75em;
    display: grid;
    gap: 0.25em;
    cursor: pointer;
    min-inline-size: 0;
  }
  [part~="exit-option"]:has(input:checked) {
    border-color: var(--_accent);
    border-width: 2px;
  }
  [part~="exit-option"][data-blocked] {
    cursor: not-allowed;
  }
  .big {
    font-size: 1.2em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  [part~="exit-difference"] {
    margin: 0;
    font-size: 0.9em;
  }

  /* Withdrawals */
  [part~="tickets"] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.4em;
  }
  [part~="ticket"] {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    padding: 0.5em 0.75em;
  }
  [part~="ticket"][data-ready] {
    border-color: var(--_success);
  }
  .ready {
    color: var(--_success);
    font-weight: 600;
  }
  .countdown {
    font-variant-numeric: tabular-nums;
  }

  /* Review */
  [part~="review"] {
    display: grid;
    gap: var(--_space);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius-sm);
    padding: var(--_space);
  }
  [part~="review"] h3 {
    margin: 0;
    font-size: 1em;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.85em;
    overflow-wrap: anywhere;
    direction: ltr;
    unicode-bidi: isolate;
  }
  .actions {
    display: flex;
    gap: 0.5em;
  }
  .actions > [part~="primary-button"] {
    flex: 1;
  }

  /* Status, errors, notices: icon + text, never colour alone */
  /* The live region stays in the tree (screen readers need it present before it speaks) but takes no space
     while silent: Lit's comment markers mean it is never :empty, hence the data attribute. */
  [part~="status"][data-empty] {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    padding: 0;
  }
  [part~="status"] {
    border-radius: var(--_radius-sm);
    padding: 0.5em 0.75em;
    background: var(--_surface);
  }
  [part~="pending"],
  [part~="success"] {
    display: grid;
    gap: var(--_space);
  }
  [part~="pending"] h3,
  [part~="success"] h3 {
    margin: 0;
  }
  .ticket-meta {
    flex-basis: 100%;
  }
  [part~="error"],
  [part~="notice"] {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.2em 0.5em;
    border-radius: var(--_radius-sm);
    padding: 0.6em 0.75em;
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
  }
  [part~="notice"] {
    border-color: var(--_warning);
  }
  [part~="error"] p,
  [part~="notice"] p {
    margin: 0;
  }
  .icon {
    font-weight: 700;
  }
  [part~="error"] .icon {
    color: var(--_danger);
  }
  [part~="notice"] .icon {
    color: var(--_warning);
  }
  .code {
    color: var(--_muted);
    font-size: 0.875em;
    grid-column: 2;
  }
  [part~="error"] .actions {
    grid-column: 2;
  }

  .wallets {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  [part~="wallet-option"] {
    width: 100%;
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  [part~="wallet-option"] img {
    width: 24px;
    height: 24px;
  }

  @container kofi (max-width: 400px) {
    [part~="exit-options"] {
      grid-template-columns: minmax(0, 1fr);
    }
    [part~="base"] {
      padding: calc(var(--_space) * 0.75);
    }
    [part~="tab"] {
      padding: 0.5em 0.5em;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    [part~="tab"],
    [part~="exit-option"] {
      transition: border-color 120ms ease;
    }
  }
`;
